import type { FeeLine, ProcedureModule } from '@thutuc/runtime';
import type { Procedure, Text } from '@thutuc/runtime/model';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { IntakeContext } from '../http/context.js';
import { FINAL_STATUSES, type DossierStatus } from '../lifecycle-statuses.js';
import type { ProviderName } from './provider.js';

/** A fee line as the applicant and the officer see it beside the payment. */
export interface PaymentLine {
  id: string;
  label: Text;
  status: FeeLine['status'];
  /** Null while the amount is unknown (set locally, or not stated by the source). */
  amount: number | null;
  detail?: Text;
}

/** What a dossier owes online, from the fee lines the server's fee engine computed on receipt. */
export interface Payable {
  /** The procedure takes its fees online on this channel (level 4, filed online). */
  online: boolean;
  /** The total in VND, or null while any line's amount is unknown. */
  amount: number | null;
  lines: PaymentLine[];
}

export interface PaymentView {
  state: 'none' | 'due' | 'pending' | 'paid';
  amount: number | null;
  currency: 'VND';
  lines: PaymentLine[];
  /** The providers the applicant may pay with now (empty unless due or pending). */
  providers: ProviderName[];
  paidAt?: string;
  provider?: ProviderName;
  /** Why there is nothing to pay online although fees apply. */
  note?: Text;
}

export interface OrderSummary {
  provider: string;
  state: string;
  amount: string | number;
  lines: unknown;
  paid_at: Date | string | null;
}

type StoredFees = { fees?: { total?: Record<string, number>; complete?: boolean; lines?: FeeLine[] } };

export function payableOf(definition: Pick<Procedure, 'onlineLevel'> | undefined, channel: string, receipt: StoredFees): Payable {
  const fees = receipt.fees ?? {};
  const lines = (fees.lines ?? []).map((l): PaymentLine => ({ id: l.id, label: l.label, status: l.status, amount: l.amount ?? null, ...(l.detail ? { detail: l.detail } : {}) }));
  return { online: definition?.onlineLevel === 'full' && channel === 'online', amount: fees.complete === false ? null : (fees.total?.VND ?? 0), lines };
}

const UNKNOWN_AMOUNT: Text = {
  vi: 'Số tiền phí, lệ phí chưa xác định nên chưa thể thanh toán trực tuyến; cơ quan giải quyết sẽ thông báo.',
  en: 'The fee amount is not known yet, so it cannot be paid online; the agency will tell you.',
};

/** The payment state of a dossier from what it owes and its orders. */
export function paymentView(payable: Payable, orders: readonly OrderSummary[], status: DossierStatus, offered: readonly ProviderName[]): PaymentView {
  const paid = orders.find((o) => o.state === 'paid');
  if (paid) {
    return {
      state: 'paid', amount: Number(paid.amount), currency: 'VND', lines: paid.lines as PaymentLine[], providers: [], provider: paid.provider as ProviderName,
      ...(paid.paid_at ? { paidAt: new Date(paid.paid_at).toISOString() } : {}),
    };
  }
  const base = { amount: payable.amount, currency: 'VND' as const, lines: payable.lines };
  if (!payable.online || FINAL_STATUSES.includes(status) || !offered.length) return { state: 'none', ...base, providers: [] };
  if (payable.amount === null) return { state: 'none', ...base, providers: [], note: UNKNOWN_AMOUNT };
  if (payable.amount === 0) return { state: 'none', ...base, providers: [] };
  return { state: orders.some((o) => o.state === 'pending') ? 'pending' : 'due', ...base, providers: [...offered] };
}

/** The payment part of the lookup answer and of the officer's dossier (`orders` when already read with the dossier). */
export async function paymentOf(ctx: IntakeContext, row: { id: string; channel: string; status: string; receipt: unknown }, procedure: ProcedureModule | undefined, known?: readonly OrderSummary[]): Promise<PaymentView> {
  const orders = known ?? (await ctx.db.selectFrom('payments').select(['provider', 'state', 'amount', 'lines', 'paid_at']).where('dossier_id', '=', row.id).orderBy('id').execute());
  return paymentView(payableOf(procedure?.definition, row.channel, row.receipt as StoredFees), orders, row.status as DossierStatus, ctx.payments.offered);
}

/** The orders of a dossier as an officer sees them (which provider, reference, state, who confirmed). */
export async function ordersOf(db: Kysely<Database>, dossierId: string) {
  const rows = await db.selectFrom('payments').select(['provider', 'order_ref', 'amount', 'state', 'provider_ref', 'created_at', 'paid_at', 'confirmed_by']).where('dossier_id', '=', dossierId).orderBy('id').execute();
  return rows.map((r) => ({
    provider: r.provider, reference: r.order_ref, amount: Number(r.amount), state: r.state, providerReference: r.provider_ref,
    createdAt: new Date(r.created_at).toISOString(), paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null, confirmedBy: r.confirmed_by,
  }));
}
