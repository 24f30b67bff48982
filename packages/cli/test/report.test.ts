import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function thutuc(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
let out: string;
let report: { stdout: string; code: number | null };
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'thutuc-report-'));
  // The real catalogue plus the fixture whose text tries to run script in the page.
  await cp(path.join(root, 'catalogue'), path.join(tmp, 'src/catalogue'), { recursive: true });
  await cp(path.join(root, 'test/fixtures/xss'), path.join(tmp, 'src/xss'), { recursive: true });
  out = path.join(tmp, 'report');
  report = thutuc(['report', path.join(tmp, 'src'), '--out', out]);
});

describe('thutuc report', () => {
  it('writes the list and prints counts by online level and field', async () => {
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^\d+ thủ tục: \d+ toàn trình, \d+ một phần, \d+ chưa trực tuyến/);
    expect(report.stdout).toMatch(/Theo lĩnh vực: Hộ tịch: \d+/);
    for (const f of ['index.html', 'report.js', 'report.css', 'catalogue.csv', 'catalogue.json', 'procedures/ho-tich.dang-ky-khai-sinh.html']) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(JSON.parse(await readFile(path.join(out, 'catalogue.json'), 'utf8'))).not.toHaveProperty('generatedAt');
  });

  it('prints JSON with --json and stamps the time only with --timestamp', async () => {
    const r = thutuc(['report', 'catalogue', '--out', path.join(tmp, 'stamped'), '--json', '--timestamp', '--lang', 'en']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { summary: { total: number }; generatedAt: string };
    expect(printed.summary.total).toBeGreaterThan(10);
    const written = JSON.parse(await readFile(path.join(tmp, 'stamped/catalogue.json'), 'utf8')) as { generatedAt: string };
    expect(written.generatedAt).toBe(printed.generatedAt);
  });

  it('refuses a catalogue with errors, exits 1 and writes nothing', () => {
    const target = path.join(tmp, 'broken');
    const r = thutuc(['report', 'test/fixtures/invalid/wrong-fee-type.yaml', '--out', target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TT2003');
    expect(existsSync(target)).toBe(false);
  });

  it('does not replace a folder that is not an earlier report', async () => {
    const precious = path.join(tmp, 'precious');
    await mkdir(precious);
    await writeFile(path.join(precious, 'notes.txt'), 'keep me');
    const r = thutuc(['report', 'catalogue', '--out', precious, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not an earlier report');
    expect(await readFile(path.join(precious, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('needs --out (usage error, exit 2)', () => {
    expect(thutuc(['report', 'catalogue']).code).toBe(2);
  });
});

describe('index.html from file:// in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const visibleIds = () => page.$$eval('#procedures tbody tr:not([hidden]) th a', (as) => as.map((a) => a.getAttribute('href')!.replace(/^procedures\/|\.html$/g, '')));

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.locator('#filters:not([hidden])').waitFor();
  });
  afterAll(() => browser?.close());

  it('finds the birth registrations when typing without diacritics, from the keyboard', async () => {
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('dang ky khai sinh');
    const ids = await visibleIds();
    expect(ids).toContain('ho-tich.dang-ky-khai-sinh');
    expect(ids).toContain('ho-tich.dang-ky-lai-khai-sinh');
    expect(ids).not.toContain('cu-tru.dang-ky-tam-tru');
    expect(ids).not.toContain('ho-tich.dang-ky-ket-hon');
    await expect.poll(() => page.locator('#count').textContent()).toBe(`Hiển thị ${ids.length} trên ${await page.locator('#procedures tbody tr').count()} thủ tục`);
    await page.fill('#q', '1.001193');
    expect(await visibleIds()).toEqual(['ho-tich.dang-ky-khai-sinh']);
  });

  it('filters by online level and by government level', async () => {
    await page.fill('#q', '');
    await page.selectOption('#online', 'full');
    const full = await page.$$eval('#procedures tbody tr:not([hidden])', (trs) => trs.map((tr) => tr.getAttribute('data-online')));
    expect(full.length).toBeGreaterThan(0);
    expect(new Set(full)).toEqual(new Set(['full']));
    expect(await visibleIds()).toContain('ho-tich.dang-ky-khai-sinh');
    await page.selectOption('#online', '');
    await page.selectOption('#level', 'province');
    const province = await visibleIds();
    expect(province).toContain('ly-lich-tu-phap.cap-phieu-ly-lich-tu-phap');
    expect(province).not.toContain('cu-tru.dang-ky-tam-tru');
    await page.click('button[type=reset]');
    await expect.poll(() => page.locator('#procedures tbody tr[hidden]').count()).toBe(0);
  });

  it('runs no catalogue text as code and logs no errors or CSP violations', async () => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    const xss = await browser.newPage();
    xss.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await xss.goto(pathToFileURL(path.join(out, 'procedures/thu-nghiem.xss.html')).href);
    expect(await xss.locator('h1').textContent()).toContain('<script>');
    expect(await xss.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    await xss.close();
    expect(problems).toEqual([]);
  });

  it('has no axe-core violations on the index and a procedure page', async () => {
    // axe is injected as an inline script, which the report's own CSP rightly blocks.
    const context = await browser.newContext({ bypassCSP: true });
    for (const file of ['index.html', 'procedures/ho-tich.dang-ky-khai-sinh.html']) {
      const p = await context.newPage();
      await p.goto(pathToFileURL(path.join(out, file)).href);
      await p.addScriptTag({ path: AXE });
      const violations = await p.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
      });
      expect(violations, file).toEqual([]);
    }
    await context.close();
  });
});
