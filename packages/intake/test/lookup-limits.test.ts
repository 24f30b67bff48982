import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { IntakeServer } from '@thutuc/intake';
import { buildTestCatalogue, engines, freshDataDir, postJson, startServer, submission, submit } from './helpers.js';

/**
 * The public lookup's limits hold per client IP and per dossier code, also now that the
 * counting and the read are one statement: a right secret from an IP over its limit is
 * refused, another IP is not affected, and a code's failures stop even the right secret.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-lookup-limits');
}, 120_000);

describe.each(engines())('lookup limits on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    databaseUrl = await engine.create();
    const dataDir = await freshDataDir('intake-lookup-limits');
    ({ server, url } = await startServer({
      catalogueDir, dataDir, trustProxy: true, limits: { lookupsPerIpPerMinute: 3, failedLookupsPerCodePerHour: 2 },
      ...(databaseUrl ? { databaseUrl } : {}),
    }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  const lookup = (body: Record<string, string>, ip: string) => postJson(`${url}/api/lookup`, body, { 'X-Forwarded-For': ip });

  it('refuses the lookup past the limit of its IP, right secret or not, and serves another IP', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const right = { code: receipt.dossierCode, secret: receipt.lookupSecret };
    const first = await Promise.all([1, 2, 3].map(() => lookup(right, '203.0.113.7')));
    expect(first.map((a) => a.status)).toEqual([200, 200, 200]);
    const over = await lookup(right, '203.0.113.7');
    expect(over.status).toBe(429);
    expect(over.json!.error).toMatchObject({ code: 'rate-limited', message: { vi: expect.stringMatching(/Quá nhiều/), en: expect.any(String) } });
    expect((await lookup(right, '203.0.113.8')).status).toBe(200);
  });

  it('stops a code after its failures, even for the right secret, and leaves other codes alone', async () => {
    const [a, b] = await Promise.all([1, 2].map(async () => (await submit(url, await submission(catalogueDir))).json!));
    const wrong = { code: a!.dossierCode, secret: 'AAAA-BBBB-CCCC-DDDD' };
    expect((await lookup(wrong, '198.51.100.1')).status).toBe(404);
    expect((await lookup(wrong, '198.51.100.2')).status).toBe(404);
    expect((await lookup({ code: a!.dossierCode, secret: a!.lookupSecret }, '198.51.100.3')).status).toBe(429);
    expect((await lookup({ code: b!.dossierCode, secret: b!.lookupSecret }, '198.51.100.3')).status).toBe(200);
  });

  it('keeps the counters in an unlogged table (no WAL flush per lookup)', async () => {
    const { rows } = await sql<{ relpersistence: string }>`SELECT relpersistence FROM pg_class WHERE relname = 'rate_limits'`.execute(server.database.db);
    expect(rows[0]!.relpersistence).toBe('u');
  });
});
