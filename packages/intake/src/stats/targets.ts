import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The online share an agency sets itself as a target (provinces publish such targets per
 * field): one for the whole agency and, where it wants, one per field, in percent.
 */
export interface OnlineShareTargets {
  /** The agency's target for every field without one of its own. */
  overall: number | null;
  /** By field key (the national field code, or the field's Vietnamese name when it has none). */
  fields: Record<string, number>;
}

const OVERALL = '';

export async function readTargets(db: Kysely<Database>, agency: string): Promise<OnlineShareTargets> {
  const rows = await db.selectFrom('online_share_targets').select(['field_key', 'percent']).where('agency_code', '=', agency).orderBy('field_key').execute();
  const fields: Record<string, number> = {};
  let overall: number | null = null;
  for (const r of rows) {
    if (r.field_key === OVERALL) overall = Number(r.percent);
    else fields[r.field_key] = Number(r.percent);
  }
  return { overall, fields };
}

/** Replaces the agency's targets with these, in one transaction. */
export async function writeTargets(db: Kysely<Database>, agency: string, targets: OnlineShareTargets, by: string): Promise<OnlineShareTargets> {
  const rows = [
    ...(targets.overall !== null ? [{ field_key: OVERALL, percent: targets.overall }] : []),
    ...Object.entries(targets.fields).map(([field_key, percent]) => ({ field_key, percent })),
  ];
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('online_share_targets').where('agency_code', '=', agency).execute();
    if (rows.length) await trx.insertInto('online_share_targets').values(rows.map((r) => ({ ...r, agency_code: agency, updated_by: by }))).execute();
  });
  return readTargets(db, agency);
}

/** The target that applies to a field: its own, else the agency's. */
export function targetFor(targets: OnlineShareTargets, fieldKey: string): number | null {
  return targets.fields[fieldKey] ?? targets.overall;
}
