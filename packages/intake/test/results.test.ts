import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, type IntakeServer } from '@thutuc/intake';
import { act, buildTestCatalogue, call, engines, freshDataDir, login, postJson, sha256, startServer, submission, submit } from './helpers.js';

/**
 * Result delivery and the applicant's own actions with code + secret, on each storage engine:
 * status 10 only once the delivery the applicant chose is recorded; the electronic result
 * downloads with the lookup secret (a wrong secret answers exactly like an unknown code); a
 * supplement goes in with code + secret; another agency's officer can do none of it.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-results');
}, 120_000);

const PDF = Buffer.from('%PDF-1.7 Giấy khai sinh bản điện tử — kết quả');

describe.each(engines())('result delivery on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  let dataDir: string;
  let desk: { cookie: string; csrf: string };
  let other: { cookie: string; csrf: string };
  const password = 'mat-khau-du-dai-1';

  const officerPost = (session: { cookie: string; csrf: string }, code: string, what: string, body: unknown) =>
    postJson(`${url}/api/officer/dossiers/${encodeURIComponent(code)}/${what}`, body, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf });
  const uploadResult = (session: { cookie: string; csrf: string }, code: string, bytes = PDF, type = 'application/pdf', name = 'giay-khai-sinh.pdf') => {
    const body = new FormData();
    body.append('result', new Blob([new Uint8Array(bytes)], { type }), name);
    return call(`${url}/api/officer/dossiers/${encodeURIComponent(code)}/result`, { method: 'POST', body, headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } });
  };
  const lookup = (code: string, secret: string) => postJson(`${url}/api/lookup`, { code, secret });

  /** A dossier filed with the given delivery choice and taken to status 9 (signed off). */
  async function processed(delivery: string): Promise<{ code: string; secret: string }> {
    const receipt = (await submit(url, await submission(catalogueDir, (e) => Object.assign(e, { delivery })))).json!;
    const code = receipt.dossierCode as string;
    for (const action of ['accept', 'start', 'complete']) expect((await act(url, desk, code, action)).status, action).toBe(200);
    return { code, secret: receipt.lookupSecret as string };
  }

  beforeAll(async () => {
    databaseUrl = await engine.create();
    dataDir = await freshDataDir('intake-results');
    ({ server, url } = await startServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}) }));
    await createOfficer(server.database.db, { username: 'motcua', displayName: 'Một cửa', agencyCode: '000.00.01.H38', roles: ['reception', 'processing', 'leadership'], password });
    await createOfficer(server.database.db, { username: 'khac', displayName: 'Cơ quan khác', agencyCode: '000.00.02.H38', roles: ['reception', 'processing', 'leadership'], password });
    desk = await login(url, 'motcua', password);
    other = await login(url, 'khac', password);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('refuses status 10 until the online delivery is recorded, then the applicant downloads the result with the secret', async () => {
    const { code, secret } = await processed('online');
    const early = await act(url, desk, code, 'deliver');
    expect(early.status).toBe(409);
    expect(early.json!.error.code).toBe('delivery-missing');

    expect((await officerPost(desk, code, 'delivery', { method: 'online' })).json!.error.code).toBe('result-missing');
    expect((await officerPost(desk, code, 'delivery', { method: 'in_person', place: 'Một cửa', appointment: '2026-12-01T09:00' })).json!.error.code).toBe('delivery-method');

    const uploaded = await uploadResult(desk, code);
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ name: 'giay-khai-sinh.pdf', size: PDF.length, sha256: sha256(PDF) });
    const notYet = await postJson(`${url}/api/result`, { code, secret });
    expect(notYet.status).toBe(404);
    expect(notYet.json!.error.code).toBe('result-not-ready');
    expect((await lookup(code, secret)).json!.result).toEqual({ method: 'online', ready: false, downloadable: false });

    const detail = () => call(`${url}/api/officer/dossiers/${encodeURIComponent(code)}`, { headers: { Cookie: desk.cookie } });
    expect((await detail()).json).toMatchObject({ result: { name: 'giay-khai-sinh.pdf', sha256: sha256(PDF) }, delivery: null });
    const recorded = await officerPost(desk, code, 'delivery', { method: 'online' });
    expect(recorded.status).toBe(200);
    // The desk's dossier page says what is already on file.
    expect((await detail()).json).toMatchObject({ delivery: { method: 'online' } });
    expect((await lookup(code, secret)).json).toMatchObject({ status: { code: 9 }, result: { method: 'online', ready: true, downloadable: true }, todo: { vi: expect.stringMatching(/Tải kết quả điện tử/) } });

    const delivered = await act(url, desk, code, 'deliver');
    expect(delivered.status).toBe(200);
    expect(delivered.json!.status.code).toBe(10);
    expect((await lookup(code, secret)).json).toMatchObject({ status: { code: 10, label: { vi: 'Đã trả kết quả' } }, result: { downloadable: true } });

    const download = await fetch(`${url}/api/result`, { method: 'POST', body: JSON.stringify({ code: code.toLowerCase(), secret: secret.toLowerCase() }), headers: { 'Content-Type': 'application/json' } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''giay-khai-sinh.pdf");
    expect(download.headers.get('x-content-sha256')).toBe(sha256(PDF));

    // Nothing changes the delivery of a dossier whose result was returned.
    expect((await uploadResult(desk, code)).status).toBe(409);
  });

  it('answers a wrong secret for the result exactly like an unknown code, and keeps the secret out of URLs', async () => {
    const { code, secret } = await processed('online');
    await uploadResult(desk, code);
    await officerPost(desk, code, 'delivery', { method: 'online' });
    const wrong = await postJson(`${url}/api/result`, { code, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const unknown = await postJson(`${url}/api/result`, { code: '000.00.01.H38-000101-9999', secret });
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json!.error.code).toBe('lookup-not-found');
    expect((await call(`${url}/api/result?code=${encodeURIComponent(code)}&secret=${secret}`)).status).toBe(404);
    const spec = (await call(`${url}/openapi.json`)).json!;
    expect(Object.keys(spec.paths['/api/result'])).toEqual(['post']);
    expect(spec.paths['/api/officer/dossiers/{code}/delivery'].post).toBeDefined();
  });

  it('records an in-person delivery with place and appointment, shows them to the applicant, then returns the result', async () => {
    const { code, secret } = await processed('in_person');
    const incomplete = await officerPost(desk, code, 'delivery', { method: 'in_person', place: 'Bộ phận một cửa UBND phường Ba Đình' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json!.error.code).toBe('delivery-incomplete');
    expect((await officerPost(desk, code, 'delivery', { method: 'online' })).json!.error.code).toBe('delivery-method');
    const ok = await officerPost(desk, code, 'delivery', { method: 'in_person', place: 'Bộ phận một cửa UBND phường Ba Đình', appointment: '2026-12-01T09:30' });
    expect(ok.status).toBe(200);
    const answer = (await lookup(code, secret)).json!;
    expect(answer.result).toEqual({ method: 'in_person', ready: true, place: 'Bộ phận một cửa UBND phường Ba Đình', appointment: '2026-12-01T09:30:00+07:00', downloadable: false });
    expect(answer.todo.vi).toContain('Bộ phận một cửa UBND phường Ba Đình');
    expect((await postJson(`${url}/api/result`, { code, secret })).json!.error.code).toBe('result-not-ready');
    expect((await act(url, desk, code, 'deliver')).json!.status.code).toBe(10);
  });

  it('shows the applicant the delivery recorded last when an officer corrects it', async () => {
    const { code, secret } = await processed('in_person');
    expect((await officerPost(desk, code, 'delivery', { method: 'in_person', place: 'Quầy 1', appointment: '2026-12-01T09:30' })).status).toBe(200);
    expect((await officerPost(desk, code, 'delivery', { method: 'in_person', place: 'Quầy 3, Bộ phận một cửa', appointment: '2026-12-02T14:00' })).status).toBe(200);
    const answer = (await lookup(code, secret)).json!;
    expect(answer.result).toEqual({ method: 'in_person', ready: true, place: 'Quầy 3, Bộ phận một cửa', appointment: '2026-12-02T14:00:00+07:00', downloadable: false });
    expect(answer.todo.vi).toBe('Nhận kết quả tại Quầy 3, Bộ phận một cửa, theo lịch hẹn 2026-12-02 14:00.');
  });

  it('lets no officer of another agency upload a result, record a delivery or return the dossier', async () => {
    const { code } = await processed('online');
    expect((await uploadResult(other, code)).json!.error.code).toBe('other-agency');
    expect((await officerPost(other, code, 'delivery', { method: 'online' })).json!.error.code).toBe('other-agency');
    expect((await act(url, other, code, 'deliver')).json!.error.code).toBe('other-agency');
    const noCsrf = await call(`${url}/api/officer/dossiers/${encodeURIComponent(code)}/delivery`, { method: 'POST', body: JSON.stringify({ method: 'online' }), headers: { Cookie: desk.cookie, 'Content-Type': 'application/json' } });
    expect(noCsrf.status).toBe(403);
    const count = await server.database.db.selectFrom('dossier_results').select((eb) => eb.fn.countAll().as('n')).innerJoin('dossiers', 'dossiers.id', 'dossier_results.dossier_id').where('dossiers.code', '=', code).executeTakeFirst();
    expect(Number(count!.n)).toBe(0);
  });

  it('refuses a result whose bytes are not the declared type, and an unsafe file name', async () => {
    const { code } = await processed('online');
    const fake = await uploadResult(desk, code, Buffer.from('MZ not a pdf'), 'application/pdf', 'ket-qua.pdf');
    expect(fake.status).toBe(415);
    const exe = await uploadResult(desk, code, Buffer.from('MZ'), 'application/x-msdownload', 'ket-qua.exe');
    expect(exe.status).toBe(415);
    const sneaky = await uploadResult(desk, code, PDF, 'application/pdf', '..');
    expect(sneaky.status).toBe(400);
  });

  it('takes a supplement with the dossier code and lookup secret, listing the documents asked with their upload rules', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const code = receipt.dossierCode as string;
    await act(url, desk, code, 'accept');
    const asked = await act(url, desk, code, 'request_supplement', { reason: { vi: 'Giấy chứng sinh bị mờ.' }, documents: ['giay-chung-sinh'] });
    expect(asked.status).toBe(200);
    const answer = (await lookup(code, receipt.lookupSecret)).json!;
    expect(answer.status.code).toBe(5);
    expect(answer.supplement).toMatchObject({ reason: { vi: 'Giấy chứng sinh bị mờ.' }, requested: [{ vi: expect.stringMatching(/chứng sinh/i) }], documents: [{ id: 'giay-chung-sinh', accept: expect.arrayContaining(['application/pdf']) }] });
    expect(answer.time.state).toBe('paused');

    const bytes = Buffer.from('%PDF-1.4 bản rõ hơn');
    const form = (secret: string) => {
      const body = new FormData();
      body.append('supplement', new Blob([JSON.stringify({ code, secret, documents: { 'giay-chung-sinh': [{ name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }] } })], { type: 'application/json' }), 'supplement.json');
      body.append('documents/giay-chung-sinh/0', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'giay-chung-sinh.pdf');
      return body;
    };
    const wrong = await call(`${url}/api/supplements`, { method: 'POST', body: form('AAAA-BBBB-CCCC-DDDD') });
    expect(wrong.status).toBe(404);
    expect(wrong.json!.error.code).toBe('lookup-not-found');
    const sent = await call(`${url}/api/supplements`, { method: 'POST', body: form(receipt.lookupSecret) });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ code, status: { code: 4 }, files: 1 });
    const again = await call(`${url}/api/supplements`, { method: 'POST', body: form(receipt.lookupSecret) });
    expect(again.status).toBe(409);
    const after = (await lookup(code, receipt.lookupSecret)).json!;
    expect(after).toMatchObject({ status: { code: 4 }, time: { state: 'on-time', workingDaysLeft: expect.any(Number) } });
    expect(after).not.toHaveProperty('supplement');
  });

  it('keeps result files through the start-up sweep of unreferenced blobs', async () => {
    const { code, secret } = await processed('online');
    const bytes = Buffer.from(`%PDF-1.7 kết quả giữ lại ${code}`);
    await uploadResult(desk, code, bytes);
    await officerPost(desk, code, 'delivery', { method: 'online' });
    await server.close();
    ({ server, url } = await startServer({ catalogueDir, dataDir, orphanGraceMs: 0, ...(databaseUrl ? { databaseUrl } : {}) }));
    desk = await login(url, 'motcua', password);
    const download = await fetch(`${url}/api/result`, { method: 'POST', body: JSON.stringify({ code, secret }), headers: { 'Content-Type': 'application/json' } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });
});
