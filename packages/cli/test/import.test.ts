import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
const samples = path.resolve(root, '../shared/data/dichvucong-samples');
const present = existsSync(path.join(samples, 'birth_procedures_raw.json'));
if (!present) console.warn(`thutuc import CLI tests with real records skipped: portal samples not found at ${samples}`);

function thutuc(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

/** Node prints "    at fn (file:line:col)" frames for uncaught errors; users must never see them. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe('thutuc import: malformed input exits 1 with a clear message and no stack trace', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-import-bad-'));
  const cases: [string, string, RegExp, RegExp][] = [
    ['not-json.json', '<html>Cổng dịch vụ công</html>', /không phải JSON hợp lệ/, /not valid JSON/],
    ['other-shape.json', '{"status": "ok", "items": [{"id": 1, "title": "x"}]}', /Không nhận ra bản ghi thủ tục/, /No procedure record found/],
    ['empty.json', '', /Tệp rỗng/, /empty/],
  ];
  for (const [name, content, vi, en] of cases) {
    await writeFile(path.join(dir, name), content);
    it(name, () => {
      const r = thutuc(['import', path.join(dir, name), '--out', path.join(dir, 'out')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(vi);
      expect(r.stderr).toContain(name);
      expect(r.all).not.toMatch(STACK_FRAME);
      const english = thutuc(['import', path.join(dir, name), '--out', path.join(dir, 'out'), '--lang', 'en']);
      expect(english.stderr).toMatch(en);
      expect(existsSync(path.join(dir, 'out'))).toBe(false);
    });
  }

  it('a missing file exits 1; a bad --index is a usage error (exit 2)', () => {
    expect(thutuc(['import', path.join(dir, 'nope.json')]).stderr).toContain('ENOENT');
    expect(thutuc(['import', path.join(dir, 'nope.json')]).code).toBe(1);
    expect(thutuc(['import', path.join(dir, 'empty.json'), '--index', 'x']).code).toBe(2);
  });
});

describe.skipIf(!present)('thutuc import of real portal records', () => {
  it('writes drafts that `thutuc validate` accepts, lists what to check, and never overwrites', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-import-'));
    const catalogue = path.join(dir, 'catalogue');
    await cp(path.join(root, 'catalogue/shared'), path.join(catalogue, 'shared'), { recursive: true });

    const r = thutuc(['import', path.join(samples, 'birth_procedures_raw.json'), '--out', catalogue]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ho-tich/dang-ky-khai-sinh.yaml  (1.001193, ho-tich.dang-ky-khai-sinh)');
    expect(r.stdout).toMatch(/\d+ việc cần kiểm tra \(gaps\), \d+ cảnh báo, 0 lỗi:/);
    expect(r.stdout).toContain('• Đơn vị thời hạn trên cổng là OTHER');

    const file = path.join(catalogue, 'ho-tich/dang-ky-khai-sinh.yaml');
    const yaml = await readFile(file, 'utf8');
    const ref = path.relative(path.dirname(file), path.join(root, 'schemas/procedure.schema.json')).split(path.sep).join('/');
    expect(yaml.startsWith(`# yaml-language-server: $schema=${ref}\n`)).toBe(true);
    expect(thutuc(['validate', catalogue]).code).toBe(0);

    const again = thutuc(['import', path.join(samples, 'birth_procedures_raw.json'), '--index', '10', '--out', catalogue, '--lang', 'en']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exist, nothing written');
    expect(await readFile(file, 'utf8')).toBe(yaml);
  });

  it('--index picks one record and --json prints a report', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-import-json-'));
    const r = thutuc(['import', path.join(samples, 'residence_procedures_raw.json'), '--index', '0', '--out', dir, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { records: number; files: { file: string; code: string; errors: number; gaps: { vi: string; en: string }[] }[] };
    expect(report.records).toBe(13);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ code: '1.004194', errors: 0 });
    expect(report.files[0]!.file).toMatch(/chua-xac-dinh\/dang-ky-tam-tru\.yaml$/);
    expect(report.files[0]!.gaps.some((g) => g.en.includes('The summary has no field'))).toBe(true);
  });
});
