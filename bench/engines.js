// The storage engines a bench runs on: PGlite always, and PostgreSQL in a throwaway database
// when DATABASE_URL is set (dropped afterwards, also when the bench fails).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Calls `bench('pglite')`, then `bench('postgres', url, { client, database })` on a fresh database
 * when DATABASE_URL is set (`client` is an admin connection, e.g. to read the server's CPU time).
 */
export async function onEachEngine(bench, engines = ['pglite', 'postgres']) {
  if (engines.includes('pglite')) await bench('pglite');
  if (!engines.includes('postgres')) return;
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log('postgres  skipped: DATABASE_URL is not set');
    return;
  }
  const name = `thutuc_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await bench('postgres', url.toString(), { client: admin, database: name });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
