import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { lockFolder, type FolderLock } from './lock.js';
import { migrate } from './migrations.js';

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it PGlite runs in `<dataDir>/pglite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the database and brings its schema up to date. Both engines get the same migrations
 * and queries; only the connection differs.
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    // bigint ids and counts come back as strings; keep them so (no precision loss).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener the pool's error event would end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  await mkdir(options.dataDir, { recursive: true });
  const lock: FolderLock = await lockFolder(path.join(options.dataDir, 'pglite.lock'));
  try {
    const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
    const pglite = await PGlite.create(path.join(options.dataDir, 'pglite'));
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    await migrate(db);
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
