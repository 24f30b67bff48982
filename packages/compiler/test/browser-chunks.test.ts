import { copyFile, mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
import { MINIMAL_PROCEDURE as P } from '../../../test/helpers/minimal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const member = (id: string, code: string, title: string) =>
  P.replace('id: thu-nghiem.toi-thieu', `id: ${id}`).replace('code: "1.999998"', `code: "${code}"`).replace('{ vi: Thủ tục tối thiểu, en: Minimal procedure }', `{ vi: ${title}, en: ${title} EN }`)
    .replace('label: { vi: Lệ phí, en: Charge }', 'label: { vi: Lệ phí, en: Charge }\n        legalBasis: [luat-mau]');
const bundle =
  member('lien-thong.thu', '2.999999', 'Liên thông thử').replace('kind: procedure', 'kind: bundle') +
  `members:\n  - procedure: thu-nghiem.mot\n    data: { ho_ten: ho_ten }\n  - procedure: thu-nghiem.hai\n    data: { ho_ten: ho_ten }\n`;

describe('browser chunks', () => {
  it('give each procedure a chunk of its own with the form part of its definition; a bundle imports its members', async () => {
    const dir = await mkdtemp(path.join(root, 'test/.tmp/browser-chunks-'));
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src/a.yaml'), member('thu-nghiem.mot', '1.999991', 'Thủ tục Một'));
    await writeFile(path.join(dir, 'src/b.yaml'), member('thu-nghiem.hai', '1.999992', 'Thủ tục Hai'));
    await writeFile(path.join(dir, 'src/l.yaml'), bundle);
    const out = path.join(dir, 'out');
    const result = await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: out, cwd: root, browser: true });
    expect(result.diagnostics).toEqual([]);
    const browser = path.join(out, 'browser');
    const chunk = (id: string) => readFile(path.join(browser, 'procedures', `${id}.js`), 'utf8');
    const shared = await Promise.all((await readdir(path.join(browser, 'chunks'))).filter((f) => f.endsWith('.js')).map((f) => readFile(path.join(browser, 'chunks', f), 'utf8')));

    const mot = await chunk('thu-nghiem.mot');
    expect(mot).toContain('Thủ tục Một');
    expect(mot).toContain('01/2026/QH15'); // the fee's legal basis, cited on the fee line
    expect(mot).not.toContain('Luật mẫu'); // the document's title is not shown by a form
    expect(mot).not.toContain('Kết quả'); // results stay on the server side
    expect(mot).not.toMatch(/Thủ tục Hai|Liên thông thử/);
    for (const text of shared) expect(text).not.toMatch(/Thủ tục Một|Thủ tục Hai|Liên thông thử/);

    const lienThong = await chunk('lien-thong.thu');
    expect(lienThong).toContain('"./thu-nghiem.mot.js"');
    expect(lienThong).toContain('"./thu-nghiem.hai.js"');
    expect(lienThong).not.toMatch(/Thủ tục Một|Thủ tục Hai/);
  });

  it('leave the commune codes out of the chunk of a form with an address field, which the Node module checks against', async () => {
    const dir = await mkdtemp(path.join(root, 'test/.tmp/browser-chunks-'));
    await mkdir(path.join(dir, 'src/communes'), { recursive: true });
    await copyFile(path.join(root, 'catalogue/shared/provinces.yaml'), path.join(dir, 'src/provinces.yaml'));
    await copyFile(path.join(root, 'catalogue/shared/communes/01-ha-noi.yaml'), path.join(dir, 'src/communes/01-ha-noi.yaml'));
    const withAddress = member('thu-nghiem.dia-chi', '1.999993', 'Thủ tục địa chỉ').replace(
      '        - { id: ho_ten, type: text, label: { vi: Họ tên }, required: true }',
      '        - { id: ho_ten, type: text, label: { vi: Họ tên }, required: true }\n        - { id: noi_o, type: address, label: { vi: Nơi ở }, required: true }',
    );
    await writeFile(path.join(dir, 'src/a.yaml'), withAddress);
    const out = path.join(dir, 'out');
    const result = await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: out, cwd: root, browser: true });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    // The browser: the procedure's chunk and nothing beside it (no codes table, no chunk of them).
    const chunk = await readFile(path.join(out, 'browser/procedures/thu-nghiem.dia-chi.js'), 'utf8');
    expect(await readdir(path.join(out, 'browser/chunks')).catch(() => [])).toEqual([]);
    expect(chunk).not.toMatch(/import|"01":/);
    const address = { province: '01', commune: '16171', street: 'Số 1' }; // Xã Ba Đình is in Thanh Hóa
    const payload = { channel: 'online', data: { ho_ten: 'Lê Văn A', noi_o: address } };
    const commune = (m: { validate(p: unknown, o?: object): { errors: { path: string; rule: string }[] } }, options?: object) =>
      m.validate(payload, options).errors.filter((e) => e.path.startsWith('/data/noi_o')).map((e) => `${e.path} ${e.rule}`);
    const browserModule = await import(pathToFileURL(path.join(out, 'browser/procedures/thu-nghiem.dia-chi.js')).href);
    expect(commune(browserModule)).toEqual([]);
    expect(commune(browserModule, { communes: { hasProvince: () => true, contains: () => false } })).toEqual(['/data/noi_o/commune commune']);
    // The server's module: the same validator, with the catalogue's codes, which no lookup passed in replaces.
    const nodeModule = await import(pathToFileURL(path.join(out, 'procedures/thu-nghiem.dia-chi/index.js')).href);
    expect(commune(nodeModule)).toEqual(['/data/noi_o/commune commune']);
    expect(commune(nodeModule, { communes: { hasProvince: () => true, contains: () => true } })).toEqual(['/data/noi_o/commune commune']);
    expect(commune(nodeModule, { communes: undefined })).toEqual(['/data/noi_o/commune commune']);
    // A submission right in every other respect: the browser's verdict still asks the lookup the form passes.
    const right = { ...payload, delivery: 'post', data: { ...payload.data, noi_o: { province: '01', commune: '00004', street: 'Số 1' } } };
    expect(nodeModule.validate(right).errors).toEqual([]);
    expect(browserModule.validate(right)).toMatchObject({ valid: true, errors: [] });
    expect(browserModule.validate(right, { communes: { hasProvince: () => true, contains: () => false } }).errors.map((e: { path: string }) => e.path)).toEqual(['/data/noi_o/commune']);
  });
});
