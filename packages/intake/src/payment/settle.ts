import type { Transaction } from 'kysely';
import { parseVietnamTime } from '@thutuc/runtime';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import { transition, type Actor, type Dossier, type TransitionResult } from '../lifecycle.js';
import { appendHistory, stateWithoutHistory } from '../store/dossiers.js';
import { vietnamIso } from '../time.js';

type Order = { id: string; dossier_id: string };

export interface Settlement {
  /** `paid` when this order is the dossier's payment; `refund_due` when the dossier was already paid or can no longer take it. */
  state: 'paid' | 'refund_due';
}

/**
 * Records that an order's money arrived, inside the caller's transaction: the dossier row is
 * locked, the lifecycle's `pay` applies (status 6 → 4, or the status stays when the fees were
 * paid before acceptance), and the order, the dossier and one history entry are written.
 * Money for a dossier already paid — or closed — is kept as `refund_due`, never as a second payment.
 */
export async function settleOrder(
  trx: Transaction<Database>, catalogue: LoadedCatalogue, order: Order,
  paid: { actor: Actor; at: Date; providerRef?: string; confirmedBy?: string; raw?: Record<string, string> },
): Promise<Settlement> {
  const dossier = await trx.selectFrom('dossiers').select(['id', 'state']).where('id', '=', order.dossier_id).forUpdate().executeTakeFirstOrThrow();
  const already = await trx.selectFrom('payments').select('id').where('dossier_id', '=', order.dossier_id).where('state', '=', 'paid').executeTakeFirst();
  const state = dossier.state as unknown as Dossier;
  const result: TransitionResult | undefined = already ? undefined : transition(state, 'pay', { actor: paid.actor, at: notBefore(state, paid.at) }, { calendar: catalogue.calendar });
  const outcome: Settlement['state'] = result?.ok ? 'paid' : 'refund_due';
  await trx
    .updateTable('payments')
    .set({
      state: outcome, paid_at: paid.at, provider_ref: paid.providerRef ?? null, confirmed_by: paid.confirmedBy ?? null,
      ...(paid.raw ? { raw: JSON.stringify(paid.raw) } : {}),
    })
    .where('id', '=', order.id)
    .execute();
  if (result?.ok) {
    await trx
      .updateTable('dossiers')
      .set({ status: result.dossier.status, status_code: result.dossier.statusCode, state: JSON.stringify(stateWithoutHistory(result.dossier)), updated_at: paid.at })
      .where('id', '=', dossier.id)
      .execute();
    await appendHistory(trx, dossier.id, result.entry, []);
  }
  return { state: outcome };
}

/** The time of the entry: now, or the last entry's time if a clock step put now before it. */
function notBefore(state: Dossier, at: Date): string {
  const lastMs = parseVietnamTime(state.history.at(-1)?.at)?.epoch;
  return vietnamIso(lastMs !== undefined && lastMs > at.getTime() ? new Date(lastMs) : at);
}
