import { isTaxCodeShape } from './pattern-checks.js';

/**
 * Helpers that compiled expressions call (as `r.*`). They are plain functions over plain
 * data, safe with missing values: a field that is not filled in is `undefined`.
 */

/** Length of a string, a multi-choice list or a repeatable group; 0 when empty or missing. */
export function len(value: unknown): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return 0;
}

/** Whether a value was given: not missing, not blank text, not an empty list. */
export function filled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') {
    // Most answers start with a letter or a digit, which no trimming removes: no need to trim.
    const first = value.charCodeAt(0);
    return (first > 32 && first < 127) || (first > 160 && first < 0x1680) || value.trim() !== '';
  }
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Whether a multi-choice list holds a value. */
export function has(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && list.includes(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at [start, start + count) as a number, or -1 when any is not a digit. */
function digits(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  // Runs for every date field of every submission: parsed by hand rather than by RegExp.
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); NaN when either is missing. */
export function days(from: unknown, to: unknown): number {
  if (!isIsoDate(from) || !isIsoDate(to)) return NaN;
  return dayNumber(to) - dayNumber(from);
}

/** Full years from a birth date to `today`; NaN when either is missing. */
export function age(birth: unknown, today: unknown): number {
  if (!isIsoDate(birth) || !isIsoDate(today)) return NaN;
  let years = +today.slice(0, 4) - +birth.slice(0, 4);
  if (today.slice(5) < birth.slice(5)) years--;
  return years;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** The last day computed and the span of clock times it covers: validate() asks on every call. */
let lastDay = { from: 0, until: 0, day: '' };

/** Today's date in Vietnam (UTC+7), as `YYYY-MM-DD`. */
export function todayInVietnam(now?: Date): string {
  const ms = now === undefined ? Date.now() : now.getTime();
  if (ms >= lastDay.from && ms < lastDay.until) return lastDay.day;
  const from = Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  lastDay = { from, until: from + DAY_MS, day: new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10) };
  return lastDay.day;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Vietnamese tax code (mã số thuế): 10 digits with a check digit, 13 for a branch
 * (`NNNNNNNNNN-NNN`), or the 12-digit personal identification number used as tax code
 * since 1 July 2025 (no check digit).
 */
export function isTaxCode(value: unknown): boolean {
  if (typeof value !== 'string' || !isTaxCodeShape(value)) return false;
  if (value.length === 12) return true;
  if (value.slice(11) === '000' || value.slice(2, 9) === '0000000') return false;
  const digits = value.slice(0, 10);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += MST_WEIGHTS[i]! * +digits[i]!;
  const check = 10 - (sum % 11);
  return check < 10 && check === +digits[9]!;
}

/** Length in Unicode code points, as JSON Schema counts minLength/maxLength. */
export function ucs2length(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++, n++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) i++;
    }
  }
  return n;
}
