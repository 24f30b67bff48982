import type { Fee, Procedure } from './generated/model.js';
import { todayInVietnam } from './helpers.js';
import { amountText, type Currency } from './money.js';
import { tieredAmount, unitCount, type FeeBand } from './fee-rules.js';
import { feeDetail, localText, totalText, unknownFeeText } from './fee-texts.js';
import type { Text } from './generated/model.js';
import type { Condition, ConditionContext } from './submission.js';

/**
 * The fee engine: which lines of the chosen channel apply to a submission, how much each
 * costs, and the totals per currency. Forms, the intake server and receipts all call this,
 * so the figure an applicant saw is the figure they are asked to pay. Amounts are integers;
 * a quantity that is missing or not a whole number counts as 0 units, never NaN.
 */

/** Amounts set by a provincial People's Council resolution (HĐND tỉnh), by fee id. */
export interface LocalFeeOverrides {
  /** Province code (2 digits). */
  province: string;
  resolution?: { number: string; date?: string };
  amounts: Record<string, number>;
}

export interface FeePayload {
  case?: string;
  channel: string;
  delivery?: string;
  data: Record<string, unknown>;
  documents?: Record<string, unknown>;
}

export interface FeeOptions {
  /** `YYYY-MM-DD` used as today (on-time exemptions); defaults to today in Vietnam. */
  today?: string;
  overrides?: LocalFeeOverrides;
}

export interface FeeLine {
  id: string;
  type: Fee['type'];
  kind: Fee['kind'];
  label: Text;
  currency: Currency;
  /**
   * charged: amount known · exempt: 0 with a reason · local: set locally, amount unknown ·
   * unknown: the source does not state the amount (never shown as 0 or free).
   */
  status: 'charged' | 'exempt' | 'local' | 'unknown';
  /** Undefined while a local amount is unknown and for every `unknown` line. */
  amount?: number;
  unit?: Fee['unit'];
  /** Units charged (per_unit), or units per application of the tiers (tiered). */
  quantity?: number;
  /** Price of one unit (per_unit, and local amounts charged per unit). */
  unitAmount?: number;
  /** Tiered: how many times the tiers applied, the bands of one application, whether the cap applied. */
  multiplier?: number;
  bands?: FeeBand[];
  capped?: boolean;
  exemption?: { id: string; reason: Text; legalBasis: string[] };
  /** The resolution that sets a local amount, when known. */
  resolution?: { number?: string; date?: string; province?: string };
  /** Numbers of the documents that set the fee, e.g. `281/2016/TT-BTC`. */
  legalBasis: string[];
  /** How the amount was reached, e.g. "3 bản × 8.000 đ". */
  detail?: Text;
  note?: Text;
  /** The source's wording of an amount it does not state. */
  raw?: string;
}

export interface FeeTotal {
  currency: Currency;
  /** The sum of the known amounts. */
  amount: number;
  /** False while a local or unstated amount in this currency is unknown: `amount` is then only a part. */
  complete: boolean;
  /** Lines of this currency whose amount is missing, by cause. */
  missing?: { local: number; unknown: number };
  text: Text;
}

export interface FeeResult {
  channel: string;
  lines: FeeLine[];
  /** Ids of lines whose `when` condition is false. */
  notApplied: string[];
  /** Known amount by currency (VND first). */
  totals: Record<string, number>;
  /** False when any local amount is unknown. */
  complete: boolean;
  summary: FeeTotal[];
  /** Set when the payload's channel is not one of the procedure's. */
  error?: Text;
}

/** Computes the fee lines and totals of a submission on the channel it chose. */
export function computeFees(procedure: Procedure, conditions: Readonly<Record<string, Condition>>, payload: FeePayload, options: FeeOptions = {}): FeeResult {
  const channel = procedure.channels.find((c) => c.channel === payload?.channel);
  if (!channel) {
    const name = String(payload?.channel);
    return {
      channel: name, lines: [], notApplied: [], totals: {}, complete: false, summary: [],
      error: { vi: `Thủ tục không có hình thức nộp "${name}".`, en: `The procedure has no "${name}" channel.` },
    };
  }
  const d = payload.data && typeof payload.data === 'object' ? payload.data : {};
  const ctx: ConditionContext = {
    channel: channel.channel,
    case: payload.case ?? procedure.cases[0]?.id,
    delivery: payload.delivery,
    today: options.today ?? todayInVietnam(),
  };
  const numbers = new Map(procedure.legalBasis.map((doc) => [doc.id, doc.number]));
  const basis = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => numbers.get(id) ?? id);
  const run = (key: string) => conditions[`fee:${channel.channel}/${key}`];

  const lines: FeeLine[] = [];
  const notApplied: string[] = [];
  for (const fee of channel.fees) {
    const when = run(`${fee.id}:when`);
    if (fee.when !== undefined && when !== undefined && !when(d, ctx)) {
      notApplied.push(fee.id);
      continue;
    }
    const line: FeeLine = {
      id: fee.id, type: fee.type, kind: fee.kind, label: fee.label, currency: fee.currency ?? 'VND',
      status: 'charged', legalBasis: basis(fee.legalBasis),
      ...(fee.unit ? { unit: fee.unit } : {}), ...(fee.note ? { note: fee.note } : {}),
    };
    // An exemption or reduction applies when its condition holds (none: everyone) on a day within its period.
    const inPeriod = (e: { validFrom?: string; validUntil?: string }) => (!e.validFrom || e.validFrom <= ctx.today) && (!e.validUntil || ctx.today <= e.validUntil);
    const applies = (e: NonNullable<Fee['exemptions']>[number]) => inPeriod(e) && (e.when === undefined ? true : Boolean(run(`${fee.id}/exemption/${e.id}`)?.(d, ctx)));
    const found = (fee.exemptions ?? []).find(applies);
    const reduction = found?.amount !== undefined ? found : undefined;
    const exemption = reduction ? undefined : found;
    if (reduction && (fee.kind === 'fixed' || fee.kind === 'per_unit')) {
      const reduced = { id: reduction.id, reason: reduction.reason, legalBasis: basis(reduction.legalBasis ?? fee.legalBasis) };
      const unitAmount = reduction.amount!;
      if (fee.kind === 'fixed') {
        lines.push({ ...line, amount: unitAmount, exemption: reduced });
      } else {
        const q = fee.quantity === undefined ? 1 : unitCount(run(`${fee.id}:quantity`)?.(d, ctx));
        lines.push({ ...line, amount: q * unitAmount, quantity: q, unitAmount, exemption: reduced, detail: feeDetail.perUnit(q, fee.unit, unitAmount, line.currency) });
      }
      continue;
    }
    if (fee.kind === 'exempt' || exemption) {
      const reason = exemption?.reason ?? fee.reason ?? { vi: 'Miễn phí, lệ phí.', en: 'Exempt.' };
      lines.push({ ...line, status: 'exempt', amount: 0, exemption: { id: exemption?.id ?? fee.id, reason, legalBasis: basis(exemption?.legalBasis ?? fee.legalBasis) } });
      continue;
    }
    if (fee.kind === 'unknown') {
      lines.push({ ...line, status: 'unknown', detail: unknownFeeText(fee.raw), ...(fee.raw ? { raw: fee.raw } : {}) });
      continue;
    }
    const quantity = () => (fee.quantity === undefined ? 1 : unitCount(run(`${fee.id}:quantity`)?.(d, ctx)));
    if (fee.kind === 'fixed') {
      lines.push({ ...line, amount: fee.amount ?? 0 });
    } else if (fee.kind === 'per_unit') {
      const q = quantity();
      const unitAmount = fee.amount ?? 0;
      lines.push({ ...line, amount: q * unitAmount, quantity: q, unitAmount, detail: feeDetail.perUnit(q, fee.unit, unitAmount, line.currency) });
    } else if (fee.kind === 'tiered') {
      const q = quantity();
      const m = fee.multiplier === undefined ? 1 : unitCount(run(`${fee.id}:multiplier`)?.(d, ctx));
      const once = tieredAmount(q, fee.tiers ?? [], fee.cap);
      lines.push({ ...line, amount: once.amount * m, quantity: q, multiplier: m, bands: once.bands, capped: once.capped, detail: feeDetail.tiered(once, fee, m, line.currency) });
    } else {
      lines.push(localLine(line, fee, options.overrides, quantity));
    }
  }
  return { channel: channel.channel, lines, notApplied, ...totalsOf(lines) };
}

function localLine(line: FeeLine, fee: Fee, overrides: LocalFeeOverrides | undefined, quantity: () => number): FeeLine {
  const given = overrides && Object.hasOwn(overrides.amounts, fee.id) ? overrides.amounts[fee.id] : undefined;
  const applies = overrides !== undefined && (fee.resolution?.province === undefined || fee.resolution.province === overrides.province);
  const resolution = applies && overrides.resolution ? { ...overrides.resolution, province: overrides.province } : fee.resolution;
  const withResolution = resolution ? { ...line, resolution } : line;
  if (!applies || given === undefined || !Number.isSafeInteger(given) || given < 0) {
    return { ...withResolution, status: 'local', detail: localText(resolution) };
  }
  if (fee.quantity === undefined) return { ...withResolution, amount: given, detail: localText(resolution, amountText(given, line.currency)) };
  const q = quantity();
  return { ...withResolution, amount: q * given, quantity: q, unitAmount: given, detail: localText(resolution, feeDetail.perUnit(q, fee.unit, given, line.currency)) };
}

function totalsOf(lines: FeeLine[]): Pick<FeeResult, 'totals' | 'complete' | 'summary'> {
  const currencies: Currency[] = lines.length === 0 ? ['VND'] : [...new Set(lines.map((l) => l.currency))].sort((a, b) => (a === 'VND' ? -1 : b === 'VND' ? 1 : a < b ? -1 : 1));
  const totals: Record<string, number> = {};
  const summary = currencies.map((currency): FeeTotal => {
    const mine = lines.filter((l) => l.currency === currency);
    const amount = mine.reduce((sum, l) => sum + (l.amount ?? 0), 0);
    const missing = { local: mine.filter((l) => l.status === 'local' && l.amount === undefined).length, unknown: mine.filter((l) => l.status === 'unknown').length };
    const complete = missing.local + missing.unknown === 0;
    totals[currency] = amount;
    return { currency, amount, complete, ...(complete ? {} : { missing }), text: totalText(amount, currency, complete, missing) };
  });
  return { totals, complete: summary.every((t) => t.complete), summary };
}
