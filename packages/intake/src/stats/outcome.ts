import { addDays, parseVietnamTime, type WorkingCalendar } from '@thutuc/runtime';
import type { Dossier, HistoryEntry } from '../lifecycle.js';
import { timeStatus } from '../lifecycle-progress.js';
import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle-statuses.js';

/**
 * Where one dossier stood at a given moment, rebuilt from its append-only history rather than
 * its current row, so that the figures for a past period do not change when they are asked
 * for again later (a dossier finished after the period still counts as pending for it).
 */

export type Outcome =
  /** Result signed off by the due date. */
  | 'onTime'
  /** Result signed off after the due date. */
  | 'late'
  /** Still open and past its due date. */
  | 'overdue'
  /** Open and within time: not accepted yet, in processing, or waiting for a supplement. */
  | 'pending'
  /** Refused, withdrawn or stopped: no result was due. */
  | 'closed'
  /** Finished, but the procedure states no time limit, so neither on time nor late. */
  | 'noTimeLimit';

export const OUTCOMES: readonly Outcome[] = ['onTime', 'late', 'overdue', 'pending', 'closed', 'noTimeLimit'];

export interface DossierOutcome {
  outcome: Outcome;
  /** Supplement requests made by then. */
  supplementsRequested: number;
  /** Working days from receipt to the result, supplement pauses left out; only for finished dossiers. */
  workingDays?: number;
}

/**
 * The dossier's standing at `asOf` (epoch ms) from its history entries in order. Undefined when
 * nothing had happened to it yet (submitted after `asOf`).
 */
export function outcomeAt(entries: readonly HistoryEntry[], asOf: number, calendar: WorkingCalendar): DossierOutcome | undefined {
  const seen = entries.filter((e) => (parseVietnamTime(e.at)?.epoch ?? Infinity) <= asOf);
  const last = seen[seen.length - 1];
  if (!last) return undefined;
  let due: string | undefined;
  let receivedAt: string | undefined;
  let processedAt: string | undefined;
  const pauses: { from: string; to?: string }[] = [];
  for (const e of seen) {
    if (e.action === 'accept') receivedAt = e.at;
    if (e.action === 'complete') processedAt = e.at;
    if (e.action === 'request_supplement') {
      due = undefined;
      pauses.push({ from: dateOf(e.at) });
    }
    if (e.action === 'supplement' && pauses.length) pauses[pauses.length - 1]!.to = dateOf(e.at);
    if (e.due) due = e.due;
  }
  const status = last.to as DossierStatus;
  const supplementsRequested = pauses.length;
  const standing: Pick<Dossier, 'status' | 'statusCode' | 'due' | 'processedAt'> = {
    status, statusCode: DOSSIER_STATUSES[status].code, ...(due ? { due } : {}), ...(processedAt ? { processedAt } : {}),
  };
  const state = timeStatus(standing as Dossier, new Date(asOf).toISOString()).state;
  if (state === 'finished-on-time' || state === 'finished-late') {
    const workingDays = receivedAt && processedAt ? workingDaysBetween(dateOf(receivedAt), dateOf(processedAt), pauses, calendar) : undefined;
    const outcome: Outcome = !due ? 'noTimeLimit' : state === 'finished-late' ? 'late' : 'onTime';
    return { outcome, supplementsRequested, ...(workingDays !== undefined ? { workingDays } : {}) };
  }
  if (state === 'overdue') return { outcome: 'overdue', supplementsRequested };
  if (state === 'closed') return { outcome: 'closed', supplementsRequested };
  return { outcome: 'pending', supplementsRequested };
}

/**
 * Working days after the day of receipt up to and including the day of the result, counted
 * like the time limit: days of a supplement pause (both ends) do not count.
 */
export function workingDaysBetween(from: string, to: string, pauses: readonly { from: string; to?: string }[], calendar: WorkingCalendar): number {
  let days = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const paused = pauses.some((p) => p.from <= d && d <= (p.to ?? to));
    if (!paused && calendar.isWorkingDay(d)) days++;
  }
  return days;
}

const dateOf = (at: string): string => parseVietnamTime(at)?.date ?? at.slice(0, 10);
