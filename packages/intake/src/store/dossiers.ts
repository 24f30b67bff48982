import { sql, type Kysely, type Transaction } from 'kysely';
import { todayInVietnam } from '@thutuc/runtime';
import type { Database } from '../db/schema.js';
import { formatDossierCode } from '../dossier-code.js';
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
  /** Builds the receipt and the lifecycle state once the code is known. */
  describe(code: string): { receipt: Record<string, unknown>; state: Dossier; appointmentAt?: string };
  files: FileRecord[];
  phoneLast4?: string;
  contact: { email?: string; phone?: string };
  /** Rows for the notifications outbox, written in the same transaction. */
  notify?(code: string, dossierId: string): { channel: string; recipient: string; template: string; lang: string; payload: Record<string, unknown> }[];
}

export type InsertOutcome =
  | { created: true; id: string; code: string; receipt: Record<string, unknown>; lookupSecret: string }
  | { created: false; sameBody: boolean; receipt: Record<string, unknown>; lookupSecret?: string };

/**
 * Records a dossier in one transaction: the next number of the agency's daily sequence (a
 * counter row that the upsert locks until commit, so processes sharing the database never
 * hand out the same code), the dossier, its files, the first history entry and the outbox.
 * A second submission with the same Idempotency-Key inserts nothing and gets the first
 * receipt back — also when both arrive at once (the unique key makes the later one wait).
 */
export async function insertDossier(db: Kysely<Database>, input: NewDossierRecord): Promise<InsertOutcome> {
  const keyHash = hashIdempotencyKey(input.idempotencyKey);
  const existing = await findByKey(db, keyHash, input);
  if (existing) return existing;
  const secret = newLookupSecret();
  const outcome = await db
    .transaction()
    .execute(async (trx) => {
      const day = todayInVietnam(input.submittedAt);
      const n = await nextSequence(trx, input.agencyCode, day);
      const code = formatDossierCode(input.agencyCode, day, n, input.codeFormat);
      const { receipt, state, appointmentAt } = input.describe(code);
      const inserted = await trx
        .insertInto('dossiers')
        .values({
          code, agency_code: input.agencyCode, procedure_id: input.procedureId, procedure_version: input.procedureVersion,
          channel: input.channel, lang: input.lang, status: state.status, status_code: state.statusCode,
          submitted_at: input.submittedAt, appointment_at: appointmentAt ?? null, due_at: null,
          idempotency_key_hash: keyHash, fingerprint: input.fingerprint,
          secret_hash: hashSecret(secret, 'lookup'), secret_box: sealSecret(secret, input.idempotencyKey),
          phone_last4: input.phoneLast4 ?? null, envelope: JSON.stringify(input.envelope), receipt: JSON.stringify(receipt),
          state: JSON.stringify(stateWithoutHistory(state)), contact: JSON.stringify(input.contact), supplement_token_hash: null,
        })
        .onConflict((oc) => oc.column('idempotency_key_hash').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw new DuplicateKey();
      const id = String(inserted.id);
      if (input.files.length) {
        await trx
          .insertInto('dossier_files')
          .values(input.files.map((f) => ({ dossier_id: id, round: 0, document_id: f.documentId, idx: f.index, name: f.name, type: f.type, size: f.size, sha256: f.sha256 })))
          .execute();
      }
      await appendHistory(trx, id, state.history[0]!, []);
      const messages = input.notify?.(code, id) ?? [];
      if (messages.length) await trx.insertInto('outbox').values(messages.map((m) => ({ dossier_id: id, ...m, payload: JSON.stringify(m.payload) }))).execute();
      return { created: true as const, id, code, receipt, lookupSecret: secret };
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof DuplicateKey)) throw error;
      const again = await findByKey(db, keyHash, input);
      if (!again) throw new Error('idempotency key vanished');
      return again;
    });
  return outcome;
}

class DuplicateKey extends Error {
  override name = 'DuplicateKey';
}

async function findByKey(db: Kysely<Database>, keyHash: string, input: NewDossierRecord): Promise<InsertOutcome | undefined> {
  const row = await db.selectFrom('dossiers').select(['fingerprint', 'receipt', 'secret_box']).where('idempotency_key_hash', '=', keyHash).executeTakeFirst();
  if (!row) return undefined;
  if (row.fingerprint !== input.fingerprint) return { created: false, sameBody: false, receipt: {} };
  const lookupSecret = openSecret(row.secret_box, input.idempotencyKey);
  return { created: false, sameBody: true, receipt: row.receipt, ...(lookupSecret ? { lookupSecret } : {}) };
}

/** The next number of `agency`'s sequence for `day`, locked until the transaction ends. */
export async function nextSequence(trx: Transaction<Database>, agency: string, day: string): Promise<number> {
  const row = await sql<{ value: number }>`
    INSERT INTO dossier_sequences (agency_code, day, value) VALUES (${agency}, ${day}, 1)
    ON CONFLICT (agency_code, day) DO UPDATE SET value = dossier_sequences.value + 1
    RETURNING value`.execute(trx);
  return Number(row.rows[0]!.value);
}

/** History lives in its own append-only table; the state column keeps only the last entry. */
export function stateWithoutHistory(state: Dossier): Record<string, unknown> {
  return { ...state, history: state.history.slice(-1) };
}

/** Appends one entry; returns its id (papers issued by the entry point at it). */
export async function appendHistory(trx: Transaction<Database>, dossierId: string, entry: HistoryEntry, papers: string[]): Promise<string> {
  const row = await trx
    .insertInto('dossier_history')
    .values({
      dossier_id: dossierId, at: new Date(Date.parse(entry.at)), action: entry.action, from_status: entry.from ?? null, to_status: entry.to,
      actor_role: entry.actor.role, actor_id: entry.actor.id ?? null, reason: JSON.stringify(entry.reason ?? null), papers: JSON.stringify(papers), entry: JSON.stringify(entry),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}
