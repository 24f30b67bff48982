import type { Procedure, Text } from '@thutuc/core';
import { computeFees, formatAmount, knownDate, localize, type FeeLine, type LocalizedText } from '@thutuc/runtime';
import { FEE_TYPES, unitOf } from './labels.js';

/**
 * Fee lines of one channel for the public list. The lines come from the fee engine, so the
 * report states what a form would charge; it runs with an empty submission and no compiled
 * conditions, which lists every line (conditional ones flagged) and fires no exemption —
 * the exemptions are then listed with their reasons, as a reader needs them.
 */

type Channel = Procedure['channels'][number];
type Fee = Channel['fees'][number];

export interface ReportFee {
  id: string;
  type: Fee['type'];
  typeName: LocalizedText;
  kind: Fee['kind'];
  label: Text;
  /** charged: amount known · exempt: no charge · local: set by the provincial council. */
  status: FeeLine['status'];
  currency: string;
  amount?: number;
  unitAmount?: number;
  unit?: string;
  tiers?: { from: number; to?: number; amount: number }[];
  cap?: number;
  /** How much, as one phrase: `8.000 đ/bản`, `Miễn`, `Do HĐND tỉnh quyết định`. */
  price: LocalizedText;
  /** The engine's own wording for a local amount (with the resolution when known). */
  detail?: Text;
  /** Charged only when its `when` condition holds. */
  conditional: boolean;
  /** Why an exempt line costs nothing. */
  reason?: Text;
  /** Exemptions and reductions: `reduced` is the amount charged instead; `period` when time-bounded. */
  exemptions: { id: string; reason: Text; legalBasis: string[]; reduced?: LocalizedText; period?: LocalizedText }[];
  legalBasis: string[];
  note?: Text;
  /** The source's wording of an amount it does not state. */
  raw?: string;
}

const money = (amount: number, currency: string): LocalizedText => ({ vi: formatAmount(amount, currency, 'vi'), en: formatAmount(amount, currency, 'en') });

function perUnit(amount: number, currency: string, unit: string | undefined): LocalizedText {
  const m = money(amount, currency);
  const u = unitOf(unit);
  return { vi: `${m.vi}/${u.vi}`, en: `${m.en} per ${u.en}` };
}

/** `trang 1–2: 2.000 đ/trang; từ trang 3: 1.000 đ/trang; tối đa 200.000 đ`. */
function tieredPrice(fee: Fee, currency: string): LocalizedText {
  const u = unitOf(fee.unit);
  const bands = (fee.tiers ?? []).map((t) => {
    const p = perUnit(t.amount, currency, fee.unit);
    return t.to === undefined
      ? { vi: `từ ${u.vi} ${t.from}: ${p.vi}`, en: `from ${u.en} ${t.from}: ${p.en}` }
      : { vi: `${u.vi} ${t.from}–${t.to}: ${p.vi}`, en: `${u.enPlural} ${t.from}–${t.to}: ${p.en}` };
  });
  if (fee.cap !== undefined) {
    const cap = money(fee.cap, currency);
    bands.push({ vi: `tối đa ${cap.vi}`, en: `at most ${cap.en}` });
  }
  const times = fee.multiplier === undefined ? { vi: '', en: '' } : { vi: ' (nhân với số lượng yêu cầu)', en: ' (times the number requested)' };
  return { vi: bands.map((b) => b.vi).join('; ') + times.vi, en: bands.map((b) => b.en).join('; ') + times.en };
}

function priceOf(line: FeeLine, fee: Fee): LocalizedText {
  if (line.status === 'exempt') return { vi: 'Miễn', en: 'Exempt' };
  if (line.status === 'unknown') return { vi: 'Chưa có thông tin', en: 'Not stated' };
  if (line.status === 'local') {
    return fee.resolution?.number && line.detail
      ? { vi: line.detail.vi, en: line.detail.en ?? line.detail.vi }
      : { vi: 'Do HĐND tỉnh quyết định', en: "Set by the provincial People's Council" };
  }
  if (fee.kind === 'per_unit') return perUnit(line.unitAmount ?? 0, line.currency, fee.unit);
  if (fee.kind === 'tiered') return tieredPrice(fee, line.currency);
  return money(line.amount ?? 0, line.currency);
}

/** `từ 01/07/2025 đến hết 31/12/2026`. */
function periodText(from: string | undefined, until: string | undefined): LocalizedText {
  const d = (iso: string) => iso.split('-').reverse().join('/');
  return {
    vi: [from ? `từ ${d(from)}` : '', until ? `đến hết ${d(until)}` : ''].filter(Boolean).join(' '),
    en: [from ? `from ${d(from)}` : '', until ? `until ${d(until)}` : ''].filter(Boolean).join(' '),
  };
}

export function channelFees(procedure: Procedure, channel: Channel): ReportFee[] {
  // No conditions: every line applies and no exemption fires (see the note at the top).
  // Exemptions and reductions are listed below each line, with their periods, rather than applied.
  const unexempted = { ...procedure, channels: procedure.channels.map((c) => ({ ...c, fees: c.fees.map(({ exemptions: _, ...f }) => f) })) };
  const result = computeFees(unexempted, {}, { channel: channel.channel, data: {} }, knownDate(procedure.effectiveDate) ? { today: knownDate(procedure.effectiveDate)! } : {});
  const numbers = new Map(procedure.legalBasis.map((doc) => [doc.id, doc.number]));
  const basis = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => numbers.get(id) ?? id);
  return result.lines.map((line) => {
    const fee = channel.fees.find((f) => f.id === line.id)!;
    const out: ReportFee = {
      id: line.id, type: line.type, typeName: FEE_TYPES[line.type], kind: line.kind, label: line.label,
      status: line.status, currency: line.currency, price: priceOf(line, fee), conditional: fee.when !== undefined,
      exemptions: (fee.exemptions ?? []).map((e) => ({
        id: e.id, reason: e.reason, legalBasis: basis(e.legalBasis),
        ...(e.amount !== undefined ? { reduced: money(e.amount, line.currency) } : {}),
        ...(e.validFrom || e.validUntil ? { period: periodText(e.validFrom, e.validUntil) } : {}),
      })),
      legalBasis: line.legalBasis,
    };
    if (fee.kind === 'fixed' && line.status === 'charged') out.amount = line.amount ?? 0;
    if (fee.kind === 'per_unit' || (fee.kind === 'tiered' && fee.unit)) out.unit = fee.unit;
    if (fee.kind === 'per_unit') out.unitAmount = line.unitAmount ?? 0;
    if (fee.kind === 'tiered') out.tiers = (fee.tiers ?? []).map((t) => ({ ...t }));
    if (fee.cap !== undefined) out.cap = fee.cap;
    if ((line.status === 'local' || line.status === 'unknown') && line.detail) out.detail = line.detail;
    if (line.raw) out.raw = line.raw;
    if (line.status === 'exempt' && line.exemption) out.reason = line.exemption.reason;
    if (fee.note) out.note = fee.note;
    return out;
  });
}

/** One phrase per channel for the list: `Lệ phí …: Do HĐND tỉnh quyết định (có trường hợp miễn); …`. */
export function feeSummary(fees: readonly ReportFee[]): LocalizedText {
  // No line at all is not "free": the schema asks for one, so an empty list means nothing is known.
  if (fees.length === 0) return { vi: 'Chưa có thông tin', en: 'Not stated' };
  const one = (f: ReportFee, lang: 'vi' | 'en') => {
    const flags: string[] = [];
    if (f.conditional) flags.push(localize({ vi: 'tùy trường hợp', en: 'in some cases' }, lang));
    if (f.exemptions.length) flags.push(localize({ vi: 'có trường hợp miễn', en: 'exemptions apply' }, lang));
    const label = (lang === 'en' && f.label.en) || f.label.vi;
    return `${label}: ${f.price[lang]}${flags.length ? ` (${flags.join('; ')})` : ''}`;
  };
  return { vi: fees.map((f) => one(f, 'vi')).join('; '), en: fees.map((f) => one(f, 'en')).join('; ') };
}
