import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Fixed-window counters in the database, so a limit holds however many intake processes
 * answer: one row per bucket and window, incremented by an upsert. The table is unlogged
 * (migration 7): a count is worth no WAL flush, and a database crash only resets the windows.
 */
export async function hit(db: Kysely<Database>, bucket: string, windowMs: number, now: Date): Promise<number> {
  const start = windowStart(now, windowMs);
  const r = await sql<{ hits: number }>`
    INSERT INTO rate_limits (bucket, window_start, hits) VALUES (${bucket}, ${start}, 1)
    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING hits`.execute(db);
  return Number(r.rows[0]!.hits);
}

/** The start of the fixed window `now` falls in. */
export const windowStart = (now: Date, windowMs: number): Date => new Date(Math.floor(now.getTime() / windowMs) * windowMs);

/** Drops windows that ended long ago. */
export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan).execute();
}
