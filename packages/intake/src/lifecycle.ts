import { computeDeadline, parseVietnamTime, type DeadlineOptions, type DeadlineResult, type Pause, type ProcessingTimeSpec, type WorkingCalendar } from '@thutuc/runtime';
import type { ProcessingTime, Step, Text } from '@thutuc/runtime/model';
import { lifecycleError, type LifecycleError } from './lifecycle-errors.js';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES, type ActorRole, type DossierAction, type DossierStatus, type DossierStatusCode } from './lifecycle-statuses.js';

/**
 * A dossier's life as plain data: every action returns a new dossier and the history entry
 * it added, or an error for an action that is not allowed; nothing is mutated and nothing
 * throws for what a user does. The due date travels with the dossier: set on acceptance,
 * stopped while a supplement is awaited, and set again from the remaining days on resumption.
 */

export interface Actor {
  role: ActorRole;
  id?: string;
  name?: string;
}

export interface HistoryEntry {
  action: DossierAction | 'submit';
  from?: DossierStatus;
  to: DossierStatus;
  statusCode: DossierStatusCode;
  at: string;
  actor: Actor;
  reason?: Text;
  step?: number;
  extension?: number;
  /** The due date after this entry, when it changed. */
  due?: string;
}

export interface Dossier {
  code: string;
  procedureId: string;
  procedureVersion?: string;
  channel: string;
  /** As the catalogue states it; an unknown time limit gives no due date (the lifecycle says so). */
  processingTime: ProcessingTimeSpec | ProcessingTime;
  status: DossierStatus;
  statusCode: DossierStatusCode;
  submittedAt: string;
  receivedAt?: string;
  /** The appointment (Vietnam time); absent before acceptance and while paused. */
  due?: string;
  /** The due date rests on a provisional or projected holiday calendar. */
  dueProvisional?: boolean;
  /** Supplement requests; the last has no `to` while pending. */
  pauses: { from: string; to?: string }[];
  /** While paused: the days (in the processing time's unit) still left. */
  remaining?: number;
  /** Indexes of the processing time's extensions applied. */
  extensions: number[];
  stepsDone: { index: number; at: string; by: Actor }[];
  /** When the fees were paid (online or confirmed at the desk). */
  paidAt?: string;
  /** When the result was signed off (status 9). */
  processedAt?: string;
  history: HistoryEntry[];
}

export interface LifecycleEnv {
  calendar: WorkingCalendar;
  /** The procedure's declared steps (for `complete_step`). */
  steps?: readonly Step[];
  officeHours?: DeadlineOptions['officeHours'];
}

export interface ActionInput {
  actor: Actor;
  /** When it happened (Vietnam time unless it says otherwise). */
  at: string;
  reason?: Text;
  /** For `complete_step`: the index into the procedure's steps. */
  step?: number;
  /** For `extend`: the index into the processing time's extensions. */
  extension?: number;
}

export type TransitionResult = { ok: true; dossier: Dossier; entry: HistoryEntry } | { ok: false; error: LifecycleError };

export interface NewDossier {
  code: string;
  procedureId: string;
  procedureVersion?: string;
  channel: string;
  /** As the catalogue states it; an unknown time limit gives no due date (the lifecycle says so). */
  processingTime: ProcessingTimeSpec | ProcessingTime;
  submittedAt: string;
  actor?: Actor;
}

/** A dossier as filed (status 1, Mới đăng ký). A desk filing then calls `accept` at once. */
export function openDossier(init: NewDossier): TransitionResult {
  if (!parseVietnamTime(init.submittedAt)) return { ok: false, error: lifecycleError('bad-time', { at: init.submittedAt }) };
  const entry: HistoryEntry = { action: 'submit', to: 'submitted', statusCode: 1, at: init.submittedAt, actor: init.actor ?? { role: 'applicant' } };
  const dossier: Dossier = {
    code: init.code, procedureId: init.procedureId, channel: init.channel, processingTime: init.processingTime,
    ...(init.procedureVersion ? { procedureVersion: init.procedureVersion } : {}),
    status: 'submitted', statusCode: 1, submittedAt: init.submittedAt, pauses: [], extensions: [], stepsDone: [], history: [entry],
  };
  return { ok: true, entry, dossier };
}

export const ALLOWED_FOR_STEP: Record<Step['actor'], readonly ActorRole[]> = {
  applicant: ['applicant', 'reception', 'system'],
  reception: ['reception'],
  officer: ['officer'],
  leader: ['leader'],
  other_agency: ['officer', 'system'],
};

/** Applies an action to a dossier. */
export function transition(dossier: Dossier, action: DossierAction, input: ActionInput, env: LifecycleEnv): TransitionResult {
  const rule = DOSSIER_ACTIONS[action];
  if (!rule) return { ok: false, error: lifecycleError('unknown-action', { action }) };
  const at = parseVietnamTime(input?.at);
  if (!at) return { ok: false, error: lifecycleError('bad-time', { at: input?.at }) };
  const last = dossier.history[dossier.history.length - 1];
  if (last && at.epoch < (parseVietnamTime(last.at)?.epoch ?? 0)) return { ok: false, error: lifecycleError('time-order', { at: input.at, last: last.at }) };
  if (!rule.from.includes(dossier.status)) return { ok: false, error: lifecycleError('not-allowed', { action, status: dossier.status }) };
  if (!rule.actors.includes(input.actor?.role)) return { ok: false, error: lifecycleError('forbidden', { action, role: input.actor?.role }) };
  if (rule.reason && !input.reason?.vi?.trim()) return { ok: false, error: lifecycleError('reason-required', { action }) };

  let next: Dossier = { ...dossier };
  const extra: Partial<HistoryEntry> = {};

  switch (action) {
    case 'accept':
      next.receivedAt = input.at;
      break;
    case 'request_supplement': {
      const used = countedBefore(next, at.date, env);
      next = { ...next, pauses: [...next.pauses, { from: at.date }], due: undefined };
      if (used !== undefined) next.remaining = used.remaining;
      break;
    }
    case 'supplement':
      next = { ...next, pauses: next.pauses.map((p, i) => (i === next.pauses.length - 1 ? { from: p.from, to: at.date } : p)), remaining: undefined };
      break;
    case 'extend': {
      const i = input.extension;
      if (typeof i !== 'number' || !dossier.processingTime.extensions?.[i]) return { ok: false, error: lifecycleError('bad-extension', { index: i }) };
      if (dossier.extensions.includes(i)) return { ok: false, error: lifecycleError('extension-used', { index: i }) };
      next.extensions = [...dossier.extensions, i];
      extra.extension = i;
      break;
    }
    case 'complete_step': {
      const i = input.step;
      const step = typeof i === 'number' ? env.steps?.[i] : undefined;
      if (step === undefined || i === undefined) return { ok: false, error: lifecycleError('bad-step', { index: i }) };
      if (dossier.stepsDone.some((s) => s.index === i)) return { ok: false, error: lifecycleError('step-done', { index: i }) };
      if (!ALLOWED_FOR_STEP[step.actor].includes(input.actor.role)) return { ok: false, error: lifecycleError('forbidden', { action, role: input.actor.role }) };
      next.stepsDone = [...dossier.stepsDone, { index: i, at: input.at, by: input.actor }];
      extra.step = i;
      break;
    }
    case 'pay':
      if (dossier.paidAt) return { ok: false, error: lifecycleError('already-paid', {}) };
      next.paidAt = input.at;
      break;
    case 'complete':
      next.processedAt = input.at;
      break;
  }
  if (action === 'accept' || action === 'supplement' || action === 'extend') {
    const r = deadlineOf(next, env);
    if (!r.ok) return { ok: false, error: lifecycleError('deadline', { vi: r.error.vi, en: r.error.en }) };
    extra.due = r.deadline.due;
    next = { ...next, due: r.deadline.due, dueProvisional: r.deadline.provisional };
  }

  const to = rule.to ?? (action === 'pay' && dossier.status === 'payment_requested' ? 'processing' : dossier.status);
  const entry: HistoryEntry = {
    action, from: dossier.status, to, statusCode: DOSSIER_STATUSES[to].code, at: input.at, actor: input.actor,
    ...(input.reason ? { reason: input.reason } : {}), ...extra,
  };
  next = { ...next, status: to, statusCode: DOSSIER_STATUSES[to].code, history: [...dossier.history, entry] };
  return { ok: true, dossier: next, entry };
}

/** The dossier's deadline from its receipt, finished pauses and extensions. */
export function deadlineOf(d: Dossier, env: LifecycleEnv): DeadlineResult {
  if (!d.receivedAt) return { ok: false, error: { vi: 'Hồ sơ chưa được tiếp nhận.', en: 'The dossier has not been accepted yet.' } };
  const pauses = d.pauses.filter((p): p is Pause => p.to !== undefined);
  return computeDeadline(d.receivedAt, d.processingTime, env.calendar, { pauses, extensions: d.extensions, ...(env.officeHours ? { officeHours: env.officeHours } : {}) });
}

/** Days of the time limit used before `date` and those remaining, from the dossier's current count. */
function countedBefore(d: Dossier, date: string, env: LifecycleEnv): { used: number; remaining: number } | undefined {
  if (d.processingTime.unit === 'hour') return undefined;
  const r = deadlineOf(d, env);
  if (!r.ok) return undefined;
  const used = r.deadline.counted.filter((day) => day < date).length;
  return { used, remaining: r.deadline.counted.length - used };
}
