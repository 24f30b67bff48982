import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

function thutuc(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The figures themselves are checked on seeded dossiers in packages/intake/test/stats.test.ts. */
describe('thutuc stats', () => {
  it('reports an agency with no dossiers as nothing received, leaving the shares empty rather than 0 %', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-stats-'));
    folders.push(dataDir);
    const r = thutuc(['stats', '--data-dir', dataDir, '--agency', '000.00.01.H38', '--from', '2026-04-01', '--to', '2026-04-30', '--format', 'csv', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/^\uFEFF/, '').split('\r\n').slice(1)).toEqual(['Agency,000.00.01.H38,Agency,0,0,0,0,,,0,0,0,0,0,0,,0', '']);
  }, 60_000);

  it('says what is wrong with a period, in Vietnamese by default', () => {
    const r = thutuc(['stats', '--agency', '000.00.01.H38', '--from', '2026-04-30', '--to', '2026-04-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('thutuc-intake: Ngày bắt đầu 2026-04-30 sau ngày kết thúc 2026-04-01.\n');
  });
});
