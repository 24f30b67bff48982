import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
// Inside the repository, so the built modules resolve @thutuc/runtime from its node_modules.
const project = path.join(root, 'test/.tmp/cli-new');
const thutuc = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const FLAGS = ['--code', '1.001022', '--title', 'Đăng ký nhận cha, mẹ, con', '--title-en', 'Recognition of parents and children', '--field-name', 'Hộ tịch', '--legal', '60/2014/QH13', '--legal-title', 'Luật Hộ tịch'];

beforeAll(async () => {
  await rm(project, { recursive: true, force: true });
  await mkdir(project, { recursive: true });
  expect(thutuc(['init']).code).toBe(0);
});

describe('thutuc new', () => {
  it('writes a procedure and its examples that validate at once, with the schema line editors read', async () => {
    const r = thutuc(['new', 'ho-tich/dang-ky-nhan-cha-me-con', ...FLAGS]);
    expect(r.stderr).not.toMatch(/lỗi TT/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Đã tạo catalogue/ho-tich/dang-ky-nhan-cha-me-con.yaml, catalogue/ho-tich/dang-ky-nhan-cha-me-con.examples.yaml');
    const text = await readFile(path.join(project, 'catalogue/ho-tich/dang-ky-nhan-cha-me-con.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+procedure\.schema\.json$/);
    expect(parse(text)).toMatchObject({ id: 'ho-tich.dang-ky-nhan-cha-me-con', code: '1.001022', status: 'draft', legalBasis: [{ id: 'vb-60-2014-qh13', number: '60/2014/QH13' }] });
    const validate = thutuc(['validate']);
    expect(validate.stderr).toContain('0 lỗi');
    expect(validate.code).toBe(0);
  });

  it('records what it does not know as unknown, never as 0 or free', async () => {
    const p = parse(await readFile(path.join(project, 'catalogue/ho-tich/dang-ky-nhan-cha-me-con.yaml'), 'utf8'));
    expect(p.effectiveDate).toMatchObject({ unknown: true });
    expect(p.channels[0].processingTime).toMatchObject({ unknown: true });
    expect(p.channels[0].fees[0]).toMatchObject({ kind: 'unknown', type: 'unknown' });
  });

  it('gives example submissions whose verdicts the compiled validator agrees with', async () => {
    const out = path.join(project, 'out');
    const built = await buildCatalogue({ inputs: [path.join(project, 'catalogue')], outDir: out, cwd: project });
    expect(built.ok).toBe(true);
    const mod = (await import(pathToFileURL(path.join(out, 'procedures/ho-tich.dang-ky-nhan-cha-me-con/index.js')).href)) as {
      validate(p: unknown, o?: { today?: string }): { valid: boolean; errors: { path: string; rule: string }[] };
    };
    const { examples } = parse(await readFile(path.join(project, 'catalogue/ho-tich/dang-ky-nhan-cha-me-con.examples.yaml'), 'utf8')) as {
      examples: { name: string; valid: boolean; today: string; errors?: { path: string; rule: string }[]; submission: unknown }[];
    };
    expect(examples.filter((e) => e.valid)).toHaveLength(2);
    for (const e of examples) {
      const verdict = mod.validate(e.submission, { today: e.today });
      expect(verdict.valid, e.name).toBe(e.valid);
      expect(verdict.errors.map((x) => ({ path: x.path, rule: x.rule })), e.name).toEqual(e.errors ?? []);
    }
  });

  it('refuses to overwrite, and says which flag is missing when nobody can be asked', () => {
    const again = thutuc(['new', 'ho-tich/dang-ky-nhan-cha-me-con', ...FLAGS]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Tệp đã có, không ghi đè: catalogue/ho-tich/dang-ky-nhan-cha-me-con.yaml');
    const missing = thutuc(['new', 'ho-tich/thu-tuc-khac', '--title', 'Thủ tục khác', '--legal', '60/2014/QH13']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('thutuc: Thiếu --code\n');
    const badName = thutuc(['new', 'Hộ tịch/khai sinh']);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/<lĩnh-vực>\/<tên>/);
  });
});
