import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOfficer, type IntakeServer } from '@thutuc/intake';
import { act, buildTestCatalogue, call, engines, freshDataDir, login, startServer, submission, submit } from './helpers.js';

/**
 * The desk's inbox route: pages, filters and search run in the database and only ever over
 * the signed-in officer's agency.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-inbox');
}, 120_000);

const AGENCY = '000.00.01.H38';
const OTHER = '000.00.02.H38';
const NAMES = ['Nguyễn Thị Lan', 'Lê Văn Đức', 'Trần Thị Hoa', 'Phạm Minh Tuấn', 'Đỗ Thu Hà'];

describe.each(engines())('the officer inbox on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  const password = 'mat-khau-du-dai-1';
  const codes: string[] = [];
  let otherCode: string;
  let own: { cookie: string; csrf: string };
  let other: { cookie: string; csrf: string };

  const inbox = async (session: { cookie: string }, query: string) => {
    const r = await call(`${url}/api/officer/dossiers?${query}`, { headers: { Cookie: session.cookie } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json as { dossiers: { code: string; applicant: string | null; status: number; overdue: boolean }[]; total: number; page: number; pageSize: number; procedures: { id: string }[] };
  };

  beforeAll(async () => {
    databaseUrl = await engine.create();
    ({ server, url } = await startServer({ catalogueDir, dataDir: await freshDataDir('intake-inbox'), ...(databaseUrl ? { databaseUrl } : {}) }));
    const db = server.database.db;
    await createOfficer(db, { username: 'motcua', displayName: 'Một cửa', agencyCode: AGENCY, roles: ['reception', 'processing'], password });
    await createOfficer(db, { username: 'tinhkhac', displayName: 'Cơ quan khác', agencyCode: OTHER, roles: ['reception'], password });
    for (const name of NAMES) {
      const s = await submission(catalogueDir, (e) => Object.assign(e.data as Record<string, unknown>, { ho_ten_nguoi_yeu_cau: name }));
      codes.push((await submit(url, s)).json!.dossierCode);
    }
    // One dossier of another agency, named like one of ours, to show searches never cross over.
    const foreign = await submit(url, await submission(catalogueDir, (e) => Object.assign(e.data as Record<string, unknown>, { ho_ten_nguoi_yeu_cau: 'Nguyễn Thị Lan' })));
    otherCode = foreign.json!.dossierCode;
    await sql`UPDATE dossiers SET agency_code = ${OTHER} WHERE code = ${otherCode}`.execute(db);
    own = await login(url, 'motcua', password);
    other = await login(url, 'tinhkhac', password);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('pages newest first, with the total, and each page holds different dossiers', async () => {
    const first = await inbox(own, 'pageSize=2&page=1');
    const second = await inbox(own, 'pageSize=2&page=2');
    const third = await inbox(own, 'pageSize=2&page=3');
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect([...first.dossiers, ...second.dossiers, ...third.dossiers].map((d) => d.code)).toEqual([...codes].reverse());
    expect(third.dossiers).toHaveLength(1);
    expect(first.dossiers[0]!.applicant).toBe('Đỗ Thu Hà');
    expect(first.procedures.map((p) => p.id)).toEqual(['ho-tich.dang-ky-khai-sinh']);
  });

  it('searches by part of a code and by a name typed without diacritics', async () => {
    expect((await inbox(own, `q=${encodeURIComponent(codes[1]!.slice(-6).toLowerCase())}`)).dossiers.map((d) => d.code)).toEqual([codes[1]]);
    expect((await inbox(own, 'q=le%20van%20duc')).dossiers.map((d) => d.applicant)).toEqual(['Lê Văn Đức']);
    expect((await inbox(own, `q=${encodeURIComponent('THỊ')}`)).dossiers.map((d) => d.applicant).sort()).toEqual(['Nguyễn Thị Lan', 'Trần Thị Hoa']);
    expect((await inbox(own, 'q=%25')).total).toBe(0);
    expect((await inbox(own, 'q=khong-co-ai')).total).toBe(0);
  });

  it('filters by status, procedure, overdue and due within N working days', async () => {
    for (const code of codes.slice(0, 3)) expect((await act(url, own, code, 'accept')).status).toBe(200);
    expect((await act(url, own, codes[0]!, 'start')).status).toBe(200);
    expect((await inbox(own, 'status=2')).dossiers.map((d) => d.code).sort()).toEqual([codes[1], codes[2]].sort());
    expect((await inbox(own, 'status=1')).total).toBe(2);
    expect((await inbox(own, 'procedure=ho-tich.dang-ky-khai-sinh')).total).toBe(5);
    expect((await inbox(own, 'procedure=chung-thuc.chung-thuc-chu-ky')).total).toBe(0);
    const db = server.database.db;
    await sql`UPDATE dossiers SET due_at = now() - interval '2 days' WHERE code = ${codes[1]!}`.execute(db);
    await sql`UPDATE dossiers SET due_at = now() + interval '1 hour' WHERE code = ${codes[2]!}`.execute(db);
    await sql`UPDATE dossiers SET due_at = now() + interval '40 days' WHERE code = ${codes[0]!}`.execute(db);
    const overdue = await inbox(own, 'overdue=true');
    expect(overdue.dossiers.map((d) => [d.code, d.overdue])).toEqual([[codes[1], true]]);
    expect((await inbox(own, 'dueWithin=1')).dossiers.map((d) => d.code)).toEqual([codes[2]]);
    expect((await inbox(own, 'dueWithin=60')).dossiers.map((d) => d.code).sort()).toEqual([codes[0], codes[2]].sort());
    expect((await inbox(own, 'status=2&dueWithin=1&q=hoa')).dossiers.map((d) => d.code)).toEqual([codes[2]]);
  });

  it('never lists, finds or counts another agency\'s dossiers', async () => {
    const ours = await inbox(own, 'pageSize=100');
    expect(ours.dossiers.map((d) => d.code)).not.toContain(otherCode);
    expect((await inbox(own, `q=${encodeURIComponent(otherCode)}`)).total).toBe(0);
    const theirs = await inbox(other, 'pageSize=100&q=nguyen');
    expect(theirs).toMatchObject({ total: 1, dossiers: [{ code: otherCode }] });
    expect((await inbox(other, `q=${encodeURIComponent(codes[0]!)}`)).total).toBe(0);
    expect((await inbox(other, 'status=1')).dossiers.map((d) => d.code)).toEqual([otherCode]);
  });

  it('refuses an anonymous caller and a page size past the limit', async () => {
    expect((await call(`${url}/api/officer/dossiers`)).status).toBe(401);
    expect((await call(`${url}/api/officer/dossiers?pageSize=1000`, { headers: { Cookie: own.cookie } })).status).toBe(400);
  });
});
