import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIRTH_REGISTRATION, NEXT_VERSION_FILE, nextBirthRegistration } from '../../../test/helpers/next-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const thutuc = (args: string[], cwd: string) => run(process.execPath, [bin, ...args], cwd);
const git = (args: string[], cwd: string) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], cwd);

/** A repository holding today's catalogue, committed, with the next birth registration version added on top. */
let repo: string;
beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), 'thutuc-diff-'));
  await cp(path.join(root, 'catalogue'), path.join(repo, 'catalogue'), { recursive: true });
  await mkdir(path.join(repo, '.changeset'));
  git(['init', '-q', '-b', 'main'], repo);
  git(['add', '.'], repo);
  git(['commit', '-q', '-m', 'catalogue'], repo);
  await writeFile(path.join(repo, NEXT_VERSION_FILE), nextBirthRegistration());
});

describe('thutuc diff', () => {
  it('--since a revision lists exactly the new version’s changes, in Vietnamese and English', () => {
    const r = thutuc(['diff', '--since', 'HEAD'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Thủ tục đăng ký khai sinh (1.001193) — Phiên bản 1.0.0 → 1.1.0, áp dụng từ 01/03/2027
        • Phí cấp bản sao Giấy khai sinh: 8.000 đ → 10.000 đ/bản (Thông tư 999/2026/TT-BTC)
        • Thêm giấy tờ (trong một số trường hợp): Giấy xác nhận nơi cư trú của người mẹ (Thông tư 999/2026/TT-BTC)
        • Căn cứ pháp lý mới: Thông tư 999/2026/TT-BTC (Thông tư sửa đổi mức thu phí khai thác cơ sở dữ liệu hộ tịch (ví dụ))

      Birth registration (1.001193) — Version 1.0.0 → 1.1.0, in force from 01/03/2027
        • Fee for certified copies of the birth certificate: VND 8,000 → VND 10,000 per copy (Circular 999/2026/TT-BTC)
        • New document (in some cases): Confirmation of the mother's residence (Circular 999/2026/TT-BTC)
        • New legal basis: Circular 999/2026/TT-BTC (Circular amending the civil status database fee (example))
      "
    `);
  });

  it('compares two versions of a procedure by id, and two files', () => {
    const byId = thutuc(['diff', 'ho-tich.dang-ky-khai-sinh@1.0.0', 'ho-tich.dang-ky-khai-sinh@1.1.0'], repo);
    const byFile = thutuc(['diff', BIRTH_REGISTRATION, NEXT_VERSION_FILE], repo);
    const latest = thutuc(['diff', 'ho-tich.dang-ky-khai-sinh'], repo);
    expect(byId.stdout).toContain('Phí cấp bản sao Giấy khai sinh: 8.000 đ → 10.000 đ/bản (Thông tư 999/2026/TT-BTC)');
    expect(byFile.stdout).toBe(byId.stdout);
    expect(latest.stdout).toBe(byId.stdout);
  });

  it('prints JSON and Markdown', () => {
    const json = JSON.parse(thutuc(['diff', '--since', 'HEAD', '--format', 'json'], repo).stdout);
    expect(json.procedures[0].changes.map((c: { kind: string }) => c.kind)).toEqual(['fee-amount', 'document-added', 'legal-added']);
    expect(json.procedures[0].from).toMatchObject({ version: '1.0.0', file: BIRTH_REGISTRATION });
    const md = thutuc(['diff', '--since', 'HEAD', '--format', 'markdown'], repo).stdout;
    expect(md).toContain('### Thủ tục đăng ký khai sinh (1.001193) · Birth registration');
    expect(md).toContain('- New document (in some cases): Confirmation of the mother\'s residence (Circular 999/2026/TT-BTC)');
  });

  it('refuses an unknown version with the versions there are', () => {
    const r = thutuc(['diff', 'ho-tich.dang-ky-khai-sinh@1.0.0', 'ho-tich.dang-ky-khai-sinh@2.0.0'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có phiên bản 2.0.0 (có: 1.0.0, 1.1.0)');
  });
});

describe('thutuc validate --changed', () => {
  it('fails a catalogue change without a changeset, then passes once one is added', async () => {
    const without = thutuc(['validate', '--changed'], repo);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('không có tệp .changeset/*.md');
    await writeFile(path.join(repo, '.changeset/khai-sinh-1-1-0.md'), "---\n'@thutuc/catalogue': minor\n---\n\nPhí cấp bản sao Giấy khai sinh 10.000 đ/bản từ 01/03/2027.\n");
    const withChangeset = thutuc(['validate', '--changed'], repo);
    expect(withChangeset.stderr).not.toContain('.changeset');
    expect(withChangeset.code).toBe(0);
  });

  it('warns when a fee changes inside an existing version', async () => {
    const edited = path.join(repo, 'catalogue/ho-tich/cap-ban-sao-trich-luc-ho-tich.yaml');
    const text = (await import('node:fs')).readFileSync(edited, 'utf8');
    await writeFile(edited, text.replace(/amount: 8000/g, 'amount: 9000'));
    const r = thutuc(['validate', '--changed', '--since', 'HEAD'], repo);
    expect(r.stderr).toMatch(/cảnh báo: ho-tich\.cap-ban-sao-trich-luc-ho-tich@1\.0\.0: phí, giấy tờ hoặc thời hạn thay đổi mà không có phiên bản mới/);
  });
});
