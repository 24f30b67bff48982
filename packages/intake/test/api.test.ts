import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOfficer, type IntakeServer } from '@thutuc/intake';
import { act, buildTestCatalogue, call, engines, freshDataDir, login, postJson, startServer, submission, submit } from './helpers.js';

/**
 * The intake API on each storage engine: a submission becomes a dossier with a code, a receipt
 * and a lookup secret; a retry gives the first receipt; the public lookup shows the status and
 * nothing personal; officers act only on their own agency's dossiers, through the lifecycle.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-api');
}, 120_000);

describe.each(engines())('intake on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  let dataDir: string;
  const password = 'mat-khau-du-dai-1';

  beforeAll(async () => {
    databaseUrl = await engine.create();
    dataDir = await freshDataDir('intake-api');
    ({ server, url } = await startServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) }));
    const db = server.database.db;
    await createOfficer(db, { username: 'tiepnhan', displayName: 'Cán bộ tiếp nhận', agencyCode: '000.00.01.H38', roles: ['reception', 'processing', 'leadership'], password });
    await createOfficer(db, { username: 'khac', displayName: 'Cơ quan khác', agencyCode: '000.00.02.H38', roles: ['reception'], password });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('answers a submission with a Circular 03/2025 code, the appointment, the fees and a lookup secret', async () => {
    const r = await submit(url, await submission(catalogueDir));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      dossierCode: expect.stringMatching(/^000\.00\.01\.H38-\d{6}-\d{4}$/),
      appointmentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      fees: { total: expect.any(Object), complete: expect.any(Boolean) },
      documents: [expect.objectContaining({ document: 'giay-chung-sinh', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })],
      lookupSecret: expect.stringMatching(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/),
    });
    expect(r.json).not.toHaveProperty('paper');
  });

  it('gives the first receipt (and secret) to a retry with the same key and body, and 422 for another body', async () => {
    const s = await submission(catalogueDir);
    const first = await submit(url, s);
    const again = await submit(url, { ...s, body: (await submission(catalogueDir, (e) => Object.assign(e, { idempotencyKey: s.key }), (doc, i) => s.files.get(`documents/${doc}/${i}`)!)).body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json!.dossierCode).toBe(first.json!.dossierCode);
    expect(again.json!.lookupSecret).toBe(first.json!.lookupSecret);
    const other = await submission(catalogueDir, (e) => Object.assign(e, { idempotencyKey: s.key }));
    const clash = await submit(url, other);
    expect(clash.status).toBe(422);
    expect(clash.json!.error).toMatchObject({ code: 'idempotency-reused', message: { vi: expect.any(String), en: expect.stringMatching(/different submission/) } });
    const count = await server.database.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).where('code', '=', first.json!.dossierCode).executeTakeFirst();
    expect(Number(count!.n)).toBe(1);
    // Neither the retry nor the refused reuse took a number: the daily sequence has no gap.
    const next = await submit(url, await submission(catalogueDir));
    const seq = (code: unknown) => Number(String(code).split('-').pop());
    expect(seq(next.json!.dossierCode)).toBe(seq(first.json!.dossierCode) + 1);
  });

  it('shows status 1 with its due date to code + secret, and nothing personal', async () => {
    const s = await submission(catalogueDir);
    const receipt = (await submit(url, s)).json!;
    const r = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret.toLowerCase() });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      code: receipt.dossierCode,
      procedure: { id: 'ho-tich.dang-ky-khai-sinh', title: { vi: expect.stringMatching(/khai sinh/i) } },
      status: { code: 1, label: { vi: 'Mới đăng ký', en: 'Newly submitted' } },
      dueDate: receipt.appointmentDate,
      // Filed online: that filing step is behind it, filing in person does not apply; reception's check is current.
      progress: { done: 1, total: expect.any(Number) },
    });
    expect(r.json!.progress.steps.map((st: { state: string }) => st.state).slice(0, 4)).toEqual(['skipped', 'done', 'current', 'if-needed']);
    const text = JSON.stringify(r.json);
    const data = s.envelope.data as Record<string, unknown>;
    for (const value of Object.values(data).filter((v): v is string => typeof v === 'string' && v.length > 3)) expect(text).not.toContain(value);
    expect(text).not.toMatch(/sha256|\.pdf|giay-chung-sinh/);
    // By the last four digits of the phone given in the form
    const byPhone = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, phoneLast4: String(data.so_dien_thoai).slice(-4) });
    expect(byPhone.json!.status.code).toBe(1);
  });

  it('answers an unknown code and a wrong secret alike, and limits failures per code', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const wrong = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const unknown = await postJson(`${url}/api/lookup`, { code: '000.00.01.H38-990101-9999', secret: 'AAAA-BBBB-CCCC-DDDD' });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.json).toEqual(unknown.json);
    for (let i = 0; i < 9; i++) await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const limited = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    expect(limited.status).toBe(429);
    expect(limited.json!.error.message.vi).toMatch(/Quá nhiều/);
  });

  it('lets an officer of the agency accept the dossier (lookup then shows status 2 and a due date)', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const session = await login(url, 'tiepnhan', password);
    const r = await act(url, session, receipt.dossierCode, 'accept');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: { code: 2 }, due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const lookup = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    expect(lookup.json).toMatchObject({ status: { code: 2, label: { vi: 'Được tiếp nhận' } }, dueDate: r.json!.due });
    const detail = await call(`${url}/api/officer/dossiers/${receipt.dossierCode}`, { headers: { Cookie: session.cookie } });
    expect(detail.json!.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept']);
    expect(detail.json!.history[1]).toMatchObject({ actor_role: 'reception', actor_id: 'tiepnhan', papers: ['receipt'] });
    const paper = await fetch(`${url}/api/officer/dossiers/${receipt.dossierCode}/papers/receipt`, { headers: { Cookie: session.cookie } });
    expect(paper.status).toBe(200);
    expect(await paper.text()).toContain(receipt.dossierCode);
  });

  it('refuses anonymous, cross-agency and CSRF-less officer requests, changing nothing', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const anonymous = await act(url, undefined, receipt.dossierCode, 'accept');
    expect(anonymous.status).toBe(401);
    const other = await login(url, 'khac', password);
    const cross = await act(url, other, receipt.dossierCode, 'accept');
    expect(cross.status).toBe(404);
    expect((await call(`${url}/api/officer/dossiers/${receipt.dossierCode}`, { headers: { Cookie: other.cookie } })).status).toBe(404);
    const own = await login(url, 'tiepnhan', password);
    const noCsrf = await act(url, own, receipt.dossierCode, 'accept', {}, false);
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json!.error).toMatchObject({ code: 'csrf', message: { vi: expect.any(String), en: expect.stringMatching(/CSRF/) } });
    const lookup = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    expect(lookup.json!.status.code).toBe(1);
    expect((await postJson(`${url}/api/officer/login`, { username: 'tiepnhan', password: 'sai-mat-khau-0' })).status).toBe(401);
  });

  it('pauses the due date for a supplement and resumes it when the applicant answers through the link', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const session = await login(url, 'tiepnhan', password);
    await act(url, session, receipt.dossierCode, 'accept');
    const asked = await act(url, session, receipt.dossierCode, 'request_supplement', { reason: { vi: 'Bản sao giấy chứng sinh bị mờ.', en: 'The birth certificate copy is blurred.' }, documents: ['giay-chung-sinh'] });
    expect(asked.json).toMatchObject({ status: { code: 5 }, due: null, supplementLink: expect.stringMatching(/\/api\/supplements\/[\w-]{20,}$/) });
    const lookup = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    expect(lookup.json).toMatchObject({ status: { code: 5 }, dueDate: null, todo: { vi: expect.stringMatching(/bị mờ/), documents: ['giay-chung-sinh'] } });
    const token = asked.json!.supplementLink.split('/').pop();
    const wanted = await call(`${url}/api/supplements/${token}`);
    expect(wanted.json).toMatchObject({ code: receipt.dossierCode, documents: ['giay-chung-sinh'] });
    const bytes = Buffer.from('%PDF-1.4 clearer copy');
    const body = new FormData();
    const { createHash } = await import('node:crypto');
    body.append('supplement', JSON.stringify({ documents: { 'giay-chung-sinh': [{ name: 'ban-ro.pdf', type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }] } }));
    body.append('documents/giay-chung-sinh/0', new Blob([bytes], { type: 'application/pdf' }), 'ban-ro.pdf');
    const answered = await call(`${url}/api/supplements/${token}`, { method: 'POST', body });
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ status: { code: 4 }, due: expect.any(String), files: 1 });
    expect((await call(`${url}/api/supplements/${token}`)).status).toBe(404);
    const detail = await call(`${url}/api/officer/dossiers/${receipt.dossierCode}`, { headers: { Cookie: session.cookie } });
    expect(detail.json!.files.map((f: { round: number }) => f.round)).toEqual([0, 1]);
  });

  it('keeps the history append-only in the database itself', async () => {
    const db = server.database.db;
    await expect(sql`UPDATE dossier_history SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM dossier_history`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('describes every route in /openapi.json', async () => {
    const r = await call(`${url}/openapi.json`);
    expect(Object.keys(r.json!.paths)).toEqual(expect.arrayContaining(['/api/submissions', '/api/lookup', '/api/officer/login', '/api/officer/dossiers/{code}/actions/{action}', '/api/supplements/{token}']));
  });
});
