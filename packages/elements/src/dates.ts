import type { Lang } from './i18n.js';

/**
 * A date (`YYYY-MM-DD`) or an instant as people read it, in Vietnam's time zone whatever the
 * browser's, so an appointment shows the same day everywhere.
 */
export function formatDate(iso: string | undefined, lang: Lang): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = iso.length === 10 ? { dateStyle: 'full', timeZone: 'Asia/Ho_Chi_Minh' } : { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', options).format(date);
}
