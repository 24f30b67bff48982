import type { LocalizedText } from './text.js';
import { addDays, type WorkingCalendar } from './calendar.js';
import { countHours, DEFAULT_OFFICE_HOURS, validOfficeHours, type OfficeHours } from './deadline-hours.js';
import { deadlineText, durationText, type DurationUnit } from './deadline-texts.js';
import type { Text } from './generated/model.js';
import { minutesOf, parseVietnamTime, vietnamTimestamp } from './vietnam-time.js';
import { knownTime, unknownWording } from './unknowns.js';
import type { ProcessingTime } from './generated/model.js';

/**
 * The appointment on the receipt (giấy tiếp nhận và hẹn trả kết quả), with the reasoning
 * behind it. Rules: counting starts the day after receipt (Civil Code 2015 Art. 147); a
 * same-day procedure (one with `sameDayCutoff`) counts the day of receipt when the dossier
 * arrives on a working day by the cut-off; days while a supplement request is pending do not
 * count; a calendar-day period ending on a day off ends on the next working day (Art. 148).
 */

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export interface ProcessingTimeSpec extends Duration {
  /** `HH:MM`: dossiers received later get their result from the next working day. */
  sameDayCutoff?: string;
  extensions?: (Duration & { reason: Text })[];
}

/** A supplement request pending from `from` to `to` (dates or timestamps, Vietnam time), both days not counted. */
export interface Pause {
  from: string;
  to: string;
}

export interface DeadlineOptions {
  pauses?: readonly Pause[];
  /** Indexes into the processing time's `extensions` to apply, in order. */
  extensions?: readonly number[];
  /** Office hours of a working day; the appointment is at the close. Default 07:30–11:30, 13:00–17:00. */
  officeHours?: OfficeHours;
}

export interface DeadlineStep {
  kind: 'received' | 'cutoff' | 'start' | 'skip' | 'workday' | 'pause' | 'extension' | 'moved' | 'due';
  date: string;
  message: LocalizedText;
}

export interface Deadline {
  /** The receipt instant, Vietnam time, e.g. `2026-04-24T10:00:00+07:00`. */
  receivedAt: string;
  /** The appointment, Vietnam time, e.g. `2026-05-08T17:00:00+07:00`. */
  due: string;
  dueDate: string;
  /** The days that counted (working_day and day units), in order. */
  counted: string[];
  steps: DeadlineStep[];
  /** Some day on the way comes from a provisional or projected holiday calendar. */
  provisional: boolean;
}

export type DeadlineResult = { ok: true; deadline: Deadline } | { ok: false; error: LocalizedText };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const UNITS = new Set(['working_day', 'day', 'hour']);

/** Computes the appointment for a dossier received at `receivedAt` (Vietnam time unless it says otherwise). */
export function computeDeadline(receivedAt: string, given: ProcessingTimeSpec | ProcessingTime, calendar: WorkingCalendar, options: DeadlineOptions = {}): DeadlineResult {
  const received = parseVietnamTime(receivedAt);
  if (!received) return { ok: false, error: deadlineText.badTime(receivedAt) };
  // An unstated time limit has no appointment: refusing beats printing "same day".
  const stated = given && (('unknown' in given && given.unknown) || given.unit === 'unknown') ? undefined : given;
  if (given && !stated) return { ok: false, error: deadlineText.unknownTime(unknownWording(given), !('unknown' in given && given.unknown)) };
  const time = (stated && knownTime(stated as ProcessingTime)) as ProcessingTimeSpec;
  if (!time || !isCount(time.value) || !UNITS.has(time.unit) || (time.sameDayCutoff !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time.sameDayCutoff))) {
    return { ok: false, error: deadlineText.badSpec() };
  }
  const pauses: { from: string; to: string }[] = [];
  for (const p of options.pauses ?? []) {
    const from = parseVietnamTime(p?.from);
    const to = parseVietnamTime(p?.to);
    if (!from || !to || to.date < from.date) return { ok: false, error: deadlineText.badTime(!from ? p?.from : p?.to) };
    pauses.push({ from: from.date, to: to.date });
  }
  const extensions: (Duration & { reason: Text })[] = [];
  for (const i of options.extensions ?? []) {
    const e = time.extensions?.[i];
    if (!e || !isCount(e.value) || !UNITS.has(e.unit)) return { ok: false, error: deadlineText.badExtension(i) };
    extensions.push(e);
  }
  const hours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  if (!validOfficeHours(hours)) return { ok: false, error: deadlineText.badSpec() };
  const close = hours[hours.length - 1]![1];

  const steps: DeadlineStep[] = [{ kind: 'received', date: received.date, message: deadlineText.received(received.date, received.time) }];
  let provisional = false;
  const pauseOf = (date: string) => pauses.find((p) => p.from <= date && date <= p.to);
  const announced = new Set<object>();
  /** Whether a day counts in `unit`; records why it does not. */
  const counts = (date: string, unit: DurationUnit): boolean => {
    const day = calendar.day(date);
    provisional ||= day.provisional;
    const pause = pauseOf(date);
    if (pause) {
      if (!announced.has(pause)) steps.push({ kind: 'pause', date: pause.from, message: deadlineText.pause(pause.from, pause.to) });
      announced.add(pause);
      return false;
    }
    if (unit === 'day') return true;
    if (!day.working) steps.push({ kind: 'skip', date, message: deadlineText.skip(day) });
    else if (day.reason === 'workday') steps.push({ kind: 'workday', date, message: deadlineText.workday(day) });
    return day.working;
  };

  const counted: string[] = [];
  /** Counts n days in `unit` after `after` (or from `first` itself when it counts); returns the last. */
  const countDays = (after: string, n: number, unit: DurationUnit, first?: string): string => {
    let d = first ?? addDays(after, 1);
    let got = 0;
    for (let misses = 0; ; misses++) {
      // Only a calendar with no working day left (or a century-long pause) gets here.
      if (misses > 36_600) throw new RangeError('Không có ngày nào được tính trong 100 năm / no counting day within 100 years');
      if (counts(d, unit)) {
        misses = -1;
        counted.push(d);
        if (got === 0 && steps.every((s) => s.kind !== 'start')) steps.push({ kind: 'start', date: d, message: deadlineText.start(d, unit) });
        if (++got >= n) return d;
      }
      d = addDays(d, 1);
    }
  };

  const moveToWorkingDay = (date: string): string => {
    const last = calendar.day(date);
    let d = addDays(date, 1);
    while (!counts(d, 'working_day')) d = addDays(d, 1);
    steps.push({ kind: 'moved', date: d, message: deadlineText.moved(last, d) });
    return d;
  };

  let dueDate: string;
  let dueTime = close;
  if (time.unit === 'hour') {
    const end = countHours(received, time.value, hours, (d) => counts(d, 'working_day'));
    dueDate = end.date;
    dueTime = end.time;
  } else {
    let sameDay = false;
    if (time.sameDayCutoff !== undefined) {
      const working = calendar.isWorkingDay(received.date) && !pauseOf(received.date);
      sameDay = working && received.seconds <= minutesOf(time.sameDayCutoff) * 60;
      const message = !working ? deadlineText.dayOffReceipt() : sameDay ? deadlineText.beforeCutoff(time.sameDayCutoff) : deadlineText.afterCutoff(time.sameDayCutoff);
      steps.push({ kind: 'cutoff', date: received.date, message });
    } else if (time.value === 0) {
      sameDay = (time.unit === 'day' || calendar.isWorkingDay(received.date)) && !pauseOf(received.date);
    }
    // "Trong ngày" (0) and a same-day procedure received in time are both due on the day itself.
    const n = Math.max(time.value, sameDay ? 1 : 0) || 1;
    dueDate = countDays(received.date, n, time.unit, sameDay ? received.date : undefined);
    if (time.unit === 'day' && !calendar.isWorkingDay(dueDate)) dueDate = moveToWorkingDay(dueDate);
  }

  for (const e of extensions) {
    const message = deadlineText.extension(durationText(e.value, e.unit), e.reason);
    steps.push({ kind: 'extension', date: dueDate, message });
    if (e.value === 0) continue;
    if (e.unit === 'hour') {
      const end = countHours(parseVietnamTime(vietnamTimestamp(dueDate, dueTime))!, e.value, hours, (d) => counts(d, 'working_day'));
      [dueDate, dueTime] = [end.date, end.time];
    } else {
      dueDate = countDays(dueDate, e.value, e.unit);
      if (e.unit === 'day' && !calendar.isWorkingDay(dueDate)) dueDate = moveToWorkingDay(dueDate);
      dueTime = close;
    }
  }

  // "(after 9 working days)" counts extensions too, when they are in the same unit.
  const total = extensions.every((e) => e.unit === time.unit) ? counted.length : 0;
  steps.push({ kind: 'due', date: dueDate, message: deadlineText.due(dueDate, dueTime, total, time.unit) });
  return {
    ok: true,
    deadline: { receivedAt: vietnamTimestamp(received.date, received.time), due: vietnamTimestamp(dueDate, dueTime), dueDate, counted, steps, provisional },
  };
}
