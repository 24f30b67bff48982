import { randomBytes } from 'node:crypto';
import type { IntakeContext } from '../http/context.js';
import { refuse } from '../http/reasons.js';
import type { PaymentOrder, PaymentStart, ProviderName } from './provider.js';
import { settleOrder } from './settle.js';
import { paymentOf } from './view.js';

/** VNPay's vnp_TxnRef: unique per merchant, letters and digits only. */
const newRef = (): string => randomBytes(10).toString('hex').toUpperCase();

export interface StartRequest {
  dossierId: string;
  provider: ProviderName;
  clientIp: string;
  /** Used when the VNPay configuration names no return URL: this server as the browser reached it. */
  returnUrl: string;
}

/**
 * Opens an order for what the dossier owes — the amount the fee engine computed on the server,
 * never one the browser sent — and asks the provider how to pay it. A VietQR order is reused
 * while pending (its transfer note is the dossier code, so there is only one to match).
 */
export async function startPayment(ctx: IntakeContext, request: StartRequest): Promise<PaymentStart> {
  const provider = ctx.payments.providers[request.provider];
  if (!provider) throw refuse('payment-provider');
  const row = await ctx.db.selectFrom('dossiers').select(['id', 'code', 'channel', 'status', 'receipt', 'procedure_id', 'procedure_version', 'lang']).where('id', '=', request.dossierId).executeTakeFirstOrThrow();
  const view = await paymentOf(ctx, row, await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version));
  if ((view.state !== 'due' && view.state !== 'pending') || !view.amount) throw refuse('payment-not-due');
  const now = ctx.now();
  const reusable = request.provider === 'vietqr'
    ? await ctx.db.selectFrom('payments').select(['order_ref', 'created_at']).where('dossier_id', '=', row.id).where('provider', '=', 'vietqr').where('state', '=', 'pending').where('amount', '=', view.amount as never).executeTakeFirst()
    : undefined;
  const order: PaymentOrder = {
    ref: reusable?.order_ref ?? newRef(), amount: view.amount, dossierCode: row.code, createdAt: reusable ? new Date(reusable.created_at) : now,
    clientIp: request.clientIp, lang: row.lang === 'en' ? 'en' : 'vi', returnUrl: request.returnUrl,
  };
  if (!reusable) {
    await ctx.db
      .insertInto('payments')
      .values({ dossier_id: row.id, provider: request.provider, order_ref: order.ref, amount: order.amount, lines: JSON.stringify(view.lines), state: 'pending', created_at: now })
      .execute();
  }
  return provider.start(order);
}

/** VNPay's answers to an IPN, in the order the checks run. */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  badChecksum: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/**
 * A server-to-server notification: signature first (constant time), then the order, the
 * amount, and whether it was already settled — so a repeated notification changes nothing
 * and is answered 02. The order and dossier rows are locked, so two copies arriving at once
 * settle once.
 */
export async function handleNotification(ctx: IntakeContext, providerName: ProviderName, params: Record<string, string>): Promise<IpnAnswer> {
  const provider = ctx.payments.providers[providerName];
  const callback = provider?.verifyCallback?.(params);
  if (!callback?.valid) return IPN_ANSWERS.badChecksum;
  const { valid: _valid, ...report } = callback;
  return settleReported(ctx, providerName, { ...report, confirmedBy: providerName });
}

interface ProviderReport {
  ref: string;
  amount: number;
  success: boolean;
  providerRef?: string;
  raw?: Record<string, string>;
  confirmedBy: string;
}

/** Settles (or fails) an order the provider reported on, checking the order, amount and state under row locks. */
async function settleReported(ctx: IntakeContext, providerName: ProviderName, report: ProviderReport): Promise<IpnAnswer> {
  return ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('payments').select(['id', 'dossier_id']).where('order_ref', '=', report.ref).where('provider', '=', providerName).executeTakeFirst();
    if (!found) return IPN_ANSWERS.orderNotFound;
    await trx.selectFrom('dossiers').select('id').where('id', '=', found.dossier_id).forUpdate().execute();
    const order = await trx.selectFrom('payments').select(['id', 'dossier_id', 'state', 'amount']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    if (Number(order.amount) !== report.amount) return IPN_ANSWERS.invalidAmount;
    if (order.state !== 'pending') return IPN_ANSWERS.alreadyConfirmed;
    if (!report.success) {
      await trx.updateTable('payments').set({ state: 'failed', ...(report.raw ? { raw: JSON.stringify(report.raw) } : {}) }).where('id', '=', order.id).execute();
      return IPN_ANSWERS.confirmed;
    }
    await settleOrder(trx, ctx.catalogue, order, {
      actor: { role: 'system', id: providerName }, at: ctx.now(), confirmedBy: report.confirmedBy,
      ...(report.raw ? { raw: report.raw } : {}), ...(report.providerRef ? { providerRef: report.providerRef } : {}),
    });
    return IPN_ANSWERS.confirmed;
  });
}

/**
 * Asks the provider about orders still pending after `afterMs` (a notification that never
 * came: VNPay's advice is to query them) and settles those it reports paid. Orders older than
 * a day are left to people. Returns the references settled.
 */
export async function reconcilePayments(ctx: IntakeContext, afterMs = 15 * 60_000): Promise<string[]> {
  const now = ctx.now().getTime();
  const settled: string[] = [];
  for (const name of ctx.payments.offered) {
    const provider = ctx.payments.providers[name];
    if (!provider?.query) continue;
    const pending = await ctx.db
      .selectFrom('payments').innerJoin('dossiers', 'dossiers.id', 'payments.dossier_id')
      .select(['payments.order_ref', 'payments.amount', 'payments.created_at', 'dossiers.code'])
      .where('payments.provider', '=', name).where('payments.state', '=', 'pending')
      .where('payments.created_at', '<', new Date(now - afterMs)).where('payments.created_at', '>', new Date(now - 86_400_000))
      .orderBy('payments.id').limit(100).execute();
    for (const p of pending) {
      const answer = await provider.query({ ref: p.order_ref, amount: Number(p.amount), dossierCode: p.code, createdAt: new Date(p.created_at) });
      if (!answer.found || !answer.success || answer.amount === undefined) continue;
      const outcome = await settleReported(ctx, name, { ref: p.order_ref, amount: answer.amount, success: true, confirmedBy: `${name}-query`, ...(answer.providerRef ? { providerRef: answer.providerRef } : {}) });
      if (outcome === IPN_ANSWERS.confirmed) settled.push(p.order_ref);
    }
  }
  return settled;
}

export interface TransferConfirmation {
  /** The bank's transaction reference, as on the statement. */
  reference?: string;
  /** The amount the officer sees arrived; refused when it is not what the dossier owes. */
  amount?: number;
}

/**
 * An officer confirms that a VietQR transfer for the dossier reached the agency's account.
 * The dossier must be one of the officer's agency and owe a known amount.
 */
export async function confirmTransfer(ctx: IntakeContext, officer: { username: string; agencyCode: string }, code: string, input: TransferConfirmation): Promise<void> {
  const row = await ctx.db.selectFrom('dossiers').select(['id', 'code', 'channel', 'status', 'receipt', 'procedure_id', 'procedure_version']).where('code', '=', code).where('agency_code', '=', officer.agencyCode).executeTakeFirst();
  if (!row) throw refuse('other-agency');
  const view = await paymentOf(ctx, row, await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version));
  if ((view.state !== 'due' && view.state !== 'pending') || !view.amount) throw refuse('payment-not-due');
  if (input.amount !== undefined && input.amount !== view.amount) throw refuse('payment-amount', { expected: view.amount });
  const amount = view.amount;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('dossiers').select('id').where('id', '=', row.id).forUpdate().execute();
    let order = await trx.selectFrom('payments').select(['id', 'dossier_id', 'provider', 'state', 'amount']).where('dossier_id', '=', row.id).where('provider', '=', 'vietqr').where('state', '=', 'pending').forUpdate().executeTakeFirst();
    if (!order) {
      order = await trx
        .insertInto('payments')
        .values({ dossier_id: row.id, provider: 'vietqr', order_ref: newRef(), amount, lines: JSON.stringify(view.lines), state: 'pending', created_at: now })
        .returning(['id', 'dossier_id', 'provider', 'state', 'amount'])
        .executeTakeFirstOrThrow();
    }
    const settled = await settleOrder(trx, ctx.catalogue, { ...order, id: String(order.id), dossier_id: String(order.dossier_id) }, {
      actor: { role: 'reception', id: officer.username }, at: now, confirmedBy: officer.username, ...(input.reference ? { providerRef: input.reference } : {}),
    });
    if (settled.state !== 'paid') throw refuse('payment-not-due');
  });
}
