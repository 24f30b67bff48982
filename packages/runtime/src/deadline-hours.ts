import { addDays } from './calendar.js';
import { minutesOf, timeOf, type VietnamTime } from './vietnam-time.js';

/**
 * Counting in working hours (`unit: hour`): only the office hours of counting days are
 * spent. Hours are set locally (Decision 188/1999/QĐ-TTg fixes 8 a day, not the clock), so
 * the default is a common schedule and callers pass their own.
 */

/** Office hours of a working day as `[open, close]` pairs, `HH:MM`, in order. */
export type OfficeHours = readonly (readonly [string, string])[];

export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  ['07:30', '11:30'],
  ['13:00', '17:00'],
];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Office hours are well formed: `HH:MM`, each interval opens before it closes, in order. */
export function validOfficeHours(hours: OfficeHours): boolean {
  let last = -1;
  for (const [open, close] of hours) {
    if (!HH_MM.test(open) || !HH_MM.test(close)) return false;
    const [a, b] = [minutesOf(open), minutesOf(close)];
    if (a <= last || b <= a) return false;
    last = b;
  }
  return hours.length > 0;
}

/** The moment `hours` office hours after `start`, spending only days for which `counts` is true. */
export function countHours(start: VietnamTime, hours: number, office: OfficeHours, counts: (date: string) => boolean): { date: string; time: string } {
  let left = hours * 60;
  let date = start.date;
  let cursor = Math.ceil(start.seconds / 60);
  if (!counts(date)) cursor = Number.POSITIVE_INFINITY;
  for (;;) {
    for (const [open, close] of office) {
      const [a, b] = [minutesOf(open), minutesOf(close)];
      if (cursor >= b) continue;
      const from = Math.max(cursor, a);
      if (left <= b - from) return { date, time: timeOf(from + left) };
      left -= b - from;
      cursor = b;
    }
    do date = addDays(date, 1);
    while (!counts(date));
    cursor = 0;
  }
}
