import type { Lang } from '../i18n.js';

/** The register page's own words. */
const STRINGS = {
  vi: {
    nav: 'Sổ theo dõi (Mẫu 07)',
    title: 'Sổ theo dõi hồ sơ (Mẫu 07)',
    intro: 'Mẫu 07 Phụ lục I Thông tư 03/2025/TT-VPCP: mọi hồ sơ cơ quan tiếp nhận trong kỳ, với ngày hẹn trả, ngày trả và tình trạng. Sổ được lập trên máy chủ, chia trang nếu dài.',
    period: (from: string, to: string) => `Kỳ: từ ${from} đến ${to}.`,
    open: 'Mở sổ để in (Mẫu 07)',
    newTab: '(mở trong thẻ mới)',
    csv: 'Tải về CSV',
    reversed: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.',
  },
  en: {
    nav: 'Register (Form 07)',
    title: 'Dossier register (Form 07)',
    intro: 'Form 07 of Annex I to Circular 03/2025/TT-VPCP: every dossier the agency received in the period, with its appointment, return date and standing. The server draws it up, in pages when it is long.',
    period: (from: string, to: string) => `Period: ${from} to ${to}.`,
    open: 'Open the register to print (Form 07)',
    newTab: '(opens in a new tab)',
    csv: 'Download CSV',
    reversed: 'The start date must not be after the end date.',
  },
} satisfies Record<Lang, unknown>;

export function registerStrings(lang: Lang): (typeof STRINGS)['vi'] {
  return STRINGS[lang] ?? STRINGS.vi;
}
