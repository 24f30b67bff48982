import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeServer } from '@thutuc/intake';
import { buildTestCatalogue, call, engines, formOf, freshDataDir, sha256, startServer, submission, type Submission } from './helpers.js';

/**
 * Every bad request gets a 4xx with its reason in Vietnamese and English, and leaves nothing
 * behind: no dossier, no staged file, no blob.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-faults');
}, 120_000);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

type Make = () => Promise<{ body: BodyInit; headers: Record<string, string> }>;
const withKey = (s: Submission) => ({ body: s.body, headers: { 'Idempotency-Key': s.key } });

describe.each(engines())('faults on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let dataDir: string;
  let databaseUrl: string | undefined;
  beforeAll(async () => {
    databaseUrl = await engine.create();
    dataDir = await freshDataDir('intake-faults');
    ({ server, url } = await startServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  const mutate = (change: (e: Record<string, unknown>, f: Map<string, Buffer>) => void, type?: string): Make => async () => {
    const s = await submission(catalogueDir, change);
    return type ? { body: formOf(s.envelope, s.files, type), headers: { 'Idempotency-Key': s.key } } : withKey(s);
  };
  const docs = (e: Record<string, unknown>) => e.documents as Record<string, { name: string; type: string; size: number; sha256: string }[]>;

  const cases: [string, Make, number, string][] = [
    ['a cut-off multipart body', async () => ({ body: '--x\r\nContent-Disposition: form-data; name="envelope"\r\n\r\n{', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Idempotency-Key': randomUUID() } }), 400, 'bad-multipart'],
    ['a declared file that is missing', mutate((_, f) => f.clear()), 400, 'file-missing'],
    ['an extra part', mutate((_, f) => f.set('documents/giay-chung-sinh/7', Buffer.from('%PDF-1.4 x'))), 400, 'file-undeclared'],
    ['the wrong SHA-256', mutate((e) => { docs(e)['giay-chung-sinh']![0]!.sha256 = 'f'.repeat(64); }), 422, 'file-mismatch'],
    ['a file over the document\'s limit', mutate((e) => { docs(e)['giay-chung-sinh']![0]!.size = 10 * 1024 * 1024 + 1; }), 413, 'file-too-large'],
    ['more bytes than declared', mutate((e, f) => { const k = [...f.keys()][0]!; f.set(k, Buffer.concat([f.get(k)!, Buffer.from('more')])); }), 422, 'file-mismatch'],
    ['a part type other than declared', mutate(() => {}, 'image/png'), 415, 'file-type'],
    ['bytes that are not the declared type', mutate((e, f) => {
      const bytes = Buffer.from('MZ not a pdf at all');
      f.set('documents/giay-chung-sinh/0', bytes);
      Object.assign(docs(e)['giay-chung-sinh']![0]!, { size: bytes.length, sha256: sha256(bytes) });
    }), 415, 'file-type'],
    ['an unknown procedure', mutate((e) => Object.assign(e, { procedure: { id: 'khong.co', version: '1.0.0' } })), 422, 'unknown-procedure'],
    ['an old version of the form', mutate((e) => Object.assign(e, { procedure: { ...(e.procedure as object), version: '0.0.1' } })), 409, 'old-version'],
    ['a payload the compiled validator rejects', mutate((e) => Object.assign(e, { data: {} })), 422, 'invalid-payload'],
    ['a bad Idempotency-Key', async () => ({ ...withKey(await submission(catalogueDir)), headers: { 'Idempotency-Key': 'short' } }), 400, 'idempotency-key'],
    ['an oversized envelope', mutate((e) => Object.assign(e, { data: { ...(e.data as object), ghi_chu: 'x'.repeat(1_100_000) } })), 413, 'envelope-too-large'],
    ['a path-traversal file name', mutate((e) => { docs(e)['giay-chung-sinh']![0]!.name = '../../etc/passwd'; }), 400, 'bad-file-name'],
    ['a path-traversal part name', mutate((_, f) => f.set('documents/../../etc/passwd', Buffer.from('%PDF-1.4'))), 400, 'file-undeclared'],
    ['a body that says it is 200 MB', async () => ({ body: 'x', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(200 * 1024 * 1024), 'Idempotency-Key': randomUUID() } }), 413, 'body-too-large'],
  ];

  for (const [name, make, status, code] of cases) {
    it(`answers ${status} ${code} for ${name}, storing nothing`, async () => {
      const before = await server.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const { body, headers } = await make();
      const r = await call(`${url}/api/submissions`, { method: 'POST', body, headers }).catch((e: Error) => e);
      if (r instanceof Error) {
        // Only a lying Content-Length may end in a closed connection instead of an answer.
        expect(code).toBe('body-too-large');
      } else {
        expect(r.status).toBe(status);
        expect(r.json!.error).toMatchObject({ code, message: { vi: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } });
        expect(r.json!.error.message.vi).not.toBe(r.json!.error.message.en);
        if (code === 'old-version') expect(r.json!.currentVersion).toMatch(/^\d+\.\d+\.\d+$/);
      }
      const after = await server.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      expect(Number(after!.n)).toBe(Number(before!.n));
      expect(await filesUnder(path.join(dataDir, 'blobs'))).toEqual([]);
    });
  }
});
