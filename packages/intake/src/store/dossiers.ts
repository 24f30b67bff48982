import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { todayInVietnam } from '@thutuc/runtime';
import type { Database } from '../db/schema.js';
import { DEFAULT_CODE_PATTERN, DEFAULT_SEQUENCE_WIDTH, formatDossierCode } from '../dossier-code.js';
import type { Dossier, HistoryEntry } from '../lifecycle.js';
import { hashIdempotencyKey, hashSecret, newLookupSecret, openSecret, sealSecret } from './secrets.js';

/** A file of a dossier as recorded: which document, its place in the list, and its blob. */
export interface FileRecord {
  documentId: string;
  index: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface NewDossierRecord {
  agencyCode: string;
  codeFormat: { pattern?: string; width?: number };
  submittedAt: Date;
  idempotencyKey: string;
  fingerprint: string;
  procedureId: string;
  procedureVersion: string;
  channel: string;
  lang: string;
  envelope: Record<string, unknown>;
  /**
   * Builds the receipt and the lifecycle state for `code`. It is called once, before the
   * sequence number is known, with a code whose number is a random placeholder; the database
   * puts the number in when it hands it out (see `insertDossier`).
   */
  describe(code: string): { receipt: Record<string, unknown>; state: Dossier; appointmentAt?: string };
  files: FileRecord[];
  phoneLast4?: string;
  contact: { email?: string; phone?: string };
  /** Rows for the notifications outbox, written in the same statement (same placeholder rule). */
  notify?(code: string): { channel: string; recipient: string; template: string; lang: string; payload: Record<string, unknown> }[];
}

export type InsertOutcome =
  | { created: true; id: string; code: string; receipt: Record<string, unknown>; lookupSecret: string }
  | { created: false; sameBody: boolean; receipt: Record<string, unknown>; lookupSecret?: string };

/**
 * Records a dossier in one SQL statement, so in one round trip and one transaction: the next
 * number of the agency's daily sequence, the dossier, its files, the first history entry and
 * the outbox rows. The counter row is locked from the upsert until commit, so processes sharing
 * the database never hand out the same code; doing everything in one statement keeps that lock
 * as short as it can be (it used to span eight round trips, and every submission queued on it).
 * The code, receipt and state are built before the number is known, with a random placeholder
 * the statement replaces; a failed statement rolls the counter back, so the sequence has no gaps.
 * A second submission with the same Idempotency-Key breaks the unique key (after waiting for
 * the first, when both arrive at once) and gets the first receipt back.
 */
export async function insertDossier(db: Kysely<Database>, input: NewDossierRecord): Promise<InsertOutcome> {
  const keyHash = hashIdempotencyKey(input.idempotencyKey);
  const secret = newLookupSecret();
  const day = todayInVietnam(input.submittedAt);
  const placeholder = `~seq-${randomBytes(12).toString('hex')}~`;
  const codeTemplate = formatDossierCodeWith(input.agencyCode, day, placeholder, input.codeFormat);
  const { receipt, state, appointmentAt } = input.describe(codeTemplate);
  const width = input.codeFormat.width ?? DEFAULT_SEQUENCE_WIDTH;
  const text = (value: unknown) => JSON.stringify(value);
  try {
    const result = await sql<{ id: string; code: string; seq: string }>`
      WITH seq AS (
        INSERT INTO dossier_sequences (agency_code, day, value) VALUES (${input.agencyCode}, ${day}, 1)
        ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_sequences.value + 1
        RETURNING CASE WHEN length(value::text) >= ${width}::int THEN value::text ELSE lpad(value::text, ${width}::int, '0') END AS n
      ), d AS (
        INSERT INTO dossiers (code, agency_code, procedure_id, procedure_version, channel, lang, status, status_code, submitted_at, appointment_at,
          due_at, idempotency_key_hash, fingerprint, secret_hash, secret_box, phone_last4, envelope, receipt, state, contact, supplement_token_hash)
        SELECT replace(${codeTemplate}, ${placeholder}, seq.n), ${input.agencyCode}, ${input.procedureId}, ${input.procedureVersion}, ${input.channel}, ${input.lang},
          ${state.status}, ${state.statusCode}, ${input.submittedAt}, ${appointmentAt ?? null}::timestamptz, NULL, ${keyHash}, ${input.fingerprint},
          ${hashSecret(secret, 'lookup')}, ${sealSecret(secret, input.idempotencyKey)}, ${input.phoneLast4 ?? null}, ${text(input.envelope)}::jsonb,
          replace(${text(receipt)}, ${placeholder}, seq.n)::jsonb, replace(${text(stateWithoutHistory(state))}, ${placeholder}, seq.n)::jsonb, ${text(input.contact)}::jsonb, NULL
        FROM seq
        RETURNING id, code
      ), files AS (
        INSERT INTO dossier_files (dossier_id, round, document_id, idx, name, type, size, sha256)
        SELECT d.id, 0, f.document_id, f.idx, f.name, f.type, f.size, f.sha256
        FROM d, jsonb_to_recordset(${text(input.files.map((f) => ({ document_id: f.documentId, idx: f.index, name: f.name, type: f.type, size: f.size, sha256: f.sha256 })))}::jsonb)
          AS f (document_id text, idx integer, name text, type text, size bigint, sha256 text)
      ), history AS (
        INSERT INTO ${HISTORY_COLUMNS}
        ${historyValues(sql`d.id`, state.history[0]!, [])} FROM d
      ), outbox AS (
        INSERT INTO outbox (dossier_id, channel, recipient, template, lang, payload)
        SELECT d.id, m.channel, m.recipient, m.template, m.lang, replace(m.payload::text, ${placeholder}, seq.n)::jsonb
        FROM d, seq, jsonb_to_recordset(${text(input.notify?.(codeTemplate) ?? [])}::jsonb) AS m (channel text, recipient text, template text, lang text, payload jsonb)
      )
      SELECT d.id, d.code, seq.n AS seq FROM d, seq`.execute(db);
    const row = result.rows[0]!;
    const filled = JSON.parse(JSON.stringify(receipt).split(placeholder).join(row.seq)) as Record<string, unknown>;
    return { created: true, id: String(row.id), code: row.code, receipt: filled, lookupSecret: secret };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const again = await findByKey(db, keyHash, input);
    if (!again) throw error;
    return again;
  }
}

/** The code with `seq` (any text) where the number goes. */
function formatDossierCodeWith(agency: string, day: string, seq: string, format: { pattern?: string }): string {
  return formatDossierCode(agency, day, 0, { pattern: (format.pattern ?? DEFAULT_CODE_PATTERN).split('{seq}').join(seq) });
}

/** The unique Idempotency-Key broken: PostgreSQL's unique_violation on that column. */
function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; detail?: string };
  return e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''} ${e.detail ?? ''}`.includes('idempotency_key_hash');
}

async function findByKey(db: Kysely<Database>, keyHash: string, input: NewDossierRecord): Promise<InsertOutcome | undefined> {
  const row = await db.selectFrom('dossiers').select(['fingerprint', 'receipt', 'secret_box']).where('idempotency_key_hash', '=', keyHash).executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint !== input.fingerprint) return { created: false, sameBody: false, receipt: {} };
  const lookupSecret = openSecret(row.secret_box, input.idempotencyKey);
  return { created: false, sameBody: true, receipt: row.receipt, ...(lookupSecret ? { lookupSecret } : {}) };
}

/** History lives in its own append-only table; the state column keeps only the last entry. */
export function stateWithoutHistory(state: Dossier): Record<string, unknown> {
  return { ...state, history: state.history.slice(-1) };
}

const HISTORY_COLUMNS = sql`dossier_history (dossier_id, at, action, from_status, to_status, actor_role, actor_id, reason, papers, entry)`;

/** The history row's values as a SELECT list (also usable inside a larger statement). */
function historyValues(dossierId: RawBuilder<unknown>, entry: HistoryEntry, papers: string[]): RawBuilder<unknown> {
  const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  return sql`SELECT ${dossierId}, ${new Date(Date.parse(entry.at))}::timestamptz, ${entry.action}, ${entry.from ?? null}, ${entry.to}, ${entry.actor.role}, ${entry.actor.id ?? null},
    ${json(entry.reason ?? null)}, ${json(papers)}, ${json(entry)}`;
}

/** Appends one entry; returns its id (papers issued by the entry point at it). */
export async function appendHistory(trx: Transaction<Database>, dossierId: string, entry: HistoryEntry, papers: string[]): Promise<string> {
  const row = await sql<{ id: string }>`INSERT INTO ${HISTORY_COLUMNS} ${historyValues(sql`${dossierId}::bigint`, entry, papers)} RETURNING id`.execute(trx);
  return String(row.rows[0]!.id);
}
