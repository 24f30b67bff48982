import type { Transaction } from 'kysely';
import type { ProcedureModule } from '@thutuc/runtime';
import type { Database } from '../db/schema.js';
import { transition, type Dossier, type LifecycleEnv, type TransitionResult } from '../lifecycle.js';
import type { PaymentSetup } from './setup.js';
import { payableOf, paymentView } from './view.js';

/**
 * After the desk accepts a dossier whose procedure takes its fees online and which has not
 * paid yet, the system asks for payment at once (status 6, Yêu cầu thực hiện nghĩa vụ tài
 * chính); the payment then moves it on to processing. Undefined when nothing is owed online.
 */
export async function requestPaymentIfDue(
  trx: Transaction<Database>, payments: PaymentSetup, row: { id: string; channel: string; receipt: unknown }, accepted: Dossier,
  procedure: ProcedureModule | undefined, at: string, env: LifecycleEnv,
): Promise<(TransitionResult & { amount?: number }) | undefined> {
  const orders = await trx.selectFrom('payments').select(['provider', 'state', 'amount', 'lines', 'paid_at']).where('dossier_id', '=', row.id).execute();
  const view = paymentView(payableOf(procedure?.definition, row.channel, row.receipt as never), orders, accepted.status, payments.offered);
  if (view.state !== 'due' && view.state !== 'pending') return undefined;
  const result = transition(accepted, 'request_payment', { actor: { role: 'system' }, at }, env);
  return result.ok ? { ...result, amount: view.amount ?? 0 } : result;
}
