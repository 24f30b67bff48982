import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDossier, openDesk, seedOfficers, signIn } from './desk-helpers.js';
import { axe, buildSite, cspViolations, launch, startTestSite, type Site } from './site.js';

/**
 * The officers' desk in headless Chromium, served by the example site's intake under /desk/
 * with a strict CSP: sign-in, the inbox's server-side pages, filters and search, and an
 * officer of another agency seeing none of it. Axe reports nothing on any page.
 */
let site: Site;
let browser: Browser;
let catalogueDir: string;
const NAMES = Array.from({ length: 24 }, (_, i) => `Người Nộp Số ${i + 1}`);
const codes: string[] = [];

beforeAll(async () => {
  const dirs = await buildSite('site-desk');
  catalogueDir = dirs.catalogueDir;
  site = await startTestSite(dirs);
  await seedOfficers(site);
  for (const name of [...NAMES, 'Lê Văn Đức']) codes.push((await fileDossier(site, catalogueDir, name)).code);
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the desk', () => {
  it('signs in (refusing a wrong password), pages the inbox on the server, searches and filters, all axe-clean under a strict CSP', async () => {
    const { page, pageErrors, csp } = await openDesk(browser, `${site.url}/desk/`);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe/);
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(await axe(page)).toEqual([]);

    await signIn(page, 'motcua', 'sai-mat-khau-0');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Sai tên đăng nhập hoặc mật khẩu/);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();
    await page.getByRole('heading', { name: /25 hồ sơ · Trang 1\/2/ }).waitFor();
    expect(await page.locator('thutuc-desk-inbox tbody tr').count()).toBe(20);
    await expect.poll(() => page.locator('thutuc-desk [role=status]').textContent()).toBe('25 hồ sơ');
    expect(await page.locator('thutuc-desk-inbox tbody tr').first().textContent()).toContain('Lê Văn Đức');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.getByRole('heading', { name: /Trang 2\/2/ }).waitFor();
    expect(await page.locator('thutuc-desk-inbox tbody tr').count()).toBe(5);
    expect(await page.locator('thutuc-desk-inbox tbody tr').last().textContent()).toContain(codes[0]);
    await page.goBack();
    await page.getByRole('heading', { name: /Trang 1\/2/ }).waitFor();

    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').fill('le van duc');
    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').press('Enter');
    await page.getByRole('heading', { name: /^1 hồ sơ/ }).waitFor();
    expect(await page.locator('thutuc-desk-inbox tbody tr').textContent()).toContain(codes[24]);
    expect(page.url()).toContain('q=le+van+duc');

    // Two dossiers accepted, one of them overdue: the status and overdue filters find them.
    await site.server.database.db.updateTable('dossiers').set({ status: 'accepted', status_code: 2, due_at: new Date(Date.now() + 86_400_000) }).where('code', 'in', [codes[3]!, codes[4]!]).execute();
    await sql`UPDATE dossiers SET due_at = now() - interval '1 day' WHERE code = ${codes[4]!}`.execute(site.server.database.db);
    await page.getByRole('link', { name: 'Bỏ lọc' }).click();
    await page.getByRole('heading', { name: /25 hồ sơ/ }).waitFor();
    await page.getByLabel('Trạng thái').selectOption('2');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByRole('heading', { name: /^2 hồ sơ/ }).waitFor();
    await page.getByLabel('Chỉ hồ sơ quá hạn').check();
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByRole('heading', { name: /^1 hồ sơ/ }).waitFor();
    expect(await page.locator('thutuc-desk-inbox tbody tr').textContent()).toMatch(new RegExp(`${codes[4]!.replace(/\./g, '\\.')}.*Quá hạn`, 's'));
    expect(await axe(page)).toEqual([]);

    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows an officer of another agency none of these dossiers, even searched by code', async () => {
    const { page } = await openDesk(browser, `${site.url}/desk/#/?q=${encodeURIComponent(codes[0]!)}`);
    await signIn(page, 'tinhkhac');
    await page.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor();
    await page.goto(`${site.url}/desk/#/`);
    await page.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor();
    expect(await page.getByRole('heading', { name: /^0 hồ sơ/ }).count()).toBe(1);
    await page.close();
  });
});
