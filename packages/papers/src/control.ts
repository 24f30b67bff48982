import { parseVietnamTime } from '@thutuc/runtime';
import { A4, noticeBase } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';
import { clockText } from './text.js';

/**
 * Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of Circular 01/2018). One row
 * per step the dossier went through — who handed it on or acted, when, and whether that was
 * before, on or after the due date then in force — filled from the dossier's history rather
 * than signed off by hand at each desk.
 */
export interface ControlEntry {
  /** When it happened (Vietnam time unless it says otherwise). */
  at: string;
  /** What was done, e.g. "Tiếp nhận hồ sơ". */
  action: string;
  /** The unit that acted, e.g. "Bộ phận Tiếp nhận và Trả kết quả". */
  unit: string;
  /** The person who acted (name or account). */
  person?: string;
  /** The due date in force when it happened; without one the result column stays empty. */
  due?: string;
  /** The reason or remark recorded with the step. */
  note?: string;
}

export type TimeResult = 'Trước hạn' | 'Đúng hạn' | 'Quá hạn';

/**
 * Trước hạn: a day before the due date; đúng hạn: on its day, up to its time; quá hạn: after.
 * Counted on Vietnam dates, as the appointment on the receipt is.
 */
export function timeResult(at: string, due: string | undefined): TimeResult | null {
  const a = parseVietnamTime(at);
  const d = due ? parseVietnamTime(due) : undefined;
  if (!a || !d) return null;
  if (a.epoch > d.epoch) return 'Quá hạn';
  return a.date < d.date ? 'Trước hạn' : 'Đúng hạn';
}

export function controlContext(d: PaperDossier, entries: readonly ControlEntry[], options: PaperOptions = {}) {
  return {
    ...noticeBase(d, options, 'control'),
    page: A4,
    receivedAt: clockText(d.receipt.receivedAt),
    appointment: clockText(d.receipt.appointment?.due),
    rows: entries.map((e, i) => ({
      no: i + 1,
      action: e.action,
      unit: e.unit,
      person: e.person?.trim() || null,
      at: clockText(e.at) ?? e.at,
      result: timeResult(e.at, e.due),
      note: e.note?.trim() || null,
    })),
  };
}
