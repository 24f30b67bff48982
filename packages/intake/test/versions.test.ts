import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
import type { IntakeServer } from '@thutuc/intake';
import { NEXT_VERSION_FILE, nextBirthRegistration } from '../../../test/helpers/next-version.js';
import { engines, freshDataDir, root, sha256, startServer, submission, submit } from './helpers.js';

/**
 * A regulation change at the receiving end: birth registration 1.0.0 and 1.1.0 (in force from
 * 1 March 2027: copy fee up, one more document when the mother is known). The server takes the
 * version in force on its own date, the previous one for a grace period when the applicant
 * started before the change, and otherwise answers 409 with the answers carried over to the
 * version in force, which then goes through.
 */
let catalogueDir: string;
beforeAll(async () => {
  const work = path.join(root, 'test/.tmp/intake-versions');
  await rm(work, { recursive: true, force: true });
  await mkdir(path.join(work, 'src'), { recursive: true });
  await cp(path.join(root, 'catalogue'), path.join(work, 'src/catalogue'), { recursive: true });
  await writeFile(path.join(work, 'src', NEXT_VERSION_FILE), nextBirthRegistration());
  catalogueDir = path.join(work, 'catalogue');
  const result = await buildCatalogue({ inputs: [path.join(work, 'src')], outDir: catalogueDir, cwd: root });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message.en).join('; '));
}, 120_000);

/** Noon in Vietnam on `day`. */
const at = (day: string) => new Date(`${day}T12:00:00+07:00`);
const MOTHER_RESIDENCE = 'giay-xac-nhan-noi-cu-tru-cua-me';

describe.each(engines())('versions on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  let clock = at('2027-02-20');

  /** A birth registration made against `version`, begun on `startedAt` (ISO) if given. */
  const made = (version: string, startedAt?: string) =>
    submission(catalogueDir, (e) => Object.assign(e, { procedure: { id: 'ho-tich.dang-ky-khai-sinh', version }, ...(startedAt ? { startedAt } : {}) }));
  const versionOf = async (code: string) =>
    (await server.database.db.selectFrom('dossiers').select('procedure_version').where('code', '=', code).executeTakeFirstOrThrow()).procedure_version;

  beforeAll(async () => {
    databaseUrl = await engine.create();
    const dataDir = await freshDataDir('intake-versions');
    ({ server, url } = await startServer({ catalogueDir, dataDir, versionGraceDays: 7, now: () => clock, ...(databaseUrl ? { databaseUrl } : {}) }));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('before the change, files 1.0.0 under 1.0.0 and refuses 1.1.0 as not yet in force', async () => {
    clock = at('2027-02-20');
    const old = await submit(url, await made('1.0.0'));
    expect(old.status).toBe(201);
    expect(await versionOf(old.json!.dossierCode)).toBe('1.0.0');
    const early = await submit(url, await made('1.1.0'));
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ error: { code: 'old-version' }, reason: 'not-yet-in-force', version: '1.1.0', currentVersion: '1.0.0' });
  });

  it('in the grace week, accepts 1.0.0 from an applicant who started before the change, and files it under 1.0.0', async () => {
    clock = at('2027-03-03');
    const r = await submit(url, await made('1.0.0', '2027-02-27T20:00:00+07:00'));
    expect(r.status).toBe(201);
    expect(await versionOf(r.json!.dossierCode)).toBe('1.0.0');
  });

  it('refuses 1.0.0 begun after the change, or with no start, with the answers carried to 1.1.0 and what changed', async () => {
    clock = at('2027-03-03');
    const s = await made('1.0.0', '2027-03-02T08:00:00+07:00');
    const late = await submit(url, s);
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ error: { code: 'old-version' }, reason: 'superseded', version: '1.0.0', currentVersion: '1.1.0' });
    const migration = late.json!.migration;
    expect(migration).toMatchObject({ from: '1.0.0', to: '1.1.0', dropped: [], newRequired: [], feesChanged: true });
    expect(migration.data).toEqual(s.envelope.data);
    expect(migration.documents).toEqual({ added: [{ vi: 'Giấy xác nhận nơi cư trú của người mẹ', en: "Confirmation of the mother's residence" }], removed: [] });
    expect(migration.summary.vi).toBe('Biểu mẫu đã cập nhật theo Thông tư 999/2026/TT-BTC (áp dụng từ 01/03/2027): thêm 1 giấy tờ, thay đổi phí, lệ phí.');
    const unstated = await submit(url, await made('1.0.0'));
    expect(unstated.status).toBe(409);
    expect(unstated.json!.reason).toBe('superseded');
  });

  it('refuses 1.0.0 once the grace week is over, even from an early starter', async () => {
    clock = at('2027-03-08');
    const r = await submit(url, await made('1.0.0', '2027-02-27T20:00:00+07:00'));
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ reason: 'superseded', currentVersion: '1.1.0' });
  });

  it('accepts the carried-over answers as 1.1.0 once the new document is attached', async () => {
    clock = at('2027-03-08');
    const refused = await submit(url, await made('1.0.0'));
    const { data, to } = refused.json!.migration as { data: Record<string, unknown>; to: string };
    const resent = await submission(catalogueDir, (e, files) => {
      Object.assign(e, { procedure: { id: 'ho-tich.dang-ky-khai-sinh', version: to }, data });
      const bytes = Buffer.from('%PDF-1.4 xac nhan noi cu tru');
      files.set(`documents/${MOTHER_RESIDENCE}/0`, bytes);
      (e.documents as Record<string, unknown>)[MOTHER_RESIDENCE] = [{ name: 'cu-tru-me.pdf', type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }];
    });
    const r = await submit(url, resent);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(await versionOf(r.json!.dossierCode)).toBe('1.1.0');
  });
});
