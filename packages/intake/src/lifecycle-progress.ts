import { parseVietnamTime, vietnamTimestamp } from '@thutuc/runtime';
import type { Step, Text } from '@thutuc/runtime/model';
import { deadlineOf, type Dossier, type LifecycleEnv } from './lifecycle.js';
import { FINAL_STATUSES } from './lifecycle-statuses.js';

/**
 * Where a dossier stands against its time limit and its procedure's steps: what a tracking
 * page (tra cứu hồ sơ) and an officer's worklist show.
 */

export type TimeState =
  /** Not accepted yet: the clock has not started. */
  | 'not-started'
  /** Waiting for a supplement: the clock is stopped. */
  | 'paused'
  | 'on-time'
  | 'overdue'
  | 'finished-on-time'
  | 'finished-late'
  /** Refused, withdrawn or stopped: no result is due. */
  | 'closed';

export interface TimeStatus {
  state: TimeState;
  due?: string;
  /** Days (in the processing time's unit) left while paused. */
  remaining?: number;
}

/** The dossier's standing against its due date at `now` (an ISO instant, Vietnam time unless it says otherwise). */
export function timeStatus(dossier: Dossier, now: string): TimeStatus {
  const due = dossier.due;
  const at = parseVietnamTime(now);
  if (dossier.status === 'processed' || dossier.status === 'returned') {
    const done = parseVietnamTime(dossier.processedAt);
    const late = !!(due && done && done.epoch > parseVietnamTime(due)!.epoch);
    return { state: late ? 'finished-late' : 'finished-on-time', ...(due ? { due } : {}) };
  }
  if (FINAL_STATUSES.includes(dossier.status)) return { state: 'closed' };
  if (dossier.status === 'supplement_requested') return { state: 'paused', ...(dossier.remaining !== undefined ? { remaining: dossier.remaining } : {}) };
  if (!due || !at) return { state: 'not-started' };
  return { state: at.epoch > parseVietnamTime(due)!.epoch ? 'overdue' : 'on-time', due };
}

/** Whether the dossier is past its due date at `now` and still open. */
export function isOverdue(dossier: Dossier, now: string): boolean {
  return timeStatus(dossier, now).state === 'overdue';
}

/**
 * A step as the applicant's timeline and the desk show it. Besides done, current and still to
 * come: `skipped` — not part of this dossier's way (a step for another channel, or one that only
 * happens on a supplement request, refusal or extension the dossier went past without) — and
 * `if-needed`, such a conditional step still ahead. Telling the applicant "done" for a step that
 * never happened to their dossier would be false.
 */
export type StepState = 'done' | 'current' | 'pending' | 'skipped' | 'if-needed';

export interface StepProgress {
  index: number;
  title: Text;
  actor: Step['actor'];
  /** Marked done by an officer, or gone past by the dossier's lifecycle (see `stepsPassed`). */
  done: boolean;
  state: StepState;
  /** When an officer marked it done. */
  doneAt?: string;
  /** From the step's `share` of the time limit, counted like the dossier's own deadline. */
  due?: string;
}

export interface Progress {
  steps: StepProgress[];
  done: number;
  total: number;
  /** The first step not done yet, while the dossier is open. */
  current?: number;
}

/**
 * How many leading steps the dossier has gone past, from what the lifecycle records rather than
 * only from the steps an officer marked: the applicant's filing steps at the start once it is
 * submitted, the reception steps after them once it is accepted, every step but the desk's
 * closing ones once the result is signed off (9), all once it is returned (10) — and every step
 * before the last one marked done (the steps run in order; one passed over was not needed).
 */
function stepsPassed(dossier: Dossier, steps: readonly Step[]): number {
  let passed = 0;
  if (dossier.status === 'returned') passed = steps.length;
  else if (dossier.status === 'processed') {
    passed = steps.length;
    while (passed > 0 && steps[passed - 1]!.actor === 'reception') passed--;
  } else {
    while (passed < steps.length && steps[passed]!.actor === 'applicant') passed++;
    if (dossier.receivedAt) while (passed < steps.length && steps[passed]!.actor === 'reception') passed++;
  }
  const lastMarked = Math.max(-1, ...dossier.stepsDone.map((s) => s.index));
  return Math.min(steps.length, Math.max(passed, lastMarked + 1));
}

/** Whether the dossier met the situation a conditional step (`when`) stands for. */
function happened(dossier: Dossier, when: NonNullable<Step['when']>): boolean {
  switch (when) {
    case 'supplement_requested':
      return dossier.pauses.length > 0;
    case 'refused':
      return dossier.status === 'rejected' || dossier.status === 'stopped';
    case 'extended':
      return dossier.extensions.length > 0;
  }
}

/**
 * Progress against the procedure's declared steps: the one place the applicant's timeline and
 * the desk's list of steps come from. A step is done when an officer marked it or the dossier
 * has gone past it (`stepsPassed`); a step for another channel is skipped, and a conditional
 * step (`when`) is done only when its situation arose — current while the dossier waits at it
 * (a supplement requested) — skipped once gone past without it, and "if needed" ahead. The
 * current step is otherwise the first ordinary one not done, while the dossier is still open.
 * A step with a `share` of the time limit gets its own due date: the day on which that
 * cumulative share of the counted days is used.
 */
export function stepProgress(dossier: Dossier, steps: readonly Step[], env?: LifecycleEnv): Progress {
  const counted = env && dossier.due && dossier.processingTime.unit !== 'hour' ? deadlineOf(dossier, env) : undefined;
  const days = counted?.ok ? counted.deadline.counted : [];
  const close = counted?.ok ? counted.deadline.due.slice(11, 16) : '17:00';
  const passed = stepsPassed(dossier, steps);
  const open = !FINAL_STATUSES.includes(dossier.status);
  const waitingAt = dossier.status === 'supplement_requested' ? steps.findIndex((s) => s.when === 'supplement_requested' && applies(s, dossier)) : -1;
  let share = 0;
  let current: number | undefined = waitingAt >= 0 ? waitingAt : undefined;
  const list = steps.map((step, index): StepProgress => {
    const marked = dossier.stepsDone.find((s) => s.index === index);
    const state = marked ? 'done' : stateOf(step, index);
    share += step.share ?? 0;
    const n = Math.min(days.length, Math.ceil(share * days.length - 1e-9));
    const day = step.share !== undefined && n > 0 ? days[n - 1] : undefined;
    return {
      index, title: step.title, actor: step.actor, done: state === 'done', state,
      ...(marked ? { doneAt: marked.at } : {}), ...(day && state !== 'skipped' ? { due: vietnamTimestamp(day, close) } : {}),
    };
  });
  return { steps: list, done: list.filter((s) => s.done).length, total: list.length, ...(current !== undefined ? { current } : {}) };

  /** The state of a step no officer marked. */
  function stateOf(step: Step, index: number): StepState {
    if (!applies(step, dossier)) return 'skipped';
    if (step.when) {
      if (index === waitingAt) return 'current';
      if (happened(dossier, step.when)) return 'done';
      return index < passed || !open ? 'skipped' : 'if-needed';
    }
    if (index < passed) return 'done';
    if (open && current === undefined) {
      current = index;
      return 'current';
    }
    return 'pending';
  }
}

/** A step limited to some channels applies only to dossiers filed through one of them. */
function applies(step: Step, dossier: Dossier): boolean {
  return !step.channels || (step.channels as readonly string[]).includes(dossier.channel);
}
