import type { ProcessingTime, Procedure } from './generated/model.js';
import { durationText, type DurationUnit } from './deadline-texts.js';
import type { LocalizedText } from './text.js';

/**
 * Facts a source does not state stay unknown all the way to the page: these helpers are the
 * only way consumers read a processing time or an effective date, so no caller can turn a
 * missing value into 0, "same day" or a made-up date by reading a field directly.
 */

export const NOT_STATED: LocalizedText = { vi: 'Chưa có thông tin', en: 'Not stated' };

/** A processing time whose number and unit are both stated. */
export interface KnownProcessingTime {
  value: number;
  unit: DurationUnit;
  sameDayCutoff?: string;
  extensions?: { value: number; unit: DurationUnit; reason: { vi: string; en?: string } }[];
}

/** The processing time when its number and unit are known; undefined when either is not stated. */
export function knownTime(time: ProcessingTime | undefined): KnownProcessingTime | undefined {
  if (!time || time.unknown || typeof time.value !== 'number' || time.unit === undefined || time.unit === 'unknown') return undefined;
  const { value, unit, sameDayCutoff, extensions } = time;
  return { value, unit, ...(sameDayCutoff ? { sameDayCutoff } : {}), ...(extensions ? { extensions } : {}) };
}

/** `15 ngày làm việc`; `15 (chưa rõ đơn vị)` when only the number is stated; `Chưa có thông tin` otherwise. */
export function processingTimeText(time: ProcessingTime | undefined): LocalizedText {
  const known = knownTime(time);
  if (known) return durationText(known.value, known.unit);
  if (time && !time.unknown && typeof time.value === 'number') {
    return { vi: `${time.value} (chưa có thông tin về đơn vị thời gian)`, en: `${time.value} (unit not stated)` };
  }
  return NOT_STATED;
}

/** Whether the time limit lacks its number or its unit. */
export function isTimeUnknown(time: ProcessingTime | undefined): boolean {
  return knownTime(time) === undefined;
}

/** The effective date when stated (`YYYY-MM-DD`), undefined when the source does not give one. */
export function knownDate(date: Procedure['effectiveDate'] | undefined): string | undefined {
  return typeof date === 'string' ? date : undefined;
}

/** The source's wording of an unknown fact, when recorded. */
export function unknownWording(fact: unknown): string | undefined {
  const raw = fact && typeof fact === 'object' ? (fact as { raw?: unknown }).raw : undefined;
  return typeof raw === 'string' ? raw : undefined;
}
