import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrderSummary } from '../payment/view.js';
import type { DeliveryRecord } from '../result-delivery.js';
import { windowStart } from './rate-limit.js';

export interface LookupRead {
  /** Lookups from this IP in the current minute, this one included. */
  ipHits: number;
  /** Failed lookups of this code in the current hour. */
  codeFailures: number;
  dossier?: PublicDossierRow & { secret_hash: string; phone_last4: string | null };
}

/** What the applicant's routes may show of a dossier. */
export interface PublicDossierRow {
  id: string;
  procedure_id: string;
  procedure_version: string;
  channel: string;
  status: string;
  state: Record<string, unknown>;
  /** The receipt's public parts only: the title, the dates and the fees. */
  receipt: { procedure?: { title?: unknown }; receivedAt?: string; appointmentDate?: string; fees?: unknown };
  submitted_at: Date;
  overdue: boolean;
  /** The result delivery option the applicant chose on the form (an option id, nothing personal). */
  delivery: string | null;
  /** The dossier's payment orders, oldest first (as payment/view.ts reads them). */
  orders: OrderSummary[];
  /** The result delivery an officer last recorded (null before one is). */
  delivery_record: DeliveryRecord | null;
  /** An electronic result has been uploaded. */
  has_result: boolean;
}

/**
 * Everything a public lookup needs, in one statement (one round trip): counts the hit against
 * the IP's window, reads the code's failures so far, and the dossier's public fields — only
 * those: the receipt's title, dates and fees (not the applicant's data), payment orders, the
 * latest recorded delivery and whether an electronic result exists. The caller
 * decides from the counts whether to answer at all. rate_limits is an unlogged table
 * (migration 7), so this statement's commit does not wait for a WAL flush.
 */
export async function readForLookup(
  db: Kysely<Database>,
  q: { code: string; ipBucket: string; ipWindowMs: number; codeBucket: string; codeWindowMs: number; now: Date },
): Promise<LookupRead> {
  const r = await sql<{ ip_hits: number; code_failures: number | null } & Partial<NonNullable<LookupRead['dossier']>> & { found: boolean }>`
    WITH ip AS (
      INSERT INTO rate_limits (bucket, window_start, hits) VALUES (${q.ipBucket}, ${windowStart(q.now, q.ipWindowMs)}, 1)
      ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
      RETURNING hits
    )
    SELECT ip.hits AS ip_hits,
      (SELECT hits FROM rate_limits WHERE bucket = ${q.codeBucket} AND window_start = ${windowStart(q.now, q.codeWindowMs)}) AS code_failures,
      d.id IS NOT NULL AS found, d.id, d.procedure_id, d.procedure_version, d.channel, d.status, d.state,
      jsonb_strip_nulls(jsonb_build_object('procedure', jsonb_build_object('title', d.receipt -> 'procedure' -> 'title'), 'receivedAt', d.receipt -> 'receivedAt',
        'appointmentDate', d.receipt -> 'appointmentDate', 'fees', d.receipt -> 'fees')) AS receipt,
      d.secret_hash, d.phone_last4, d.submitted_at, d.overdue, d.envelope ->> 'delivery' AS delivery,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('provider', p.provider, 'state', p.state, 'amount', p.amount, 'lines', p.lines, 'paid_at', p.paid_at) ORDER BY p.id), '[]'::jsonb)
        FROM payments p WHERE p.dossier_id = d.id) AS orders,
      (SELECT jsonb_strip_nulls(jsonb_build_object('method', v.method, 'carrier', nullif(v.carrier, ''), 'tracking', nullif(v.tracking, ''),
          'place', nullif(v.place, ''), 'appointment', nullif(v.appointment, '')))
        FROM dossier_deliveries v WHERE v.dossier_id = d.id ORDER BY v.id DESC LIMIT 1) AS delivery_record,
      EXISTS (SELECT 1 FROM dossier_results r WHERE r.dossier_id = d.id) AS has_result
    FROM ip LEFT JOIN dossiers d ON d.code = ${q.code}`.execute(db);
  const row = r.rows[0]!;
  const { ip_hits, code_failures, found, ...dossier } = row;
  return { ipHits: Number(ip_hits), codeFailures: Number(code_failures ?? 0), ...(found ? { dossier: { ...dossier, id: String(dossier.id) } as LookupRead['dossier'] } : {}) };
}
