import type { LocalizedText } from './text.js';

/** Dates and times as Vietnamese and English readers write them; no Intl, same everywhere. */

const WEEKDAYS_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function weekdayOf(iso: string): number {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
}

/** `2026-04-24` → `24/04/2026`. */
export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** `2026-04-24` → `thứ Sáu, 24/04/2026` / `Friday 24 April 2026`. */
export function dateText(iso: string): LocalizedText {
  const w = weekdayOf(iso);
  return {
    vi: `${WEEKDAYS_VI[w]}, ${shortDate(iso)}`,
    en: `${WEEKDAYS_EN[w]} ${+iso.slice(8, 10)} ${MONTHS_EN[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`,
  };
}

/** A date and an `HH:MM` time: `10:00 thứ Sáu, 24/04/2026` / `10:00 on Friday 24 April 2026`. */
export function dateTimeText(iso: string, time: string): LocalizedText {
  const d = dateText(iso);
  return { vi: `${time} ${d.vi}`, en: `${time} on ${d.en}` };
}
