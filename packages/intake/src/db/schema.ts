import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them. The same SQL runs on PGlite (PostgreSQL 18 in WASM) and on
 * PostgreSQL ≥ 15, so only features both have are used. JSON columns are `jsonb`, written as
 * JSON text (the pg driver would turn a JS array into a PostgreSQL array otherwise).
 */
type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when the insert leaves it out. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DossierRow {
  id: Generated<string>;
  code: string;
  agency_code: string;
  procedure_id: string;
  procedure_version: string;
  channel: string;
  lang: string;
  status: string;
  status_code: number;
  submitted_at: Timestamp;
  appointment_at: Timestamp | null;
  due_at: Timestamp | null;
  overdue: Generated<boolean>;
  idempotency_key_hash: string;
  fingerprint: string;
  secret_hash: string;
  secret_box: string;
  phone_last4: string | null;
  envelope: Json<Record<string, unknown>>;
  receipt: Json<Record<string, unknown>>;
  state: Json<Record<string, unknown>>;
  contact: Json<{ email?: string; phone?: string }>;
  supplement_token_hash: string | null;
  updated_at: DefaultTimestamp;
}

export interface DossierFileRow {
  dossier_id: string;
  round: number;
  document_id: string;
  idx: number;
  name: string;
  type: string;
  size: string | number;
  sha256: string;
}

export interface HistoryRow {
  id: Generated<string>;
  dossier_id: string;
  at: Timestamp;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_role: string;
  actor_id: string | null;
  reason: Json<{ vi: string; en?: string } | null>;
  papers: Json<string[]>;
  entry: Json<Record<string, unknown>>;
}

export interface SequenceRow {
  agency_code: string;
  day: string;
  value: number;
}

export interface OfficerRow {
  id: Generated<string>;
  username: string;
  display_name: string;
  agency_code: string;
  roles: Json<string[]>;
  password_hash: string;
  created_at: DefaultTimestamp;
}

export interface SessionRow {
  id_hash: string;
  officer_id: string;
  csrf_token: string;
  expires_at: Timestamp;
}

export interface RateLimitRow {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface OutboxRow {
  id: Generated<string>;
  dossier_id: string | null;
  channel: string;
  recipient: string;
  template: string;
  lang: string;
  payload: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
}

/** The online share an agency aims at; `field_key` '' is its target for every field. */
export interface OnlineShareTargetRow {
  agency_code: string;
  field_key: string;
  percent: number;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface PaymentRow {
  id: Generated<string>;
  dossier_id: string;
  provider: string;
  order_ref: string;
  amount: ColumnType<string, number, number>;
  currency: Generated<string>;
  lines: Json<unknown[]>;
  state: 'pending' | 'paid' | 'failed' | 'refund_due';
  provider_ref: string | null;
  created_at: Timestamp;
  paid_at: Timestamp | null;
  confirmed_by: string | null;
  raw: ColumnType<Record<string, string> | null, string | undefined, string>;
}

/** A paper (Mẫu 01–05) as issued by an officer's action: the printable HTML and its hash. */
export interface DossierPaperRow {
  id: Generated<string>;
  dossier_id: string;
  history_id: string | null;
  kind: string;
  html: string;
  sha256: string;
  created_at: Timestamp;
}

/** An electronic result an officer uploaded; the latest one is what the applicant downloads. */
export interface ResultRow {
  id: Generated<string>;
  dossier_id: string;
  name: string;
  type: string;
  size: string | number;
  sha256: string;
  officer_id: string;
  created_at: Timestamp;
}

/** How the result goes to the applicant, as recorded by an officer; the latest row counts. */
export interface DeliveryRow {
  id: Generated<string>;
  dossier_id: string;
  method: string;
  carrier: string | null;
  tracking: string | null;
  place: string | null;
  /** Vietnam time as given (ISO with +07:00), kept as text so the offset survives. */
  appointment: string | null;
  officer_id: string;
  created_at: Timestamp;
}

export interface Database {
  dossiers: DossierRow;
  dossier_files: DossierFileRow;
  dossier_history: HistoryRow;
  dossier_papers: DossierPaperRow;
  dossier_sequences: SequenceRow;
  officers: OfficerRow;
  sessions: SessionRow;
  rate_limits: RateLimitRow;
  outbox: OutboxRow;
  online_share_targets: OnlineShareTargetRow;
  payments: PaymentRow;
  dossier_results: ResultRow;
  dossier_deliveries: DeliveryRow;
}
