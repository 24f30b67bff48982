import type { LocalizedText } from './text.js';

/**
 * Money as people read it on a receipt. Pure string work, no Intl: the same output in every
 * browser and on every server, whatever locale data it ships.
 */

export type Currency = 'VND' | 'USD';

function group(amount: number, separator: string): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Số tiền không hợp lệ / invalid amount: ${amount}`);
  const digits = String(Math.abs(Math.round(amount)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return (amount < 0 && Math.round(amount) !== 0 ? '-' : '') + out;
}

/** `28000` → `"28.000 đ"` (Vietnamese grouping with dots). */
export function formatVnd(amount: number): string {
  return `${group(amount, '.')} đ`;
}

/** An amount in either language: `28.000 đ` / `VND 28,000`, `10 USD` / `USD 10`. */
export function formatAmount(amount: number, currency: Currency | string = 'VND', lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return `${currency} ${group(amount, ',')}`;
  return currency === 'VND' ? formatVnd(amount) : `${group(amount, '.')} ${currency}`;
}

/** LocalizedText languages at once, for messages built from amounts. */
export function amountText(amount: number, currency: Currency | string = 'VND'): LocalizedText {
  return { vi: formatAmount(amount, currency, 'vi'), en: formatAmount(amount, currency, 'en') };
}

const UNITS: Record<string, { vi: string; en: [string, string] }> = {
  copy: { vi: 'bản', en: ['copy', 'copies'] },
  page: { vi: 'trang', en: ['page', 'pages'] },
  person: { vi: 'người', en: ['person', 'people'] },
  transaction: { vi: 'lần', en: ['transaction', 'transactions'] },
  registration: { vi: 'lần đăng ký', en: ['registration', 'registrations'] },
};

/**
 * `3 bản` / `3 copies`. A unit outside the list is a Vietnamese label from the catalogue
 * (`tờ khai`, `lô hàng`) and is shown as written in both languages; a missing one reads "đơn vị".
 */
export function countText(n: number, unit: string | undefined): LocalizedText {
  const u = (unit && UNITS[unit]) || (unit ? { vi: unit, en: [unit, unit] as [string, string] } : { vi: 'đơn vị', en: ['unit', 'units'] as [string, string] });
  return { vi: `${n} ${u.vi}`, en: `${n} ${u.en[n === 1 ? 0 : 1]}` };
}
