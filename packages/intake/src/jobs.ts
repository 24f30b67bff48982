import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { deliverDue, type Deliverers } from './notify/worker.js';
import { pruneSessions } from './officers/sessions.js';
import { pruneRateLimits } from './store/rate-limit.js';

/** Statuses in which a dossier is still being worked on and can run late. */
const OPEN = ['accepted', 'processing', 'payment_requested'];

/**
 * Marks dossiers past their due date as overdue (one UPDATE, so several processes may run it)
 * and returns their codes. A paused dossier (supplement requested) has no due date.
 */
export async function markOverdue(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('dossiers')
    .set({ overdue: true, updated_at: now })
    .where('overdue', '=', false)
    .where('due_at', '<', now)
    .where('status', 'in', OPEN)
    .returning('code')
    .execute();
  return rows.map((r) => r.code);
}

export interface JobOptions {
  /** Between runs (default 30 s for the outbox, 5 min for the rest). */
  outboxEveryMs?: number;
  housekeepingEveryMs?: number;
  now(): Date;
  onError(error: unknown): void;
  /** Settles payments whose notification never came (asks the providers). */
  reconcilePayments?(): Promise<unknown>;
}

/** Starts the periodic jobs; the returned function stops them and waits for a running one. */
export function startJobs(db: Kysely<Database>, deliverers: Deliverers, options: JobOptions): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const every = (ms: number, job: () => Promise<unknown>) => {
    const timer = setInterval(() => {
      if (stopped) return;
      running = running.then(job).catch(options.onError);
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(options.outboxEveryMs ?? 30_000, () => deliverDue(db, deliverers, options.now())),
    every(options.housekeepingEveryMs ?? 300_000, async () => {
      const now = options.now();
      await markOverdue(db, now);
      await pruneSessions(db, now);
      await pruneRateLimits(db, new Date(now.getTime() - 2 * 3_600_000));
      await options.reconcilePayments?.();
    }),
  ];
  return async () => {
    stopped = true;
    timers.forEach(clearInterval);
    await running;
  };
}
