import type { HolidayCalendar } from './generated/model.js';
import { isIsoDate } from './helpers.js';
import { projectHolidays } from './holiday-projection.js';
import type { Text } from './generated/model.js';

/**
 * Working days for deadline counting: weekends plus the catalogue's holiday calendars (days
 * off and swapped working Saturdays). A year with no calendar gets its holidays projected from
 * the Labour Code and the lunar calendar, marked provisional, so a deadline across New Year
 * never silently ignores Tết.
 */

export interface CalendarDay {
  date: string;
  working: boolean;
  /** Why the day is not (or, for a swapped Saturday, is) a working day. */
  reason?: 'weekend' | 'holiday' | 'compensatory' | 'swap' | 'workday';
  name?: Text;
  /** The day comes from a calendar not yet officially confirmed, or from a projection. */
  provisional: boolean;
}

export interface CalendarOptions {
  /** Days of the week that are not worked, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  weekend?: readonly number[];
  /** Project holidays for years without data (default true). */
  project?: boolean;
}

export interface WorkingCalendar {
  day(date: string): CalendarDay;
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** The n-th working day after `date`; for n = 0, `date` itself if it is a working day, else the next. */
  addWorkingDays(date: string, n: number): string;
  /** Years that have published data (the rest are projected). */
  readonly years: readonly number[];
}

interface Entry {
  kind: 'off' | 'workday';
  reason: NonNullable<CalendarDay['reason']>;
  name: Text;
  provisional: boolean;
}

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
}

export function isoFromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds calendar days to an ISO date. */
export function addDays(iso: string, n: number): string {
  return isoFromDayNumber(dayNumber(iso) + n);
}

/** Day of the week of an ISO date, 0 = Sunday. */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ / invalid date: ${String(date)}`);
}

/** Builds a working-day calendar from holiday calendar data (the `kind: holidays` files). */
export function createWorkingCalendar(calendars: readonly HolidayCalendar[], options: CalendarOptions = {}): WorkingCalendar {
  const weekend = new Set(options.weekend ?? [6, 0]);
  if (weekend.size >= 7) throw new RangeError('Không có ngày làm việc nào trong tuần / no working day in the week');
  const project = options.project ?? true;
  const entries = new Map<string, Entry>();
  const years = new Set<number>();
  const provisionalYears = new Set<number>();
  for (const cal of calendars) {
    years.add(cal.year);
    const provisional = cal.provisional === true;
    if (provisional) provisionalYears.add(cal.year);
    for (const d of cal.off) entries.set(d.date, { kind: 'off', reason: d.kind ?? 'holiday', name: d.name, provisional });
    for (const d of cal.workdays ?? []) entries.set(d.date, { kind: 'workday', reason: 'workday', name: d.name, provisional });
  }
  const projected = new Set<number>();

  const entryFor = (date: string): Entry | undefined => {
    const year = +date.slice(0, 4);
    if (project && !years.has(year) && !projected.has(year)) {
      projected.add(year);
      const isWeekend = (iso: string) => weekend.has(weekday(iso));
      for (const h of projectHolidays(year, isWeekend)) entries.set(h.date, { kind: 'off', reason: h.kind, name: h.name, provisional: true });
    }
    return entries.get(date);
  };

  const day = (date: string): CalendarDay => {
    assertDate(date);
    const entry = entryFor(date);
    const year = +date.slice(0, 4);
    const provisional = entry?.provisional ?? (!years.has(year) || provisionalYears.has(year));
    if (entry?.kind === 'workday') return { date, working: true, reason: 'workday', name: entry.name, provisional };
    if (entry) return { date, working: false, reason: entry.reason, name: entry.name, provisional };
    if (weekend.has(weekday(date))) return { date, working: false, reason: 'weekend', provisional };
    return { date, working: true, provisional };
  };

  const isWorkingDay = (date: string): boolean => {
    assertDate(date);
    const entry = entryFor(date);
    if (entry) return entry.kind === 'workday';
    return !weekend.has(weekday(date));
  };

  const nextWorkingDay = (date: string): string => {
    assertDate(date);
    let d = addDays(date, 1);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };

  const addWorkingDays = (date: string, n: number): string => {
    assertDate(date);
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Số ngày không hợp lệ / invalid number of days: ${n}`);
    if (n === 0) return isWorkingDay(date) ? date : nextWorkingDay(date);
    let d = date;
    for (let i = 0; i < n; i++) d = nextWorkingDay(d);
    return d;
  };

  return { day, isWorkingDay, nextWorkingDay, addWorkingDays, years: [...years].sort((a, b) => a - b) };
}
