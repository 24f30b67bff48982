import type { Kysely, Transaction } from 'kysely';
import type { ProcedureModule } from '@thutuc/runtime';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import type { DeliveryFacts, DeliveryMethod, DeliveryRecord } from '../result-delivery.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredResult {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** The electronic result the applicant gets: the last one uploaded. */
export async function latestResult(db: Db, dossierId: string): Promise<StoredResult | undefined> {
  const row = await db.selectFrom('dossier_results').select(['name', 'type', 'size', 'sha256']).where('dossier_id', '=', dossierId).orderBy('id', 'desc').executeTakeFirst();
  return row ? { name: row.name, type: row.type, size: Number(row.size), sha256: row.sha256 } : undefined;
}

/** The delivery as last recorded by an officer. */
export async function latestDelivery(db: Db, dossierId: string): Promise<DeliveryRecord | undefined> {
  const row = await db.selectFrom('dossier_deliveries').selectAll().where('dossier_id', '=', dossierId).orderBy('id', 'desc').executeTakeFirst();
  if (!row) return undefined;
  return {
    method: row.method as DeliveryMethod,
    ...(row.carrier ? { carrier: row.carrier } : {}),
    ...(row.tracking ? { tracking: row.tracking } : {}),
    ...(row.place ? { place: row.place } : {}),
    ...(row.appointment ? { appointment: row.appointment } : {}),
  };
}

/** What the delivery rules need to know about one dossier. */
export async function deliveryFacts(db: Db, catalogue: LoadedCatalogue, dossier: { id: string; procedure_id: string; procedure_version: string }, chosen: unknown): Promise<DeliveryFacts> {
  const procedure = await catalogue.procedureOfDossier(dossier.procedure_id, dossier.procedure_version);
  return deliveryFactsOf(procedure, chosen, !!(await latestResult(db, dossier.id)));
}

/** The same facts, when the caller has already read whether a result exists. */
export function deliveryFactsOf(procedure: ProcedureModule | undefined, chosen: unknown, hasResult: boolean): DeliveryFacts {
  return { offered: procedure?.definition.delivery, chosen: typeof chosen === 'string' ? chosen : undefined, hasResult };
}

/** The blobs results hold, among `sha256s` (so the start-up sweep keeps them). */
export async function resultBlobs(db: Db, sha256s: string[]): Promise<string[]> {
  if (!sha256s.length) return [];
  return (await db.selectFrom('dossier_results').select('sha256').where('sha256', 'in', sha256s).execute()).map((r) => r.sha256);
}
