import { addDays, isIsoDate, parseVietnamTime, todayInVietnam, type LocalizedText } from '@thutuc/runtime';

/** A reporting period: whole days, Vietnam time, both ends included. */
export interface Period {
  from: string;
  to: string;
  /** The first instant of `from` and the first instant after `to` (epoch ms). */
  start: number;
  end: number;
}

/** Longest period one request may ask for: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: LocalizedText };

/**
 * Checks a period given as `YYYY-MM-DD` dates. Without `from` it starts on the first of the
 * current month; without `to` it ends today (both in Vietnam time).
 */
export function parsePeriod(from: string | undefined, to: string | undefined, now: Date): PeriodResult {
  const today = todayInVietnam(now);
  const f = from ?? `${today.slice(0, 8)}01`;
  const t = to ?? today;
  for (const d of [f, t]) {
    if (!isIsoDate(d)) return { ok: false, error: { vi: `Ngày không hợp lệ: "${d}" (cần dạng 2026-04-30).`, en: `Not a valid date: "${d}" (expected e.g. 2026-04-30).` } };
  }
  if (f > t) return { ok: false, error: { vi: `Ngày bắt đầu ${f} sau ngày kết thúc ${t}.`, en: `The start ${f} is after the end ${t}.` } };
  const start = parseVietnamTime(f)!.epoch;
  const end = parseVietnamTime(addDays(t, 1))!.epoch;
  if ((end - start) / 86_400_000 > MAX_PERIOD_DAYS) {
    return { ok: false, error: { vi: `Kỳ báo cáo dài nhất ${MAX_PERIOD_DAYS} ngày.`, en: `A period spans at most ${MAX_PERIOD_DAYS} days.` } };
  }
  return { ok: true, period: { from: f, to: t, start, end } };
}
