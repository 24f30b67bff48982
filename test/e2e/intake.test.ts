import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, root, startTestSite, type Site } from './site.js';

/**
 * The example receiving endpoint answers every malformed request with a 4xx and a reason,
 * never crashes, checks files byte for byte, and makes one dossier per Idempotency-Key.
 */
let site: Site;
beforeAll(async () => {
  site = await startTestSite(await buildSite('site-intake'));
}, 240_000);
afterAll(async () => site?.close());

const PROCEDURE = 'ho-tich.dang-ky-khai-sinh';

async function validExample() {
  const doc = parse(await readFile(path.join(root, 'catalogue/ho-tich/dang-ky-khai-sinh.examples.yaml'), 'utf8')) as {
    examples: { name: string; valid: boolean; submission: Record<string, unknown> }[];
  };
  const example = doc.examples.find((e) => e.name === 'truc-tuyen-dung-han-co-cha-me')!;
  const index = JSON.parse(await readFile(path.join(root, 'test/.tmp/site-intake/catalogue/index.json'), 'utf8')) as { procedures: { id: string; version: string }[] };
  return { submission: structuredClone(example.submission), version: index.procedures.find((p) => p.id === PROCEDURE)!.version };
}

/** A well-formed request for the valid example, with real files matching the envelope. */
async function request(change: (envelope: Record<string, unknown>, files: Map<string, Buffer>) => void = () => {}) {
  const { submission, version } = await validExample();
  const files = new Map<string, Buffer>();
  const documents = (submission.documents ?? {}) as Record<string, { name: string; type: string; size: number; sha256: string }[]>;
  for (const [doc, list] of Object.entries(documents)) {
    list.forEach((meta, i) => {
      const bytes = Buffer.from(`%PDF-1.4 ${doc} ${i}`);
      files.set(`documents/${doc}/${i}`, bytes);
      Object.assign(meta, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
  }
  const key = randomUUID();
  const envelope: Record<string, unknown> = { procedure: { id: PROCEDURE, version }, ...submission, lang: 'vi', clientTime: new Date().toISOString(), idempotencyKey: key };
  change(envelope, files);
  const body = new FormData();
  body.append('envelope', new Blob([JSON.stringify(envelope)], { type: 'application/json' }), 'envelope.json');
  for (const [name, bytes] of files) body.append(name, new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${name.replace(/\//g, '-')}.pdf`);
  return { body, key, envelope };
}

async function post(body: BodyInit | undefined, headers: Record<string, string> = {}) {
  const response = await fetch(`${site.url}/api/submissions`, { method: 'POST', body, headers });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

describe('POST /api/submissions', () => {
  it('accepts a valid submission with a dossier code, an appointment and the fees', async () => {
    const { body, key } = await request();
    const r = await post(body, { 'Idempotency-Key': key });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ dossierCode: expect.stringMatching(/^MAU-\d{6}-\d{4,}$/), receivedAt: expect.any(String), appointmentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect((r.json!.fees as { total: Record<string, number> }).total).toEqual(expect.any(Object));
  });

  it('returns the first receipt for a repeated Idempotency-Key and stores one dossier', async () => {
    const { body, key } = await request();
    const before = (await site.dossiers()).length;
    const first = await post(body, { 'Idempotency-Key': key });
    const again = await request((envelope) => Object.assign(envelope, { idempotencyKey: key }));
    const second = await post(again.body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json!.dossierCode).toBe(first.json!.dossierCode);
    expect((await site.dossiers()).length).toBe(before + 1);
  });

  const cases: [string, () => Promise<{ body?: BodyInit; headers?: Record<string, string> }>, number, RegExp][] = [
    ['no Idempotency-Key', async () => ({ body: (await request()).body }), 400, /Idempotency-Key/],
    ['not multipart', async () => ({ body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() } }), 400, /multipart/],
    ['a multipart body that is cut off', async () => ({ body: '--x\r\nContent-Disposition: form-data; name="envelope"\r\n\r\n{', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Idempotency-Key': randomUUID() } }), 400, /multipart/],
    ['no envelope part', async () => ({ body: new FormData(), headers: { 'Idempotency-Key': randomUUID() } }), 400, /envelope/],
    ['an envelope that is not JSON', async () => {
      const body = new FormData();
      body.append('envelope', new Blob(['{not json'], { type: 'application/json' }));
      return { body, headers: { 'Idempotency-Key': randomUUID() } };
    }, 400, /JSON/],
  ];
  for (const [name, make, status, reason] of cases) {
    it(`answers ${status} for ${name}`, async () => {
      const { body, headers } = await make();
      const r = await post(body, headers);
      expect(r.status).toBe(status);
      expect(JSON.stringify(r.json)).toMatch(reason);
    });
  }

  const broken: [string, (envelope: Record<string, unknown>, files: Map<string, Buffer>) => void, number, RegExp][] = [
    ['a malformed envelope', (e) => Object.assign(e, { channel: 'fax' }), 400, /malformed/],
    ['an unknown procedure', (e) => Object.assign(e, { procedure: { id: 'khong.co', version: '1.0.0' } }), 422, /Unknown procedure/],
    ['an old version of the form', (e) => Object.assign(e, { procedure: { id: PROCEDURE, version: '0.0.1' } }), 409, /reload/],
    ['data the compiled validator rejects', (e) => Object.assign(e, { data: {} }), 422, /"rule":"required"/],
    ['a declared file that did not arrive', (_, f) => f.delete([...f.keys()][0]!), 400, /missing/],
    ['a file whose bytes differ from the envelope', (_, f) => f.set([...f.keys()][0]!, Buffer.from('other bytes')), 422, /does not match/],
    ['a part nobody declared', (_, f) => f.set('documents/la/0', Buffer.from('x')), 400, /not declared/],
  ];
  for (const [name, change, status, reason] of broken) {
    it(`answers ${status} for ${name}`, async () => {
      const { body, key } = await request(change);
      const r = await post(body, { 'Idempotency-Key': key });
      expect(r.status).toBe(status);
      expect(JSON.stringify(r.json)).toMatch(reason);
    });
  }

  it('refuses a body over the size limit with 413 before reading it', async () => {
    const r = await fetch(`${site.url}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(200 * 1024 * 1024), 'Idempotency-Key': randomUUID() },
      body: 'x',
    }).catch((e: Error) => e);
    if (r instanceof Error) return; // the server may close the connection instead of answering
    expect(r.status).toBe(413);
  });

  it('does not serve files outside the site', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/thutuc/..%2f..%2fpackage.json']) {
      const r = await fetch(`${site.url}${p}`);
      expect(r.status, p).toBe(404);
    }
  });

  it('allows only POST on the endpoint', async () => {
    expect((await fetch(`${site.url}/api/submissions`)).status).toBe(405);
  });
});
