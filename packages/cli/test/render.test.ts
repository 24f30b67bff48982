import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
const out = path.join(root, 'test/.tmp/render');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIRTH = 'ho-tich.dang-ky-khai-sinh';

function thutuc(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Pages of a Chromium PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Width and height in points of the first page's MediaBox. */
function mediaBox(pdf: Buffer): [number, number] {
  const m = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return m ? [+m[1]!, +m[2]!] : [0, 0];
}

let example = '';
let residenceExample = '';
let browser: Browser;

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // The first valid examples of the real procedures, whatever they are called today.
  const analysis = await analyzeCatalogue((await loadInputs(['catalogue'], root)).inputs);
  const examples = analysis.checked.files.examples.filter((f) => f.value.procedure === BIRTH).flatMap((f) => f.value.examples);
  example = examples.find((e) => e.valid)!.name;
  residenceExample = analysis.checked.files.examples.filter((f) => f.value.procedure === 'cu-tru.dang-ky-thuong-tru').flatMap((f) => f.value.examples).find((e) => e.valid)!.name;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Prints a paper as Chromium would on paper; keeps the PDF and a screenshot to look at. */
async function print(file: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
    return await page.pdf({ preferCSSPageSize: true, path: file.replace(/\.html$/, '.pdf') });
  } finally {
    await page.close();
  }
}

describe('thutuc render', () => {
  it('writes the receipt of an example submission to a file', async () => {
    const file = path.join(out, 'receipt.html');
    const r = thutuc(['render', 'receipt', '--example', `${BIRTH}/${example}`, '--received', '2026-07-20T10:00', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã ghi test\/\.tmp\/render\/receipt\.html \(THUTUC-260720-0001\)\n$/);
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(html).toContain('<b data-code>THUTUC-260720-0001</b>');
    expect(html).toContain('@page { size: A5;');
  });

  it('prints the receipt on exactly one A5 page', async () => {
    const pdf = await print(path.join(out, 'receipt.html'));
    expect(pageCount(pdf)).toBe(1);
    const [w, h] = mediaBox(pdf);
    expect(Math.round(w)).toBe(420); // 148 mm
    expect(Math.round(h)).toBe(595); // 210 mm
  });

  it('prints the birth declaration on one or two A4 pages, with the code given by --code', async () => {
    const file = path.join(out, 'declaration.html');
    const r = thutuc(['render', 'declaration', '--example', `${BIRTH}/${example}`, '--received', '2026-07-20T10:00', '--code', 'G15.TEST-1', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(G15.TEST-1)');
    expect(await readFile(file, 'utf8')).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    const pdf = await print(file);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expect(Math.round(mediaBox(pdf)[0])).toBe(595); // 210 mm
  });

  it('prints the residence declaration (CT01) on one or two A4 pages', async () => {
    const file = path.join(out, 'ct01.html');
    const r = thutuc(['render', 'declaration', '--example', `cu-tru.dang-ky-thuong-tru/${residenceExample}`, '--received', '2026-07-20T10:00', '--out', file]);
    expect(r.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ');
    const pages = pageCount(await print(file));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('writes HTML to stdout without --out, and says what is wrong otherwise', () => {
    const apology = thutuc(['render', 'apology', '--example', `${BIRTH}/${example}`, '--received', '2026-07-20T10:00', '--reason', 'Cần xác minh <thêm>', '--new-date', '2026-07-22T17:00']);
    expect(apology.code).toBe(0);
    expect(apology.stdout).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(apology.stdout).toContain('Cần xác minh &lt;thêm&gt;');
    expect(apology.stdout).toContain('17 giờ 00 phút, ngày 22/07/2026');

    expect(thutuc(['render', 'poster', '--example', `${BIRTH}/${example}`]).code).toBe(2);
    expect(thutuc(['render', 'receipt']).code).toBe(2);
    const missing = thutuc(['render', 'receipt', '--example', `${BIRTH}/khong-co`, '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Procedure ${BIRTH} has no example "khong-co".`);
    expect(thutuc(['render', 'receipt', '--example', `${BIRTH}/${example}`, '--received', '2026-02-30T10:00']).code).toBe(1);
  });
});
