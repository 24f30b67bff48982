import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

function thutuc(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

/** Node prints "    at fn (file:line:col)" frames for uncaught errors; users must never see them. */
const STACK_FRAME = /^\s+at .+[:(]/m;

const MALFORMED: Record<string, string | Uint8Array> = {
  'empty.yaml': '',
  'top-level-list.yaml': '- kind: procedure\n- id: x\n',
  'tabs.yaml': 'kind: procedure\ntitle:\n\tvi: x\n',
  'unclosed-quote.yaml': 'kind: procedure\ntitle: "không đóng\nid: x\n',
  'duplicate-keys.yaml': 'kind: procedure\nid: a\nid: b\n',
  'alias-bomb.yaml':
    'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
  'several-documents.yaml': 'kind: agencies\n---\nkind: agencies\n',
  'invalid-utf8.yaml': new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
  'binary.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'custom-tag.yaml': 'kind: procedure\nid: !!js/function "function () { return process.exit(1) }"\n',
  'proto-key.yaml': 'kind: procedure\n__proto__: { polluted: true }\n',
  'huge-scalar.yaml': `kind: procedure\nid: ${'a'.repeat(4 * 1024 * 1024)}\n`,
};

describe('thutuc validate', () => {
  it('accepts a valid catalogue with exit code 0', () => {
    const r = thutuc(['validate', 'test/fixtures/catalogue']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 tệp hợp lệ');
  });

  it('points at line 14 and its column for a fee amount written in words, and exits 1', () => {
    const r = thutuc(['validate', 'test/fixtures/invalid/wrong-fee-type.yaml']);
    expect(r.code).toBe(1);
    // The schema's own wording (the editor shows the same), then what was written.
    expect(r.stderr).toContain(
      'test/fixtures/invalid/wrong-fee-type.yaml:14:17: lỗi TT2003: Số tiền là một số nguyên (đồng), viết bằng chữ số, không dấu chấm phân cách, không chữ "đ": ví dụ `amount: 8000` cho 8.000 đồng — không viết bằng chữ ("tám nghìn").',
    );
    expect(r.stderr).toContain('Nhận được chuỗi "mười nghìn đồng".');
    // the code frame shows the line with a caret under the value
    expect(r.stderr).toMatch(/> 14 \|\s+amount: "mười nghìn đồng"\n\s+\|\s{17}\^/);
  });

  it('speaks English with --lang en', () => {
    const r = thutuc(['validate', 'test/fixtures/invalid/wrong-fee-type.yaml', '--lang', 'en']);
    expect(r.stderr).toContain(':14:17: error TT2003: The amount is a whole number of dong in digits, with no separator or currency sign: `amount: 8000` for 8,000 VND, never in words.');
    expect(r.stderr).toContain('Got the string "mười nghìn đồng".');
  });

  it('prints machine-readable diagnostics with --json', () => {
    const r = thutuc(['validate', 'test/fixtures/invalid/wrong-fee-type.yaml', '--json']);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number; path: string }[] };
    const fee = diagnostics.find((d) => d.code === 'TT2003');
    expect(fee).toMatchObject({ line: 14, column: 17, path: '/channels/0/fees/0/amount', severity: 'error' });
  });

  describe('malformed input exits 1 with a diagnostic and no stack trace', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-malformed-'));
    for (const [name, content] of Object.entries(MALFORMED)) await writeFile(path.join(dir, name), content);
    for (const name of Object.keys(MALFORMED)) {
      it(name, () => {
        const r = thutuc(['validate', path.join(dir, name)]);
        expect(r.code).toBe(1);
        expect(r.all).toContain(`${name}`);
        expect(r.all).toMatch(/lỗi TT1\d{3}/);
        expect(r.all).not.toMatch(STACK_FRAME);
        expect(r.all.length).toBeLessThan(5000); // a huge scalar is not echoed back
      });
    }
  });

  it('does not pollute Object.prototype through a __proto__ key', async () => {
    const { analyzeSource } = await import('@thutuc/core');
    analyzeSource({ file: 'p.yaml', bytes: new TextEncoder().encode('kind: procedure\n__proto__: { polluted: true }\n') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a missing path instead of crashing', () => {
    const r = thutuc(['validate', 'no/such/place']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/place: lỗi TT1001');
  });

  it('rejects an unknown command with exit code 2', () => {
    const r = thutuc(['compile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không có lệnh "compile"');
  });
});

describe('thutuc build', () => {
  it('compiles, and leaves the previous output untouched when the catalogue breaks', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-build-'));
    const src = path.join(dir, 'catalogue');
    const out = path.join(dir, 'out');
    const fixtures = path.join(root, 'test/fixtures/catalogue');
    await writeFile(path.join(dir, 'placeholder'), '');
    const { cp } = await import('node:fs/promises');
    await cp(fixtures, src, { recursive: true });

    const ok = thutuc(['build', src, '--out', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Đã biên dịch 1 thủ tục');
    const before = await snapshotTree(out);
    expect(Object.keys(before)).toContain('procedures/thu-nghiem.mau/validate.js');

    const file = path.join(src, 'thu-nghiem/mau.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('amount: 20000', 'amount: 20000.5'));
    const broken = thutuc(['build', src, '--out', out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('mau.yaml:26:17: lỗi TT2003');
    expect(broken.stderr).toContain('giữ nguyên bản dựng trước');
    expect(await snapshotTree(out)).toEqual(before);
  });
});

async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}
