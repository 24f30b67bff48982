import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOfficer, type IntakeServer } from '@thutuc/intake';
import { decodeQr } from '../../../test/helpers/qr.js';
import { act, buildTestCatalogue, call, engines, freshDataDir, login, postJson, startServer, submission, submit } from './helpers.js';

/**
 * The papers of Circular 03/2025/TT-VPCP through the intake server: each action that issues a
 * paper stores it with the dossier as it read then; Mẫu 06 comes live from the history, Mẫu 07
 * for a period (pages and CSV); the applicant prints Mẫu 01 with the code and secret in a body.
 * Officers see only their own agency's papers.
 */
const PUBLIC = 'https://dichvucong.example.gov.vn';
const DAY = 86_400_000;
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-papers');
}, 120_000);

describe.each(engines())('papers on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  let shift = 0;
  const password = 'mat-khau-du-dai-1';
  let own: { cookie: string; csrf: string };
  let other: { cookie: string; csrf: string };
  const get = (path: string, session = own) => fetch(`${url}${path}`, { headers: { Cookie: session.cookie } });

  beforeAll(async () => {
    databaseUrl = await engine.create();
    const dataDir = await freshDataDir('intake-papers');
    ({ server, url } = await startServer({ catalogueDir, dataDir, publicUrl: PUBLIC, now: () => new Date(Date.now() + shift), ...(databaseUrl ? { databaseUrl } : {}) }));
    const db = server.database.db;
    await createOfficer(db, { username: 'motcua', displayName: 'Nguyễn Thị Một Cửa', agencyCode: '000.00.01.H38', roles: ['reception', 'processing', 'leadership'], password });
    await createOfficer(db, { username: 'khac', displayName: 'Cơ quan khác', agencyCode: '000.00.02.H38', roles: ['reception', 'processing', 'leadership'], password });
    own = await login(url, 'motcua', password);
    other = await login(url, 'khac', password);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('stores Mẫu 01 at acceptance, with a QR code opening the status page, and prints it unchanged later', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const code = receipt.dossierCode as string;
    const accepted = await act(url, own, code, 'accept');
    expect(accepted.json).toMatchObject({ status: { code: 2 }, paper: { id: expect.stringMatching(/^\d+$/), kind: 'receipt' } });
    const first = await get(`/api/officer/dossiers/${code}/papers/${accepted.json!.paper.id}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await first.text();
    expect(html).toContain('Mẫu số 01 – Phụ lục I, Thông tư số 03/2025/TT-VPCP');
    expect(html).toContain(`<b data-code>${code}</b>`);
    expect(html).toContain('Nguyễn Thị Một Cửa');
    expect(decodeQr(html)).toBe(`${PUBLIC}/status.html#code=${encodeURIComponent(code)}`);

    // A supplement request later issues Mẫu 02 and moves the due date; Mẫu 01 stays as handed out.
    const asked = await act(url, own, code, 'request_supplement', { reason: { vi: 'Bản sao giấy chứng sinh bị mờ.' }, documents: ['giay-chung-sinh', 'Bản chụp sổ hộ khẩu cũ'] });
    expect(asked.json!.paper).toMatchObject({ kind: 'supplement' });
    const list = await call(`${url}/api/officer/dossiers/${code}/papers`, { headers: { Cookie: own.cookie } });
    expect(list.json!.papers.map((p: { kind: string; form: { number: string } }) => [p.kind, p.form.number])).toEqual([['receipt', '01'], ['supplement', '02']]);
    const detail = await call(`${url}/api/officer/dossiers/${code}`, { headers: { Cookie: own.cookie } });
    const historyIds = (await server.database.db.selectFrom('dossier_history').select(['id', 'action']).where('action', 'in', ['accept', 'request_supplement']).orderBy('id', 'desc').limit(2).execute()).reverse();
    expect(list.json!.papers.map((p: { historyId: string }) => p.historyId)).toEqual(historyIds.map((h) => String(h.id)));
    expect(detail.json!.history.at(-1)).toMatchObject({ action: 'request_supplement', papers: ['supplement'] });
    expect(await (await get(`/api/officer/dossiers/${code}/papers/${accepted.json!.paper.id}`)).text()).toBe(html);
    const supplement = await (await get(`/api/officer/dossiers/${code}/papers/supplement`)).text();
    expect([...supplement.matchAll(/<tr data-document="([^"]+)">/g)].map((m) => m[1])).toEqual(['giay-chung-sinh']);
    expect(supplement).toContain('Bản sao giấy chứng sinh bị mờ. Giấy tờ cần bổ sung: Bản chụp sổ hộ khẩu cũ.');
    expect(list.json!.papers[1].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps issued papers append-only in the database itself', async () => {
    await expect(sql`UPDATE dossier_papers SET html = 'x'`.execute(server.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM dossier_papers`.execute(server.database.db)).rejects.toThrow(/append-only/);
  });

  it('stores the refusal (Mẫu 03) and the stop notice (Mẫu 05) with the officer\'s reason', async () => {
    const refused = (await submit(url, await submission(catalogueDir))).json!.dossierCode as string;
    expect((await act(url, own, refused, 'reject', { reason: { vi: 'Trẻ đã được đăng ký khai sinh.' } })).json!.paper).toMatchObject({ kind: 'refusal' });
    const refusal = await (await get(`/api/officer/dossiers/${refused}/papers/refusal`)).text();
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal).toContain('<b data-reason>Trẻ đã được đăng ký khai sinh.</b>');
    const stopped = (await submit(url, await submission(catalogueDir))).json!.dossierCode as string;
    await act(url, own, stopped, 'accept');
    expect((await act(url, own, stopped, 'stop', { reason: { vi: 'Người yêu cầu đề nghị dừng <giải quyết>.' } })).json!.paper).toMatchObject({ kind: 'stop' });
    const stop = await (await get(`/api/officer/dossiers/${stopped}/papers/stop`)).text();
    expect(stop).toContain('Mẫu số 05 – Phụ lục I');
    expect(stop).toContain('Người yêu cầu đề nghị dừng &lt;giải quyết&gt;.');
  });

  it('fills Mẫu 06 from the history, judging each step against the due date then in force', async () => {
    const code = (await submit(url, await submission(catalogueDir))).json!.dossierCode as string;
    await act(url, own, code, 'accept');
    await act(url, own, code, 'start');
    shift += 30 * DAY;
    expect((await act(url, own, code, 'complete')).status).toBe(200);
    const res = await get(`/api/officer/dossiers/${code}/papers/control`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    const rows = [...html.matchAll(/<tr data-step="\d+"><td class="n">\d+<\/td><td>([^<]*)<\/td>.*?<td class="n" data-result>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['Nộp hồ sơ trực tuyến', ''], ['Tiếp nhận hồ sơ', ''], ['Chuyển xử lý', 'Trước hạn'], ['Ký duyệt, xử lý xong', 'Quá hạn']]);
  });

  it('lists the agency\'s dossiers of a period in Mẫu 07, in pages and as CSV', async () => {
    const today = new Date(Date.now() + shift + 7 * 3_600_000).toISOString().slice(0, 10);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await submit(url, await submission(catalogueDir))).json!.dossierCode);
    const html = await (await get(`/api/officer/register?from=${today}&to=${today}`)).text();
    expect(html).toContain('SỔ THEO DÕI HỒ SƠ');
    const listed = [...html.matchAll(/<tr data-code="([^"]+)">/g)].map((m) => m[1]);
    expect(listed).toEqual(expect.arrayContaining(codes));
    const csv = await get(`/api/officer/register?from=${today}&to=${today}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(listed.length + 1);
    expect(lines[1]).toMatch(/^1,000\.00\.01\.H38-/);
    // Another agency's register does not show them; a page past the end shows the last one.
    expect(await (await get(`/api/officer/register?from=${today}&to=${today}`, other)).text()).not.toContain(codes[0]);
    expect(await (await get(`/api/officer/register?from=${today}&to=${today}&page=99`)).text()).toContain('(trang 1/1,');
    expect((await call(`${url}/api/officer/register?from=${today}&to=2020-01-01`, { headers: { Cookie: own.cookie } })).status).toBe(400);
    expect((await call(`${url}/api/officer/register?from=${today}`, { headers: { Cookie: own.cookie } })).status).toBe(400);
  });

  it('pages the register on the server, 50 rows a page', async () => {
    const from = '2020-01-01';
    const to = '2099-12-31';
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers WHERE agency_code = '000.00.01.H38'`.execute(server.database.db)).rows[0]!.n);
    for (let i = total; i < 52; i++) await submit(url, await submission(catalogueDir));
    const first = await (await get(`/api/officer/register?from=${from}&to=${to}`)).text();
    const second = await (await get(`/api/officer/register?from=${from}&to=${to}&page=2`)).text();
    expect([...first.matchAll(/<tr data-code=/g)]).toHaveLength(50);
    const next = first.match(/<a rel="next" href="([^"]+)">/)![1]!.replaceAll('&amp;', '&').replaceAll('&#x3D;', '=');
    expect(next).toBe('?from=2020-01-01&to=2099-12-31&page=2');
    // The link is relative to the page, wherever the server is mounted.
    expect(new URL(next, `https://mot-cua.example.gov.vn/thutuc/api/officer/register?from=${from}&to=${to}`).pathname).toBe('/thutuc/api/officer/register');
    expect(await (await get(`/api/officer/register${next}`)).text()).toBe(second);
    expect(second).toMatch(/<tr data-code="[^"]+"><td class="n">51<\/td>/);
    expect(second).toContain('rel="prev"');
  });

  it('answers 401 without a session and 404 for another agency\'s dossier', async () => {
    const code = (await submit(url, await submission(catalogueDir))).json!.dossierCode as string;
    const paper = (await act(url, own, code, 'accept')).json!.paper.id as string;
    for (const path of [`/api/officer/dossiers/${code}/papers`, `/api/officer/dossiers/${code}/papers/${paper}`, `/api/officer/dossiers/${code}/papers/control`, `/api/officer/dossiers/${code}/papers/receipt`]) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(401);
      const cross = await call(`${url}${path}`, { headers: { Cookie: other.cookie } });
      expect(cross.status, path).toBe(404);
      expect(cross.json!.error.code).toBe('other-agency');
    }
    expect((await fetch(`${url}/api/officer/register?from=2026-01-01&to=2026-12-31`)).status).toBe(401);
    expect((await get(`/api/officer/dossiers/${code}/papers/999999999`)).status).toBe(404);
    expect((await get(`/api/officer/dossiers/${code}/papers/apology`)).status).toBe(404);
  });

  it('prints the applicant\'s Mẫu 01 for the code and secret in the body, and refuses a wrong secret as it does an unknown code', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const code = receipt.dossierCode as string;
    const ok = await fetch(`${url}/api/receipt`, { method: 'POST', body: JSON.stringify({ code, secret: receipt.lookupSecret }), headers: { 'Content-Type': 'application/json' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await ok.text();
    expect(html).toContain(`<b data-code>${code}</b>`);
    expect(decodeQr(html)).toBe(`${PUBLIC}/status.html#${new URLSearchParams({ code, secret: receipt.lookupSecret })}`);
    const wrong = await postJson(`${url}/api/receipt`, { code, secret: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    const unknown = await postJson(`${url}/api/receipt`, { code: '000.00.01.H38-990101-9999', secret: receipt.lookupSecret });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json!.error.code).toBe('lookup-not-found');
    // The secret never travels in an address.
    expect((await fetch(`${url}/api/receipt?code=${code}&secret=${receipt.lookupSecret}`)).status).toBe(404);
  });

  it('describes the paper routes in /openapi.json', async () => {
    const paths = Object.keys((await call(`${url}/openapi.json`)).json!.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/officer/dossiers/{code}/papers', '/api/officer/dossiers/{code}/papers/{id}', '/api/officer/dossiers/{code}/papers/control', '/api/officer/register', '/api/receipt',
    ]));
  });
});
