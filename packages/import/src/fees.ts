import type { Fee } from '@thutuc/core';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, bi, clip } from './text.js';

export interface PortalFee {
  /** FEE, SERVICE_FEE, or '' when the source gives no type (summary records). */
  typeRaw: string;
  value: number | undefined;
  currency: string;
  description: string;
}

const LOCAL = /HĐND|Hội đồng nhân dân/i;
const EXEMPT = /miễn/i;

/**
 * FEE ≈ phí and SERVICE_FEE ≈ lệ phí is an inference (procedures-vn.md §1.2): copy fees
 * are FEE, civil-status charges SERVICE_FEE, but the portal is not consistent.
 */
function feeType(raw: string, description: string): { type: Fee['type']; why: string } {
  if (raw === 'FEE') return { type: 'phi', why: 'FEE → phi' };
  if (raw === 'SERVICE_FEE') return { type: 'le_phi', why: 'SERVICE_FEE → le_phi' };
  const type = /lệ phí/i.test(description) ? 'le_phi' : 'phi';
  return { type, why: `${raw || '(không ghi loại · no type)'} → ${type}` };
}

/**
 * One portal fee line as a catalogue fee. A value of 0 means "free" on some records and
 * "set by the provincial council" on others; only the description tells them apart, so
 * the kind follows the description and anything undecided becomes `local` plus a gap.
 */
export function mapFee(input: PortalFee, id: string, notes: DraftNotes, path: (string | number)[]): Fee {
  const { type, why } = feeType(input.typeRaw, input.description);
  notes.comment([...path, 'type'], `${why}: suy luận, cổng DVCQG dùng loại phí không nhất quán · inferred; the portal is not consistent`);
  const label = type === 'le_phi' ? bi('Lệ phí', 'Charge') : bi('Phí', 'Fee');
  const note = input.description ? { note: { vi: clip(input.description, TEXT_MAX) } } : {};
  const fee = { id, type, label } as const;

  if (input.value !== undefined && input.value > 0) {
    const amount = Math.round(input.value);
    if (amount !== input.value) {
      notes.gap(`Số tiền ${input.value} trên cổng không phải số nguyên; đã làm tròn thành ${amount}.`, `The portal amount ${input.value} is not an integer; rounded to ${amount}.`);
    }
    const currency = input.currency.toUpperCase();
    if (currency && currency !== 'USD' && currency !== 'VND' && currency !== 'VNĐ') {
      notes.gap(`Loại tiền "${input.currency}" chưa hỗ trợ; đã ghi VND, cần kiểm tra.`, `Currency "${input.currency}" is not supported; VND was assumed: check it.`);
    }
    return { ...fee, kind: 'fixed', amount, ...(currency === 'USD' ? { currency: 'USD' as const } : {}), ...note };
  }
  if (LOCAL.test(input.description)) {
    if (EXEMPT.test(input.description)) {
      notes.gap(
        'Mô tả phí, lệ phí trên cổng có nêu các trường hợp miễn (xem ghi chú của dòng phí); cần khai báo thành exemptions.',
        'The portal fee description lists exemptions (see the fee note); declare them as exemptions.',
      );
    }
    notes.gap(
      'Mức thu do HĐND cấp tỉnh quyết định (kind: local): cần ghi số nghị quyết ở lớp ghi đè của từng tỉnh.',
      'The amount is set by each provincial People’s Council (kind: local): record the resolution in a per-province override.',
    );
    return { ...fee, kind: 'local', ...note };
  }
  if (EXEMPT.test(input.description)) return { ...fee, kind: 'exempt', reason: { vi: clip(input.description, TEXT_MAX) } };
  notes.gap(
    `Cổng ghi ${input.typeRaw || 'phí'} giá trị 0${input.description ? '' : ', không có mô tả'}: không rõ là miễn hay do HĐND tỉnh quyết định; ghi kind: unknown, cần tra mức thu.`,
    `The portal gives ${input.typeRaw || 'a fee'} of 0${input.description ? '' : ' with no description'}: free or set by the provincial council is unclear; kind: unknown, look the amount up.`,
  );
  return { ...fee, kind: 'unknown', raw: clip(`${input.typeRaw || 'phí'}: 0${input.description ? ` — ${input.description}` : ''}`, 2000), ...note };
}

/** A fee line for a channel whose fee the record does not state, with the record's words. */
export function unknownFee(id: string, raw: string, type: Fee['type'] = 'unknown'): Fee {
  return { id, type, kind: 'unknown', label: type === 'le_phi' ? bi('Lệ phí', 'Charge') : type === 'phi' ? bi('Phí', 'Fee') : bi('Phí, lệ phí', 'Fee or charge'), raw: clip(raw, 2000) };
}

/** Reads "10.000 đồng", "20 USD" from a summary's fee text; undefined when it names no amount. */
export function parseFeeText(text: string): PortalFee | undefined {
  const m = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(đồng|đ|vnđ|vnd|usd)(?!\p{L})/iu.exec(text);
  const value = m ? Number(m[1]!.replace(/[.,]/g, '')) : LOCAL.test(text) || EXEMPT.test(text) ? 0 : undefined;
  if (value === undefined) return undefined;
  return { typeRaw: '', value, currency: m && /usd/i.test(m[2]!) ? 'USD' : '', description: text };
}
