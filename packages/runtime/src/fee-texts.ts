import type { LocalizedText } from './text.js';
import type { Fee } from './generated/model.js';
import { shortDate } from './date-text.js';
import type { TieredAmount } from './fee-rules.js';
import { amountText, countText } from './money.js';
import type { Text } from './generated/model.js';

/** The explanations printed under each fee line and total, in Vietnamese and English. */


export const feeDetail = {
  /** `3 bản × 8.000 đ` / `3 copies × VND 8,000`. */
  perUnit(units: number, unit: Fee['unit'], unitAmount: number, currency: string): LocalizedText {
    const n = countText(units, unit);
    const a = amountText(unitAmount, currency);
    return { vi: `${n.vi} × ${a.vi}`, en: `${n.en} × ${a.en}` };
  },

  /** `2 trang × 2.000 đ + 3 trang × 1.000 đ = 5.000 đ` (+ the cap and the multiplier when they apply). */
  tiered(once: TieredAmount, fee: Fee, times: number, currency: string): LocalizedText {
    const parts = once.bands.map((b) => feeDetail.perUnit(b.units, fee.unit, b.unitAmount, currency));
    const sum = amountText(once.uncapped, currency);
    let vi = parts.length ? `${parts.map((p) => p.vi).join(' + ')} = ${sum.vi}` : `${countText(0, fee.unit).vi} = ${sum.vi}`;
    let en = parts.length ? `${parts.map((p) => p.en).join(' + ')} = ${sum.en}` : `${countText(0, fee.unit).en} = ${sum.en}`;
    if (once.capped && fee.cap !== undefined) {
      const cap = amountText(fee.cap, currency);
      vi += `, áp mức tối đa ${cap.vi}`;
      en += `, capped at ${cap.en}`;
    }
    if (fee.multiplier !== undefined) {
      vi += `; × ${times}`;
      en += `; × ${times}`;
    }
    return { vi, en };
  },
};

/** "Set locally" with the resolution when known; with the amount when an override gives it. */
export function localText(resolution: Fee['resolution'], known?: Text): LocalizedText {
  const number = resolution?.number;
  const date = resolution?.date ? ` ngày ${shortDate(resolution.date)}` : '';
  const dateEn = resolution?.date ? ` of ${shortDate(resolution.date)}` : '';
  const province = resolution?.province ? ` (tỉnh mã ${resolution.province})` : '';
  const provinceEn = resolution?.province ? ` (province ${resolution.province})` : '';
  const source = number
    ? { vi: `Nghị quyết số ${number}${date} của Hội đồng nhân dân tỉnh${province}`, en: `Resolution ${number}${dateEn} of the provincial People's Council${provinceEn}` }
    : undefined;
  if (!known) {
    return source
      ? { vi: `Mức thu do địa phương quy định: ${source.vi}.`, en: `Set locally: ${source.en}.` }
      : { vi: 'Mức thu do Hội đồng nhân dân tỉnh quyết định; chưa có mức thu của địa phương.', en: "Set locally by the provincial People's Council; the local amount is not known yet." };
  }
  return source
    ? { vi: `${known.vi}, theo ${source.vi}`, en: `${known.en ?? known.vi}, per ${source.en}` }
    : { vi: `${known.vi}, do Hội đồng nhân dân tỉnh${province} quyết định`, en: `${known.en ?? known.vi}, set by the provincial People's Council${provinceEn}` };
}

/** A line whose amount the source does not state: says so, with the source's words. */
export function unknownFeeText(raw: string | undefined): LocalizedText {
  const quoted = raw ? { vi: ` (nguồn ghi: "${raw}")`, en: ` (the source says: "${raw}")` } : { vi: '', en: '' };
  return { vi: `Chưa có thông tin về mức thu${quoted.vi}.`, en: `The amount is not stated${quoted.en}.` };
}

/** The total line; an incomplete total says so, and why, instead of passing for the whole amount. */
export function totalText(amount: number, currency: string, complete: boolean, missing = { local: 1, unknown: 0 }): LocalizedText {
  const a = amountText(amount, currency);
  if (complete) return { vi: `Tổng cộng: ${a.vi}`, en: `Total: ${a.en}` };
  const vi: string[] = [];
  const en: string[] = [];
  if (missing.local > 0) {
    vi.push('khoản do Hội đồng nhân dân tỉnh quyết định (chưa có mức thu)');
    en.push("amounts set by the provincial People's Council (not known yet)");
  }
  if (missing.unknown > 0) {
    vi.push('khoản chưa có thông tin về mức thu');
    en.push('amounts that are not stated');
  }
  // Nothing known at all: a "0 đ" here would read as free.
  if (amount === 0) return { vi: `Chưa xác định tổng số tiền (chưa gồm ${vi.join(' và ')})`, en: `Total not determined (not including ${en.join(' and ')})` };
  return { vi: `Chưa đủ: ${a.vi}, chưa gồm ${vi.join(' và ')}`, en: `Incomplete: ${a.en}, not including ${en.join(' and ')}` };
}
