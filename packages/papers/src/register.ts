import { CSV_BOM, csvLine, parseVietnamTime } from '@thutuc/runtime';
import { A4_LANDSCAPE, headerOf, unitName } from './common.js';
import { formOf } from './forms.js';
import type { PaperDesk } from './model.js';
import { shortDate } from './text.js';

/**
 * Mẫu 07: Sổ theo dõi hồ sơ, the desk's register of dossiers for a period (Mẫu 06 of
 * Circular 01/2018). The caller pages through its own store; a page of the book prints the
 * rows it is given, numbered on from `offset`.
 */
export interface RegisterRow {
  code: string;
  /** The procedure's name. */
  procedure: string;
  /** Sets of papers (default 1). */
  sets?: number;
  applicant: string | null;
  /** Address and phone, as one line. */
  contact: string | null;
  /** The body that handles the dossier. */
  agency: string | null;
  receivedAt: string;
  appointment?: string | null;
  /** Handed to the processing unit (status 4). */
  transferredAt?: string | null;
  /** The result came back from it (status 9). */
  resultAt?: string | null;
  /** Returned to the applicant (status 10). */
  returnedAt?: string | null;
  /** Status or remark, e.g. "Từ chối tiếp nhận". */
  note?: string | null;
}

export interface RegisterOptions {
  desk: PaperDesk;
  /** The period, `YYYY-MM-DD` both ends included. */
  from: string;
  to: string;
  /** The number of the first row on this page (default 1). */
  offset?: number;
  /** This page and the count, for "Trang 2/5"; links to the neighbours (screen only). */
  page?: { number: number; count: number; total: number; previous?: string; next?: string };
  /** The date printed in "…, ngày … tháng … năm …"; default the end of the period. */
  issuedAt?: string;
}

/** `2026-04-24T10:00:00+07:00` → `24/04/2026 10:00` (Vietnam time); empty when unknown. */
function when(instant: string | null | undefined): string {
  const at = instant ? parseVietnamTime(instant) : undefined;
  return at ? `${shortDate(at.date)} ${at.time.slice(0, 5)}` : '';
}

function cells(row: RegisterRow) {
  return {
    code: row.code, procedure: row.procedure, sets: String(row.sets ?? 1).padStart(2, '0'), applicant: row.applicant ?? '', contact: row.contact ?? '', agency: row.agency ?? '',
    receivedAt: when(row.receivedAt), appointment: when(row.appointment), transferredAt: when(row.transferredAt), resultAt: when(row.resultAt), returnedAt: when(row.returnedAt), note: row.note ?? '',
  };
}

export function registerContext(rows: readonly RegisterRow[], options: RegisterOptions) {
  const form = formOf('register');
  const offset = options.offset ?? 1;
  return {
    page: A4_LANDSCAPE,
    form,
    title: form.name,
    header: headerOf(options.desk, `${options.issuedAt ?? options.to}`),
    unitName: unitName(options.desk),
    period: { from: shortDate(options.from), to: shortDate(options.to) },
    pages: options.page ? { ...options.page, previous: options.page.previous ?? null, next: options.page.next ?? null } : null,
    rows: rows.map((row, i) => ({ no: offset + i, ...cells(row) })),
  };
}

const HEADER = [
  'STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Số lượng hồ sơ (bộ)', 'Tên cá nhân, tổ chức', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết',
  'Nhận hồ sơ', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Nhận kết quả từ cơ quan giải quyết', 'Trả kết quả cho cá nhân, tổ chức', 'Ghi chú',
];

/** The register as a spreadsheet: the same thirteen columns, every row of the period. */
export function registerCsv(rows: readonly RegisterRow[], offset = 1): string {
  let out = CSV_BOM + csvLine(HEADER);
  rows.forEach((row, i) => {
    const c = cells(row);
    out += csvLine([String(offset + i), c.code, c.procedure, c.sets, c.applicant, c.contact, c.agency, c.receivedAt, c.appointment, c.transferredAt, c.resultAt, c.returnedAt, c.note]);
  });
  return out;
}
