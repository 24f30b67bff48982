import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { deliverDue, type Deliverers } from './notify/worker.js';
import { pruneSessions } from './officers/sessions.js';
import { pruneRateLimits } from './store/rate-limit.js';
import { markOverdue } from './overdue.js';

export interface JobOptions {
  /** Between runs (default 30 s for the outbox, 5 min for the rest). */
  outboxEveryMs?: number;
  housekeepingEveryMs?: number;
  /** The desk's mailbox for overdue alerts. */
  deskEmail?: string;
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
      await markOverdue(db, now, options.deskEmail ? { deskEmail: options.deskEmail } : {});
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
