import { addDays, todayInVietnam, type WorkingCalendar } from '@thutuc/runtime';
import type { Dossier } from '../lifecycle.js';
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

/** What the statistics read of a history entry (its row's columns, not the whole entry). */
export interface HistoryFact {
  /** When it happened (epoch ms). */
  at: number;
  action: string;
  to: string;
  /** The due date the entry set (Vietnam time), if any. */
  due?: string | null;
}

/**
 * The dossier's standing at `asOf` (epoch ms) from its history in order. Undefined when nothing
 * had happened to it yet (submitted after `asOf`).
 */
export function outcomeAt(history: readonly HistoryFact[], asOf: number, calendar: WorkingCalendar): DossierOutcome | undefined {
  let last: HistoryFact | undefined;
  let due: string | undefined;
  let received: number | undefined;
  let processed: number | undefined;
  const pauses: { from: string; to?: string }[] = [];
  for (const e of history) {
    if (e.at > asOf) break;
    last = e;
    if (e.action === 'accept') received = e.at;
    if (e.action === 'complete') processed = e.at;
    if (e.action === 'request_supplement') {
      due = undefined;
      pauses.push({ from: dateOf(e.at) });
    }
    if (e.action === 'supplement' && pauses.length) pauses[pauses.length - 1]!.to = dateOf(e.at);
    if (e.due) due = e.due;
  }
  if (!last) return undefined;
  const status = last.to as DossierStatus;
  const supplementsRequested = pauses.length;
  const standing: Pick<Dossier, 'status' | 'statusCode' | 'due' | 'processedAt'> = {
    status, statusCode: DOSSIER_STATUSES[status].code, ...(due ? { due } : {}), ...(processed !== undefined ? { processedAt: new Date(processed).toISOString() } : {}),
  };
  const state = timeStatus(standing as Dossier, new Date(asOf).toISOString()).state;
  if (state === 'finished-on-time' || state === 'finished-late') {
    const workingDays = received !== undefined && processed !== undefined ? workingDaysBetween(dateOf(received), dateOf(processed), pauses, calendar) : undefined;
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

const dateOf = (epoch: number): string => todayInVietnam(new Date(epoch));
