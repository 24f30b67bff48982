import { isIsoDate } from './helpers.js';

/**
 * Instants as Vietnam reads them (UTC+7, no daylight saving). A timestamp without an offset
 * is Vietnam time, as a desk officer would type it; with `Z` or an offset it is converted.
 */

export interface VietnamTime {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** Local time, `HH:MM`. */
  time: string;
  /** Seconds since local midnight (for cut-offs: 15:00:30 is after 15:00). */
  seconds: number;
  /** Milliseconds since the epoch (UTC). */
  epoch: number;
}

const OFFSET_MS = 7 * 3_600_000;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses `2026-04-24T10:00`, `2026-04-24T03:00:00Z`, `2026-04-24` …; undefined when not a real instant. */
export function parseVietnamTime(value: unknown): VietnamTime | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIMESTAMP.exec(value.trim());
  if (!m || !isIsoDate(m[1])) return undefined;
  const [h, min, s] = [+(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return undefined;
  const zone = m[5];
  let offset = OFFSET_MS;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const [oh, om] = [+zone.slice(1, 3), +zone.slice(4, 6)];
    if (oh > 14 || om > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const date = m[1]!;
  const epoch = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), h, min, s) - offset;
  return fromEpoch(epoch);
}

/** The Vietnam date and time of an instant. */
export function fromEpoch(epoch: number): VietnamTime {
  const local = new Date(epoch + OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16), seconds: +local.slice(11, 13) * 3600 + +local.slice(14, 16) * 60 + +local.slice(17, 19), epoch };
}

/** `2026-05-08` + `17:00` → `2026-05-08T17:00:00+07:00`. */
export function vietnamTimestamp(date: string, time: string): string {
  return `${date}T${time}:00+07:00`;
}

/** Minutes since midnight of an `HH:MM` string. */
export function minutesOf(time: string): number {
  return +time.slice(0, 2) * 60 + +time.slice(3, 5);
}

/** `HH:MM` of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
