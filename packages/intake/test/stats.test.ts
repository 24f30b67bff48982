import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOfficer, runIntakeCli, type IntakeServer } from '@thutuc/intake';
import { act, buildTestCatalogue, call, engines, exampleSubmission, freshDataDir, login, PROCEDURE, startServer, submit } from './helpers.js';

/**
 * Statistics for an agency and period, on each storage engine, from dossiers filed and worked
 * through the API on a moving clock, so that every figure below is known in advance: channels,
 * online share, on time / late / overdue by the working-day calendar (26–27 April and 30 April –
 * 1 May 2026 are days off), average working days to result, supplements; another agency's
 * dossier never counts.
 */
let catalogueDir: string;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-stats');
}, 120_000);

const AGENCY = '000.00.01.H38';
const RESIDENCE = 'cu-tru.dang-ky-tam-tru';
const password = 'mat-khau-du-dai-1';

describe.each(engines())('statistics on $name', (engine) => {
  let server: IntakeServer | undefined;
  let url: string;
  let databaseUrl: string | undefined;
  let dataDir: string;
  let clock = new Date('2026-04-17T10:00:00+07:00');
  const at = (local: string) => (clock = new Date(`${local}:00+07:00`));
  let session: { cookie: string; csrf: string };
  const get = (path: string, who = session) => call(`${url}${path}`, { headers: { Cookie: who.cookie } });

  /** Files a catalogue example at a Vietnam time; returns its dossier code. */
  async function file(when: string, example: string, procedure = PROCEDURE): Promise<string> {
    at(when);
    const r = await submit(url, await exampleSubmission(catalogueDir, procedure, example));
    if (r.status !== 201) throw new Error(`submission ${example}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json!.dossierCode;
  }
  async function step(code: string, when: string, action: string, body: Record<string, unknown> = {}): Promise<Record<string, any>> {
    at(when);
    const r = await act(url, session, code, action, { ...(['reject', 'request_supplement'].includes(action) ? { reason: { vi: 'Thiếu giấy tờ' } } : {}), ...body });
    if (r.status !== 200) throw new Error(`${action} on ${code}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json!;
  }
  const finish = async (code: string, when: string) => (await step(code, when, 'start'), step(code, when, 'complete'));

  beforeAll(async () => {
    databaseUrl = await engine.create();
    dataDir = await freshDataDir('intake-stats');
    ({ server, url } = await startServer({ catalogueDir, dataDir, now: () => clock, ...(databaseUrl ? { databaseUrl } : {}) }));
    const db = server.database.db;
    await createOfficer(db, { username: 'thongke', displayName: 'Cán bộ', agencyCode: AGENCY, roles: ['admin', 'reception', 'processing', 'leadership'], password });
    await createOfficer(db, { username: 'xem', displayName: 'Chuyên viên', agencyCode: AGENCY, roles: ['processing'], password });
    await createOfficer(db, { username: 'khac', displayName: 'Cơ quan khác', agencyCode: '000.00.02.H38', roles: ['admin'], password });
    session = await login(url, 'thongke', password);

    await file('2026-04-17T10:00', 'truc-tuyen-dung-han-co-cha-me'); // before the period
    // Accepted after 15:00, a birth registration is due at 17:00 on the next working day.
    // D1 online: due Tue 21 April 17:00, result on the 21st: on time, 1 working day.
    const d1 = await file('2026-04-20T09:00', 'truc-tuyen-dung-han-co-cha-me');
    await step(d1, '2026-04-20T15:30', 'accept');
    await finish(d1, '2026-04-21T10:00');
    // D2 online: a supplement from 21 to 23 April stops the clock; due Fri 24th; result on the 24th: on time, 1 day.
    const d2 = await file('2026-04-21T09:00', 'truc-tuyen-dung-han-co-cha-me');
    await step(d2, '2026-04-21T15:10', 'accept');
    const asked = await step(d2, '2026-04-21T15:20', 'request_supplement', { documents: ['giay-chung-sinh'] });
    at('2026-04-23T09:00');
    const body = new FormData();
    body.append('supplement', JSON.stringify({ documents: {} }));
    const answered = await call(`${url}${asked.supplementLink}`, { method: 'POST', body });
    expect(answered.json).toMatchObject({ status: { code: 4 }, due: '2026-04-24T17:00:00+07:00' });
    await step(d2, '2026-04-24T16:00', 'complete');
    // D3 in person: due Thu 23rd, result Tue 28th: late, 3 working days (23, 24, 28).
    const d3 = await file('2026-04-22T09:00', 'truc-tiep-tre-bi-bo-roi');
    await step(d3, '2026-04-22T15:30', 'accept');
    await finish(d3, '2026-04-28T10:00');
    // E1 residence, in person, 3 working days: due Wed 29th (not the 28th: the 27th is a day off); result on the 29th: on time.
    const e1 = await file('2026-04-23T09:00', 'nguoi-chua-thanh-nien-truc-tiep', RESIDENCE);
    await step(e1, '2026-04-23T09:30', 'accept');
    await finish(e1, '2026-04-29T10:00');
    // D4 online, Friday: due Tue 28th (Mon 27th is a day off); result on the 28th: on time, 1 day.
    const d4 = await file('2026-04-24T10:00', 'truc-tuyen-dung-han-co-cha-me');
    await step(d4, '2026-04-24T15:30', 'accept');
    await finish(d4, '2026-04-28T16:00');
    // D5 by post: due Wed 29th, still open at the end of April: overdue (its result comes on 5 May).
    const d5 = await file('2026-04-28T09:00', 'buu-chinh-chua-xac-dinh-cha-uy-quyen');
    await step(d5, '2026-04-28T15:30', 'accept');
    // D6 online: 30 April – 3 May are days off, so due Mon 4 May: in time at the end of April.
    const d6 = await file('2026-04-29T10:00', 'truc-tuyen-dung-han-co-cha-me');
    await step(d6, '2026-04-29T15:30', 'accept');
    await step(d6, '2026-04-29T15:31', 'start');
    // D7 online, refused.
    await step(await file('2026-04-29T11:00', 'truc-tuyen-dung-han-co-cha-me'), '2026-04-29T11:30', 'reject');
    // D8 online on a holiday evening, not yet accepted.
    await file('2026-04-30T20:00', 'truc-tuyen-dung-han-co-cha-me');
    // After the period: D10 filed, D5's late result.
    await file('2026-05-02T10:00', 'truc-tuyen-dung-han-co-cha-me');
    await finish(d5, '2026-05-05T10:00');
    // Another agency's dossier in the period.
    await sql`INSERT INTO dossiers (code, agency_code, procedure_id, procedure_version, channel, lang, status, status_code, submitted_at, appointment_at, due_at, overdue,
        idempotency_key_hash, fingerprint, secret_hash, secret_box, phone_last4, envelope, receipt, state, contact, supplement_token_hash)
      SELECT code || '-X', '000.00.02.H38', procedure_id, procedure_version, channel, lang, status, status_code, submitted_at, appointment_at, due_at, overdue,
        idempotency_key_hash || '-X', fingerprint, secret_hash, secret_box, phone_last4, envelope, receipt, state, contact, NULL FROM dossiers WHERE code = ${d1}`.execute(db);
    await sql`INSERT INTO dossier_history (dossier_id, at, action, from_status, to_status, actor_role, actor_id, reason, papers, entry)
      SELECT (SELECT id FROM dossiers WHERE code = ${`${d1}-X`}), h.at, h.action, h.from_status, h.to_status, h.actor_role, h.actor_id, h.reason, h.papers, h.entry
      FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = ${d1} ORDER BY h.id`.execute(db);
    at('2026-05-06T12:00');
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  const april = '/api/officer/stats?from=2026-04-20&to=2026-04-30';

  it('counts April as it stood at the end of April: channels, online share, on time / late / overdue, days, supplements', async () => {
    const r = await get(april);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ agency: AGENCY, period: { from: '2026-04-20', to: '2026-04-30' }, asOf: '2026-04-30T23:59:59+07:00' });
    expect(r.json!.total).toEqual({
      received: 9, channels: { online: 6, post: 1, in_person: 2 }, onlineSharePercent: 66.67,
      onTime: 4, late: 1, overdue: 1, pending: 2, closed: 1, noTimeLimit: 0, averageWorkingDays: 1.8, supplementsRequested: 1,
      targetPercent: null, meetsTarget: null,
    });
    expect(r.json!.byField.map((f: any) => [f.key, f.received, f.channels.online, f.onlineSharePercent, f.onTime, f.late, f.overdue, f.pending, f.averageWorkingDays])).toEqual([
      ['G15-TP07', 8, 6, 75, 3, 1, 1, 2, 1.5],
      ['Đăng ký, quản lý cư trú', 1, 0, 0, 1, 0, 0, 0, 3],
    ]);
    expect(r.json!.byField[0].name).toEqual({ vi: 'Hộ tịch', en: 'Civil status' });
    expect(r.json!.byLevel.map((l: any) => [l.level, l.received, l.onlineSharePercent])).toEqual([['full', 8, 75], ['partial', 1, 0]]);
    expect(r.json!.byProcedure.map((p: any) => [p.id, p.field.key, p.onlineLevel, p.received, p.supplementsRequested])).toEqual([
      [PROCEDURE, 'G15-TP07', 'full', 8, 1],
      [RESIDENCE, 'Đăng ký, quản lý cư trú', 'partial', 1, 0],
    ]);
  });

  it('takes a period that is not over at the present moment: late results and new dossiers count', async () => {
    const r = await get('/api/officer/stats?from=2026-04-20&to=2026-05-31');
    expect(r.json!.asOf).toBe('2026-05-06T12:00:00+07:00');
    // D5 finished late (3 working days: 29 April, 4 and 5 May); D6 is now past its due date; D10 is new.
    expect(r.json!.total).toMatchObject({ received: 10, channels: { online: 7, post: 1, in_person: 2 }, onlineSharePercent: 70, onTime: 4, late: 2, overdue: 1, pending: 2, closed: 1, averageWorkingDays: 2 });
  });

  it('gives the same figures as CSV, one row per group, empty where there is nothing to show', async () => {
    const r = await call(`${url}${april}&format=csv&lang=en`, { headers: { Cookie: session.cookie } });
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="thong-ke-${AGENCY}-2026-04-20-2026-04-30.csv"`);
    const bytes = Buffer.from(await (await fetch(`${url}${april}&format=csv&lang=en`, { headers: { Cookie: session.cookie } })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Group,Id,Name,Received,Online,Post,In person,Online share (%),Target (%),On time,Late,Overdue,Pending,"Refused, withdrawn, stopped",No time limit,Average working days,Supplements requested',
      `Agency,${AGENCY},Agency,9,6,1,2,66.67,,4,1,1,2,1,0,1.8,1`,
      'Field,G15-TP07,Civil status,8,6,1,1,75,,3,1,1,2,1,0,1.5,1',
      'Field,"Đăng ký, quản lý cư trú",Residence registration and management,1,0,0,1,0,,1,0,0,0,0,0,3,0',
      'Online level,full,Full online (≈ level 4),8,6,1,1,75,,3,1,1,2,1,0,1.5,1',
      'Online level,partial,Partly online (≈ level 3),1,0,0,1,0,,1,0,0,0,0,0,3,0',
      `Procedure,${PROCEDURE},Birth registration,8,6,1,1,75,,3,1,1,2,1,0,1.5,1`,
      `Procedure,${RESIDENCE},Temporary residence registration,1,0,0,1,0,,1,0,0,0,0,0,3,0`,
      '',
    ]);
  });

  it('measures each field against the target the agency set; only an admin sets targets', async () => {
    const viewer = await login(url, 'xem', password);
    const put = (who: { cookie: string; csrf: string }, body: unknown) =>
      call(`${url}/api/officer/stats/targets`, { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Cookie: who.cookie, 'X-CSRF-Token': who.csrf } });
    expect((await put(viewer, { overall: 50, fields: {} })).status).toBe(403);
    expect((await put(session, { overall: 120, fields: {} })).status).toBe(400);
    const set = await put(session, { overall: 50, fields: { 'Đăng ký, quản lý cư trú': 6.7 } });
    expect(set.json).toEqual({ overall: 50, fields: { 'Đăng ký, quản lý cư trú': 6.7 } });
    const r = await get(april, viewer);
    expect(r.json!.total).toMatchObject({ targetPercent: 50, meetsTarget: true });
    expect(r.json!.byField.map((f: any) => [f.key, f.onlineSharePercent, f.targetPercent, f.meetsTarget])).toEqual([
      ['G15-TP07', 75, 50, true],
      ['Đăng ký, quản lý cư trú', 0, 6.7, false],
    ]);
    expect((await get('/api/officer/stats/targets', await login(url, 'khac', password))).json).toEqual({ overall: null, fields: {} });
  });

  it('shows an officer only their own agency, and refuses strangers and impossible periods', async () => {
    const other = await get(april, await login(url, 'khac', password));
    expect(other.json!.total).toMatchObject({ received: 1, channels: { online: 1, post: 0, in_person: 0 }, onTime: 1 });
    expect((await call(`${url}${april}`)).status).toBe(401);
    const backwards = await get('/api/officer/stats?from=2026-04-30&to=2026-04-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json!.errors[0].message.vi).toMatch(/sau ngày kết thúc/);
    expect((await get('/api/officer/stats?from=2026-02-30')).status).toBe(400);
    expect((await get('/api/officer/stats?from=2025-01-01&to=2026-04-30')).status).toBe(400);
  });

  it('lists the statistics routes in /openapi.json', async () => {
    const r = await call(`${url}/openapi.json`);
    expect(Object.keys(r.json!.paths)).toEqual(expect.arrayContaining(['/api/officer/stats', '/api/officer/stats/targets']));
  });

  it('prints the same figures from the command line once the server has stopped', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } };
    const common = ['--catalogue', catalogueDir, '--data-dir', dataDir, '--agency', AGENCY, '--from', '2026-04-20', '--to', '2026-04-30'];
    if (engine.name === 'pglite') {
      // PGlite is one process's: while the server has the folder, the command says so instead of corrupting it.
      expect(await runIntakeCli(['stats', ...common], io)).toBe(1);
      expect(err.join('')).toMatch(/đang được máy chủ \(tiến trình \d+\) dùng.*GET \/api\/officer\/stats/);
      err.length = 0;
    }
    await server!.close();
    server = undefined;
    expect(await runIntakeCli(['stats', ...common, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out.join('')).total).toMatchObject({ received: 9, onlineSharePercent: 66.67, onTime: 4, late: 1, overdue: 1, targetPercent: 50 });
    out.length = 0;
    expect(await runIntakeCli(['stats', ...common, '--lang', 'en'], io)).toBe(0);
    const lines = out.join('').split('\n');
    expect(lines[0]).toBe(`Dossiers of ${AGENCY} received 2026-04-20 to 2026-04-30 (standing at 2026-04-30T23:59:59+07:00)`);
    expect(lines.find((l) => l.startsWith(AGENCY))!.split(/\s{2,}/)).toEqual([AGENCY, 'Agency', '9', '6', '1', '2', '66.67', '50', '4', '1', '1', '2', '1', '0', '1.8', '1']);
    expect(await runIntakeCli(['stats', ...common, '--format', 'xml'], io)).toBe(2);
    expect(err.join('')).toMatch(/--format/);
  });
});
