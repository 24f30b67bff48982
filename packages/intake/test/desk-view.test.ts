import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, type IntakeServer } from '@thutuc/intake';
import { act, buildTestCatalogue, call, freshDataDir, login, startServer, submission, submit } from './helpers.js';

/**
 * What the dossier JSON adds for the desk: the answers laid out as the form's review page, and
 * exactly the actions the lifecycle lets this officer's roles take now.
 */
let server: IntakeServer;
let url: string;
let code: string;
const password = 'mat-khau-du-dai-1';
const actionsOf = async (username: string) => {
  const session = await login(url, username, password);
  const r = await call(`${url}/api/officer/dossiers/${code}`, { headers: { Cookie: session.cookie } });
  return r.json as { actions: { action: string; reason: boolean; paper?: string; documents?: unknown[]; steps?: { index: number }[] }[]; review: { title: { vi: string }; rows: { label: { vi: string }; value: { vi: string; en: string } }[] }[]; history: { label: { vi: string } }[]; applicant: string };
};

beforeAll(async () => {
  ({ server, url } = await startServer({ catalogueDir: await buildTestCatalogue('intake-desk-view'), dataDir: await freshDataDir('intake-desk-view') }));
  const db = server.database.db;
  const agencyCode = '000.00.01.H38';
  await createOfficer(db, { username: 'tiepnhan', displayName: 'Tiếp nhận', agencyCode, roles: ['reception'], password });
  await createOfficer(db, { username: 'chuyenvien', displayName: 'Chuyên viên', agencyCode, roles: ['processing'], password });
  await createOfficer(db, { username: 'lanhdao', displayName: 'Lãnh đạo', agencyCode, roles: ['leadership'], password });
  code = (await submit(url, await submission(server.catalogue.dir))).json!.dossierCode;
}, 120_000);
afterAll(async () => server?.close());

describe('the dossier as the desk sees it', () => {
  it('lays out the answers by the form\'s sections, with labels and choices in words', async () => {
    const view = await actionsOf('tiepnhan');
    expect(view.applicant).toBe('Nguyễn Thị Lan');
    const rows = view.review.flatMap((s) => s.rows);
    expect(rows.find((r) => r.value.vi === 'Nữ')).toMatchObject({ value: { vi: 'Nữ', en: 'Female' } });
    expect(rows.find((r) => r.value.vi === '12/04/1995')).toBeDefined();
    expect(view.review[0]!.title.vi).toMatch(/\S/);
    expect(view.history[0]!.label.vi).toBe('Nộp hồ sơ');
  });

  it('offers each role only the actions the lifecycle allows it now', async () => {
    expect((await actionsOf('tiepnhan')).actions.map((a) => a.action)).toEqual(['accept', 'reject']);
    expect((await actionsOf('tiepnhan')).actions.find((a) => a.action === 'reject')).toMatchObject({ reason: true, paper: 'refusal' });
    expect((await actionsOf('chuyenvien')).actions).toEqual([]);
    const session = await login(url, 'tiepnhan', password);
    expect((await act(url, session, code, 'accept')).status).toBe(200);
    const processing = (await actionsOf('chuyenvien')).actions;
    expect(processing.map((a) => a.action)).toEqual(expect.arrayContaining(['start', 'request_supplement', 'stop']));
    expect(processing.find((a) => a.action === 'request_supplement')!.documents!.length).toBeGreaterThan(0);
    expect((await actionsOf('lanhdao')).actions.map((a) => a.action)).not.toContain('accept');
    // Every action offered is one the server then accepts from that officer.
    const start = await act(url, await login(url, 'chuyenvien', password), code, 'start');
    expect(start.status).toBe(200);
    expect((await actionsOf('lanhdao')).actions.map((a) => a.action)).toContain('complete');
  });
});
