import { localize, type Lang, type LocalizedText } from '@thutuc/runtime';
import type { Procedure } from '@thutuc/core';

/**
 * The words of the report for each code value of the model, in both languages. Kept in one
 * table so the index, the procedure pages, the CSV and the CLI summary say the same thing.
 */

/** The report is written in one language at a time: the project's `Lang`. */
export type ReportLang = Lang;

export type OnlineLevel = Procedure['onlineLevel'];
export type GovLevel = Procedure['levels'][number];
export type ChannelKind = Procedure['channels'][number]['channel'];

/** Decree 42/2022/NĐ-CP: "toàn trình" ≈ the old level 4, "một phần" ≈ level 3. */
export const ONLINE_LEVELS: Record<OnlineLevel, LocalizedText & { short: LocalizedText }> = {
  full: { vi: 'Toàn trình (≈ mức 4)', en: 'Full online (≈ level 4)', short: { vi: 'toàn trình', en: 'full online' } },
  partial: { vi: 'Một phần (≈ mức 3)', en: 'Partly online (≈ level 3)', short: { vi: 'một phần', en: 'partly online' } },
  none: { vi: 'Chưa trực tuyến', en: 'Not online', short: { vi: 'chưa trực tuyến', en: 'not online' } },
};
/** Order of the filter options and of the summary counts. */
export const ONLINE_ORDER: readonly OnlineLevel[] = ['full', 'partial', 'none'];

export const GOV_LEVELS: Record<GovLevel, LocalizedText> = {
  commune: { vi: 'Cấp xã', en: 'Commune' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  ministry: { vi: 'Cấp bộ, ngành', en: 'Ministry' },
  other: { vi: 'Cơ quan khác', en: 'Other agency' },
};
export const GOV_ORDER: readonly GovLevel[] = ['commune', 'province', 'ministry', 'other'];

export const STATUSES: Record<Procedure['status'], LocalizedText> = {
  active: { vi: 'Đang áp dụng', en: 'In force' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
  repealed: { vi: 'Đã bãi bỏ', en: 'Repealed' },
  draft: { vi: 'Bản nháp', en: 'Draft' },
};

export const CHANNELS: Record<ChannelKind, LocalizedText> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Bưu chính', en: 'By post' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
};
export const CHANNEL_ORDER: readonly ChannelKind[] = ['online', 'post', 'in_person'];

export const DELIVERY: Record<NonNullable<Procedure['delivery']>[number], LocalizedText> = {
  in_person: { vi: 'Nhận trực tiếp', en: 'Collected in person' },
  post: { vi: 'Qua bưu chính công ích', en: 'By public postal service' },
  online: { vi: 'Bản điện tử', en: 'Electronic copy' },
};

export const ACTORS: Record<NonNullable<Procedure['steps']>[number]['actor'], LocalizedText> = {
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  reception: { vi: 'Bộ phận một cửa', en: 'One-stop desk' },
  officer: { vi: 'Công chức xử lý', en: 'Officer' },
  leader: { vi: 'Người có thẩm quyền', en: 'Deciding official' },
  other_agency: { vi: 'Cơ quan phối hợp', en: 'Coordinating agency' },
};

export const FEE_TYPES: Record<'phi' | 'le_phi' | 'unknown', LocalizedText> = {
  phi: { vi: 'Phí', en: 'Fee' },
  le_phi: { vi: 'Lệ phí', en: 'Charge' },
  // The source does not say which: the reader sees that, not a guess.
  unknown: { vi: 'Phí, lệ phí (chưa rõ loại)', en: 'Fee or charge (kind not stated)' },
};

/** Charging units: `8.000 đ/bản` reads "per copy" in English. */
export const UNITS: Record<string, { vi: string; en: string; enPlural: string }> = {
  copy: { vi: 'bản', en: 'copy', enPlural: 'copies' },
  page: { vi: 'trang', en: 'page', enPlural: 'pages' },
  person: { vi: 'người', en: 'person', enPlural: 'people' },
  transaction: { vi: 'lần', en: 'transaction', enPlural: 'transactions' },
  registration: { vi: 'lần đăng ký', en: 'registration', enPlural: 'registrations' },
};
/** A unit outside the list is the catalogue's Vietnamese label (`tờ khai`), shown as written. */
export const unitOf = (unit: string | undefined) => (unit && UNITS[unit]) || (unit ? { vi: unit, en: unit, enPlural: unit } : { vi: 'đơn vị', en: 'unit', enPlural: 'units' });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01-16` → `16/01/2026` or `16 Jan 2026`; no Intl, so every machine prints the same. */
/** A date the catalogue may not know: `Chưa có thông tin` rather than an empty cell or a guess. */
export function knownDateText(iso: string | null, lang: ReportLang): string {
  return iso ? dateText(iso, lang) : lang === 'vi' ? 'Chưa có thông tin' : 'Not stated';
}

export function dateText(iso: string | undefined, lang: ReportLang): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return iso ?? '';
  const [, y, mo, d] = m;
  return localize({ vi: `${d}/${mo}/${y}`, en: `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}` }, lang);
}

/** Code-point order: the same on every machine, whatever its ICU data. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lower case without tone marks, đ → d: how search compares, and what sorting reads first. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** "Đất đai" next to "Dân số", not after "Xây dựng"; no Intl, so the same everywhere. */
export const byVietnamese = (a: string, b: string) => byCodePoint(fold(a), fold(b)) || byCodePoint(a, b);
