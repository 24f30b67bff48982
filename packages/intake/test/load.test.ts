import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestCatalogue, call, engines, freshDataDir, sha256, startServer, submission, submit } from './helpers.js';
import { spawnServer } from './processes.js';

/**
 * Crashes and load: a server killed in the middle of an upload leaves nothing behind and the
 * retry succeeds once; 200 concurrent submissions make 200 dossiers with 200 codes whose files
 * all check out after a restart; two processes on one PostgreSQL never share a code.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-load');
}, 120_000);

/** Runs `task` over `items` with at most `limit` at a time. */
async function bounded<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  }));
  return out;
}

describe.each(engines())('load on $name', (engine) => {
  it('makes 200 dossiers with 200 distinct codes from 200 concurrent submissions, files intact after a restart', async () => {
    const databaseUrl = await engine.create();
    const dataDir = await freshDataDir('intake-load');
    const options = { catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
    let { server, url } = await startServer(options);
    try {
      const made = await Promise.all(Array.from({ length: 200 }, () => submission(catalogueDir)));
      const answers = await bounded(made, 200, (s) => submit(url, s));
      expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
      const codes = new Set(answers.map((a) => a.json!.dossierCode));
      expect(codes.size).toBe(200);
      await server.close();
      ({ server, url } = await startServer(options));
      const rows = await server.database.db.selectFrom('dossier_files').select(['sha256', 'size']).execute();
      expect(rows.length).toBe(200);
      for (const row of rows) {
        const stream = await server.context.blobs.read(row.sha256);
        const chunks: Buffer[] = [];
        for await (const c of stream!) chunks.push(c as Buffer);
        expect(sha256(Buffer.concat(chunks))).toBe(row.sha256);
      }
    } finally {
      await server.close();
      await engine.drop(databaseUrl);
    }
  }, 240_000);

  it('leaves no dossier and no half file when killed mid-way through a 20 MB upload; the retry succeeds once', async () => {
    const databaseUrl = await engine.create();
    const dataDir = await freshDataDir('intake-kill');
    const big = (i: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 - 100, i + 1)]);
    const s = await submission(catalogueDir, (e, files) => {
      const docs = e.documents as Record<string, { name: string; type: string; size: number; sha256: string }[]>;
      docs['giay-chung-sinh'] = [0, 1].map((i) => {
        const bytes = big(i);
        files.set(`documents/giay-chung-sinh/${i}`, bytes);
        return { name: `ban-quet-${i}.pdf`, type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) };
      });
    });
    const child = await spawnServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    // Send the body slowly, and kill the server once half of it is on its disk.
    const encoded = new Response(s.body);
    const contentType = encoded.headers.get('content-type')!;
    const payload = Buffer.from(await encoded.arrayBuffer());
    const staging = path.join(dataDir, 'blobs', 'staging');
    const stagedBytes = async () => (await Promise.all((await readdir(staging).catch(() => [] as string[])).map((f) => stat(path.join(staging, f)).then((x) => x.size, () => 0)))).reduce((a, b) => a + b, 0);
    let sent = 0;
    const body = new ReadableStream({
      async pull(controller) {
        if (sent >= payload.length) return controller.close();
        const chunk = payload.subarray(sent, sent + 256 * 1024);
        sent += chunk.length;
        controller.enqueue(chunk);
        await new Promise((r) => setTimeout(r, 15));
      },
    });
    const upload = fetch(`${child.url}/api/submissions`, { method: 'POST', body, headers: { 'Content-Type': contentType, 'Idempotency-Key': s.key }, duplex: 'half' } as RequestInit).catch((e: Error) => e);
    for (let i = 0; i < 600 && (await stagedBytes()) < 5 * 1024 * 1024; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await stagedBytes()).toBeGreaterThan(5 * 1024 * 1024);
    child.process.kill('SIGKILL');
    expect(await upload).toBeInstanceOf(Error);
    await new Promise((r) => child.process.exitCode !== null || child.process.signalCode !== null ? r(null) : child.process.once('exit', r));

    const { server, url } = await startServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const count = async () => Number((await server.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);
      expect(await count()).toBe(0);
      expect(await readdir(staging).catch(() => [])).toEqual([]);
      const retry = await call(`${url}/api/submissions`, { method: 'POST', body: new Blob([payload]), headers: { 'Content-Type': contentType, 'Idempotency-Key': s.key } });
      expect(retry.status).toBe(201);
      const again = await call(`${url}/api/submissions`, { method: 'POST', body: new Blob([payload]), headers: { 'Content-Type': contentType, 'Idempotency-Key': s.key } });
      expect(again.status).toBe(200);
      expect(again.json!.dossierCode).toBe(retry.json!.dossierCode);
      expect(await count()).toBe(1);
      for (const meta of retry.json!.documents as { sha256: string }[]) {
        const stored = await readFile(path.join(dataDir, 'blobs', meta.sha256.slice(0, 2), meta.sha256.slice(2, 4), meta.sha256));
        expect(sha256(stored)).toBe(meta.sha256);
      }
    } finally {
      await server.close();
      await engine.drop(databaseUrl);
    }
  }, 240_000);

  if (engine.name === 'postgres') {
    it('gives distinct codes and one dossier per key from two processes on one database', async () => {
      const databaseUrl = await engine.create();
      const dataDir = await freshDataDir('intake-two');
      const a = await spawnServer({ catalogueDir, dataDir, databaseUrl: databaseUrl! });
      const b = await spawnServer({ catalogueDir, dataDir, databaseUrl: databaseUrl! });
      try {
        const made = await Promise.all(Array.from({ length: 60 }, () => submission(catalogueDir)));
        // Every submission goes to both processes at once: one dossier each, whoever wins.
        const answers = await bounded(made, 30, async (s) => {
          const [x, y] = await Promise.all([submit(a.url, s), submit(b.url, { key: s.key, body: (await submission(catalogueDir, (e) => Object.assign(e, { idempotencyKey: s.key }), (doc, i) => s.files.get(`documents/${doc}/${i}`)!)).body })]);
          return [x, y];
        });
        for (const [x, y] of answers) {
          expect([x!.status, y!.status].sort()).toEqual([200, 201]);
          expect(x!.json!.dossierCode).toBe(y!.json!.dossierCode);
        }
        expect(new Set(answers.map(([x]) => x!.json!.dossierCode)).size).toBe(60);
        const lookups = await Promise.all(answers.slice(0, 5).map(([x]) => call(`${b.url}/api/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: x!.json!.dossierCode, secret: x!.json!.lookupSecret }) })));
        expect(lookups.map((l) => l.json!.status.code)).toEqual([1, 1, 1, 1, 1]);
      } finally {
        await a.stop();
        await b.stop();
        await engine.drop(databaseUrl);
      }
    }, 240_000);
  }
});
