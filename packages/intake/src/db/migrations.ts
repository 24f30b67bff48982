import { sql, type Kysely } from 'kysely';

/**
 * Versioned migrations, applied in order at start. Each runs once, in a transaction holding
 * an advisory lock, so several processes starting together on one database apply it once.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'dossiers, files, history, sequences',
    sql: `
CREATE TABLE dossier_sequences (
  agency_code text NOT NULL,
  day text NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (agency_code, day)
);
CREATE TABLE dossiers (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  agency_code text NOT NULL,
  procedure_id text NOT NULL,
  procedure_version text NOT NULL,
  channel text NOT NULL,
  lang text NOT NULL,
  status text NOT NULL,
  status_code integer NOT NULL,
  submitted_at timestamptz NOT NULL,
  appointment_at timestamptz,
  due_at timestamptz,
  overdue boolean NOT NULL DEFAULT false,
  idempotency_key_hash text NOT NULL UNIQUE,
  fingerprint text NOT NULL,
  secret_hash text NOT NULL,
  secret_box text NOT NULL,
  phone_last4 text,
  envelope jsonb NOT NULL,
  receipt jsonb NOT NULL,
  state jsonb NOT NULL,
  contact jsonb NOT NULL,
  supplement_token_hash text UNIQUE,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_by_agency ON dossiers (agency_code, submitted_at DESC);
CREATE INDEX dossiers_open_due ON dossiers (due_at) WHERE NOT overdue;
CREATE TABLE dossier_files (
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  round integer NOT NULL,
  document_id text NOT NULL,
  idx integer NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  PRIMARY KEY (dossier_id, round, document_id, idx)
);
CREATE INDEX dossier_files_by_hash ON dossier_files (sha256);
CREATE TABLE dossier_history (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_role text NOT NULL,
  actor_id text,
  reason jsonb,
  papers jsonb NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX dossier_history_by_dossier ON dossier_history (dossier_id, id);
-- History is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION dossier_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'dossier_history is append-only'; END $$;
CREATE TRIGGER dossier_history_no_change BEFORE UPDATE OR DELETE ON dossier_history
  FOR EACH ROW EXECUTE FUNCTION dossier_history_append_only();
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
`,
  },
  {
    version: 2,
    name: 'officers, sessions, outbox',
    sql: `
CREATE TABLE officers (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  agency_code text NOT NULL,
  roles jsonb NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  officer_id bigint NOT NULL REFERENCES officers (id),
  csrf_token text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  dossier_id bigint REFERENCES dossiers (id),
  channel text NOT NULL,
  recipient text NOT NULL,
  template text NOT NULL,
  lang text NOT NULL,
  payload jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE sent_at IS NULL;
`,
  },
  {
    version: 3,
    name: 'payments',
    sql: `
CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  provider text NOT NULL,
  order_ref text NOT NULL UNIQUE,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL DEFAULT 'VND',
  lines jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'refund_due')),
  provider_ref text,
  created_at timestamptz NOT NULL,
  paid_at timestamptz,
  confirmed_by text,
  raw jsonb
);
CREATE INDEX payments_by_dossier ON payments (dossier_id, id);
-- A dossier is paid once: a second completed order (another provider, a late notification)
-- cannot also be recorded as the payment, and is marked for refund instead.
CREATE UNIQUE INDEX payments_one_paid ON payments (dossier_id) WHERE state = 'paid';
`,
  },
  {
    version: 4,
    name: 'electronic results, result delivery',
    sql: `
CREATE TABLE dossier_results (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  name text NOT NULL,
  type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  officer_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_results_by_dossier ON dossier_results (dossier_id, id);
CREATE INDEX dossier_results_by_hash ON dossier_results (sha256);
CREATE TABLE dossier_deliveries (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  method text NOT NULL,
  carrier text,
  tracking text,
  place text,
  appointment text,
  officer_id text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_deliveries_by_dossier ON dossier_deliveries (dossier_id, id);
`,
  },
  {
    version: 5,
    name: 'papers issued with a dossier',
    sql: `
CREATE TABLE dossier_papers (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers (id),
  history_id bigint REFERENCES dossier_history (id),
  kind text NOT NULL,
  html text NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX dossier_papers_by_dossier ON dossier_papers (dossier_id, id);
-- A paper handed to an applicant is never rewritten: updates and deletes are refused.
CREATE FUNCTION dossier_papers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'dossier_papers is append-only'; END $$;
CREATE TRIGGER dossier_papers_no_change BEFORE UPDATE OR DELETE ON dossier_papers
  FOR EACH ROW EXECUTE FUNCTION dossier_papers_append_only();
`,
  },
  {
    version: 6,
    name: 'online share targets',
    sql: `
CREATE TABLE online_share_targets (
  agency_code text NOT NULL,
  field_key text NOT NULL,
  percent double precision NOT NULL CHECK (percent >= 0 AND percent <= 100),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_code, field_key)
);
`,
  },
  {
    version: 7,
    name: 'rate limits unlogged',
    // Rate-limit counters are written on every public lookup. Unlogged, they cost no WAL and
    // their commits wait for no flush; a database crash empties them, which only resets the
    // current windows. Nothing else lives there.
    sql: `ALTER TABLE rate_limits SET UNLOGGED;`,
  },
];

/** An arbitrary constant shared by every intake process: the migration lock's key. */
const LOCK_KEY = 741_852_963;

/** Applies the migrations not yet recorded in `schema_migrations`; returns their versions. */
export async function migrate(db: Kysely<any>): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
    const done = new Set((await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(trx)).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      // One statement per query: PGlite's query() takes one (its exec() is not what Kysely calls).
      for (const statement of m.sql.split(/;\s*\n/).map((t) => t.trim()).filter(Boolean)) await sql.raw(statement).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${m.version}, ${m.name})`.execute(trx);
      applied.push(m.version);
    }
    return applied;
  });
}
