import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogueBuilder, buildCatalogue } from '@thutuc/compiler';
import { fixturePayload } from './fixture-payload.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'test/fixtures/catalogue');
const golden = path.join(root, 'test/golden/thu-nghiem');
// Output goes under the repository so generated modules resolve @thutuc/core from node_modules.
const scratch = path.join(root, 'test/.tmp/compiler');

async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

const out = path.join(scratch, 'fixture');

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  const result = await buildCatalogue({ inputs: ['test/fixtures/catalogue'], outDir: out, cwd: root });
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
});

describe('emitted files', () => {
  it('match the golden copies in test/golden (UPDATE_GOLDEN=1 rewrites them and still fails)', async () => {
    const actual = await readTree(out);
    if (process.env.UPDATE_GOLDEN) {
      await rm(golden, { recursive: true, force: true });
      for (const [rel, content] of Object.entries(actual)) {
        await mkdir(path.dirname(path.join(golden, rel)), { recursive: true });
        await writeFile(path.join(golden, rel), content);
      }
      throw new Error('golden files rewritten: review the diff and run the tests again without UPDATE_GOLDEN');
    }
    const expected = await readTree(golden);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const rel of Object.keys(expected)) expect(actual[rel], rel).toBe(expected[rel]);
  });

  it('are byte-for-byte the same on every build of the same input', async () => {
    const again = path.join(scratch, 'again');
    await buildCatalogue({ inputs: ['test/fixtures/catalogue'], outDir: again, cwd: root });
    expect(await readTree(again)).toEqual(await readTree(out));
  });

  it('contain no eval, no new Function, and import only the runtime and each other', async () => {
    const files = await readTree(out);
    for (const [rel, content] of Object.entries(files)) {
      if (!rel.endsWith('.js')) continue;
      expect(content, rel).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
      expect(content, rel).not.toMatch(/\brequire\s*\(/);
      for (const m of content.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? m[2]!;
        expect(spec === '@thutuc/runtime' || spec.startsWith('./') || spec.startsWith('../'), `${rel} imports ${spec}`).toBe(true);
      }
    }
  });
});

describe('the compiled validator', () => {
  const valid = fixturePayload;
  type Module = { validate: (p: unknown, o?: { today?: string }) => { valid: boolean; errors: { path: string; rule: string; message: { vi: string } }[] } };
  let mod: Module;
  beforeAll(async () => {
    mod = (await import(pathToFileURL(path.join(out, 'procedures/thu-nghiem.mau/index.js')).href)) as Module;
  });
  const errorsOf = (payload: unknown) => mod.validate(payload, { today: '2026-03-02' }).errors.map((e) => `${e.path} ${e.rule}`);

  it('accepts a complete submission; online, the e-form stands in for the paper declaration', () => {
    expect(errorsOf(valid)).toEqual([]);
  });

  it('names each missing required field, with a Vietnamese message', () => {
    const { ho_ten: _, ...data } = valid.data;
    const result = mod.validate({ ...valid, data }, { today: '2026-03-02' });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ path: '/data/ho_ten', rule: 'required', message: expect.objectContaining({ vi: 'Vui lòng nhập “Họ tên”.' }) })]);
  });

  it('requires a conditional field only when its condition holds, and refuses values for hidden fields', () => {
    expect(errorsOf({ ...valid, data: { ...valid.data, so_ban_sao: 3, ly_do: undefined } })).toEqual(['/data/ly_do required']);
    expect(errorsOf({ ...valid, data: { ...valid.data, so_ban_sao: 0 } })).toEqual(['/data/ly_do hidden']);
  });

  it('checks fields inside repeatable groups against their own item', () => {
    const thanh_vien = [{ ho_ten: 'A', co_dinh_danh: false, so_dinh_danh: '001090000456' }, { co_dinh_danh: true, so_dinh_danh: '12' }];
    expect(errorsOf({ ...valid, data: { ...valid.data, thanh_vien } })).toEqual([
      '/data/thanh_vien/1/ho_ten required',
      '/data/thanh_vien/1/so_dinh_danh pattern',
      '/data/thanh_vien/0/so_dinh_danh hidden',
    ]);
  });

  it('rejects impossible dates, wrong formats, unknown options and bad check digits', () => {
    const data = { ...valid.data, ngay_sinh: '2026-02-29', so_dinh_danh: '12345', dien_thoai: '0123', gioi_tinh: 'khac', ma_so_thue: '0100233487' };
    expect(errorsOf({ ...valid, data }).sort()).toEqual(
      ['/data/ngay_sinh date', '/data/so_dinh_danh pattern', '/data/dien_thoai pattern', '/data/gioi_tinh enum', '/data/ma_so_thue checksum'].sort(),
    );
    expect(errorsOf({ ...valid, data: { ...valid.data, ma_so_thue: '0100233488' } })).toEqual([]);
  });

  it('asks for the documents of the chosen case only, honouring requiredWhen', () => {
    expect(errorsOf({ ...valid, documents: {} })).toEqual(['/documents/cccd document']);
    const behalf = { ...valid, case: 'uy-quyen', documents: {} };
    expect(errorsOf(behalf)).toEqual(['/documents/van-ban-uy-quyen document']);
    expect(errorsOf({ ...behalf, data: { ...valid.data, la_nguoi_than: true } })).toEqual([]);
    expect(errorsOf({ ...valid, case: 'uy-quyen', data: { ...valid.data, la_nguoi_than: true } })).toEqual(['/documents/cccd unexpected']);
  });

  it('requires the paper declaration when filing in person', () => {
    expect(errorsOf({ ...valid, channel: 'in_person' })).toEqual(['/documents/to-khai document']);
  });

  it('enforces upload limits from the document type and the defaults', () => {
    const big = [{ name: 'x.png', type: 'image/png', size: 11 * 1024 * 1024, sha256: 'ab'.repeat(32) }];
    expect(errorsOf({ ...valid, documents: { cccd: big } }).sort()).toEqual(['/documents/cccd/0/size maximum', '/documents/cccd/0/type enum'].sort());
  });

  it('never throws on garbage', () => {
    for (const garbage of [null, 42, 'x', [], { data: 'x' }, { data: null }, { data: { thanh_vien: 'x' } }]) {
      expect(mod.validate(garbage).valid).toBe(false);
    }
  });
});

describe('rebuilding', () => {
  it('rewrites only the files of the procedure that changed', async () => {
    const dir = await mkdtemp(path.join(scratch, 'inc-'));
    const src = path.join(dir, 'src');
    await cp(fixtures, src, { recursive: true });
    await cp(path.join(src, 'thu-nghiem/mau.yaml'), path.join(src, 'thu-nghiem/mau-hai.yaml'));
    const second = path.join(src, 'thu-nghiem/mau-hai.yaml');
    await writeFile(second, (await readFile(second, 'utf8')).replace('id: thu-nghiem.mau', 'id: thu-nghiem.mau-hai').replace('"1.999999"', '"1.999990"'));
    const builder = new CatalogueBuilder({ inputs: [src], outDir: path.join(dir, 'out'), cwd: root });
    const first = await builder.build();
    expect(first.ok).toBe(true);
    expect(first.written).toBe(24); // 19 procedure and index files, communes/01.json, codes.js, codes.d.ts, package.json
    await writeFile(second, (await readFile(second, 'utf8')).replace('amount: 20000', 'amount: 25000'));
    const next = await builder.build();
    expect(next.ok).toBe(true);
    // definition.js of the edited procedure, and nothing else (fees do not change the payload)
    expect(next.written).toBe(1);
    expect(await readFile(path.join(dir, 'out/procedures/thu-nghiem.mau-hai/definition.js'), 'utf8')).toContain('"amount": 25000');

    // A procedure removed from the sources takes its folder with it; the others stay.
    await rm(second);
    const after = await builder.build();
    expect(after.ok).toBe(true);
    expect(existsSync(path.join(dir, 'out/procedures/thu-nghiem.mau-hai'))).toBe(false);
    expect(existsSync(path.join(dir, 'out/procedures/thu-nghiem.mau/index.js'))).toBe(true);
    await builder.close();
  });
});

describe('the emitted types', () => {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const check = async (name: string, body: string) => {
    const file = path.join(scratch, `${name}.ts`);
    await writeFile(file, body);
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false', file], {
      encoding: 'utf8',
      cwd: root,
    });
    return { code: r.status, output: r.stdout + r.stderr };
  };

  it('type-check a program that imports a procedure and builds a correct payload', async () => {
    const r = await check(
      'uses-payload',
      `import { validate, definition, type Payload } from './fixture/procedures/thu-nghiem.mau/index.js';
const p: Payload = {
  case: 'uy-quyen', channel: 'online', delivery: 'post',
  data: { ho_ten: 'A', ngay_sinh: '1990-01-01', so_dinh_danh: '001090000123', dien_thoai: '0912345678',
          dia_chi: { province: '01', commune: '00004', street: 'x' }, gioi_tinh: 'nam', doi_tuong: ['ho_ngheo'] },
  documents: { 'van-ban-uy-quyen': [{ name: 'a.pdf', type: 'application/pdf', size: 1, sha256: 'x' }] },
};
const r = validate(p);
if (r.valid && r.value) { const name: string = r.value.data.ho_ten; void name; }
const code: string = definition.code;
void code;
`,
    );
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('reject a payload with a wrong option, a misspelt field or a missing one', async () => {
    const r = await check(
      'wrong-payload',
      `import type { Payload } from './fixture/procedures/thu-nghiem.mau/index.js';
type Data = Payload['data'];
const base = { ngay_sinh: '1990-01-01', so_dinh_danh: '001090000123', dien_thoai: '0912345678',
               dia_chi: { province: '01', commune: '00004', street: 'x' } } as const;
export const wrongOption: Data = { ...base, ho_ten: 'A', gioi_tinh: 'khac' };
export const misspelt: Data = { ...base, ho_tne: 'A', gioi_tinh: 'nam' };
export const wrongChannel: Payload = { channel: 'fax', delivery: 'post', case: 'ca-nhan', data: { ...base, ho_ten: 'A', gioi_tinh: 'nam' } };
`,
    );
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`Type '"khac"' is not assignable to type '"nam" | "nu"'`);
    expect(r.output).toMatch(/'ho_tne' does not exist in type/);
    expect(r.output).toContain(`Type '"fax"' is not assignable to type '"online" | "in_person"'`);
  });
});
