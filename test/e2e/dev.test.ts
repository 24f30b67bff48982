import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '@thutuc/cli';
import { cspViolations, launch, root } from './site.js';

/**
 * `thutuc dev` as policy staff use it, in headless Chromium under the preview's strict CSP:
 * edit the birth registration fee and the page shows it; break the file and the page shows the
 * error with file:line:col and the lines around it while keeping the last good preview; fix it
 * and the error goes.
 */
const work = path.join(root, 'test/.tmp/dev-preview');
const FILE = 'catalogue/ho-tich/dang-ky-khai-sinh.yaml';
const file = path.join(work, FILE);
let server: DevServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(path.join(root, 'catalogue'), path.join(work, 'catalogue'), { recursive: true });
  server = await startDevServer({ folders: ['catalogue'], cwd: work, sampleDate: '2026-04-24' });
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/?id=ho-tich.dang-ky-khai-sinh`);
  await page.locator('main h2').first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The copy fee as the online channel's table shows it. */
const copyFee = () => page.locator('table.fees[data-channel="online"] tr', { hasText: 'Phí cấp bản sao Giấy khai sinh' }).locator('td.amount');

async function edit(change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('thutuc dev', () => {
  it('shows every step, the fees and the deadline for the sample date', async () => {
    const steps = await page.locator('section.step h3').allTextContents();
    expect(steps[0]).toMatch(/^Bước 1\/7: Người yêu cầu đăng ký khai sinh/);
    expect(steps.at(-1)).toMatch(/^Bước 7\/7: Giấy tờ kèm theo/);
    expect(await copyFee().textContent()).toMatch(/^8\.000 đ\/bản/);
    expect(await page.locator('table.deadlines tr[data-channel="online"] td.due').textContent()).toMatch(/24\/04\/2026/);
  });

  it('shows an edited fee without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await edit((t) => t.replaceAll('amount: 8000', 'amount: 9000'));
    await expect.poll(() => copyFee().textContent(), { timeout: 5000 }).toMatch(/^9\.000 đ\/bản/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('shows a broken file as file:line:col with a code frame, and keeps the last good preview', async () => {
    const before = await readFile(file, 'utf8');
    const line = before.split('\n').findIndex((l) => l.includes('amount: 9000')) + 1;
    await edit((t) => t.replace('amount: 9000', 'amount: chín nghìn'));
    const problems = page.locator('#problems');
    await problems.waitFor({ state: 'visible', timeout: 5000 });
    const where = (await problems.locator('.where').first().textContent())!;
    expect(where).toMatch(new RegExp(`^catalogue/ho-tich/dang-ky-khai-sinh\\.yaml:${line}:\\d+$`));
    expect(await problems.locator('pre').first().textContent()).toContain('amount: chín nghìn');
    expect(await problems.textContent()).toMatch(/lỗi TT\d{4}/);
    expect(await page.locator('#stale').isVisible()).toBe(true);
    expect(await copyFee().textContent()).toMatch(/^9\.000 đ\/bản/);
  });

  it('clears the error once the file is fixed, and shows the fix', async () => {
    await edit((t) => t.replace('amount: chín nghìn', 'amount: 9500'));
    await page.locator('#problems').waitFor({ state: 'hidden', timeout: 5000 });
    await expect.poll(() => copyFee().textContent(), { timeout: 5000 }).toMatch(/^9\.500 đ\/bản/);
  });

  it('ran under the strict policy with no violation and no page error', async () => {
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    const response = await page.request.get(`${server.url}/`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['content-security-policy']).not.toContain('unsafe');
  });
});
