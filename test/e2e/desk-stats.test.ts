import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '@thutuc/intake';
import { todayInVietnam } from '@thutuc/runtime';
import { act, exampleSubmission, login, PROCEDURE, submit } from '../../packages/intake/test/helpers.js';
import { fileDossier, openDesk, PASSWORD, seedOfficers, signIn } from './desk-helpers.js';
import { axe, buildSite, cspViolations, launch, screenshot, startTestSite, type Site } from './site.js';

/**
 * The desk's statistics page in headless Chromium under the site's strict CSP: this month's
 * dossiers counted by channel, the online share per field drawn as an SVG chart against the
 * target an admin sets on the same page, a CSV download, and nothing of another agency's; and
 * the register (Mẫu 07) for a period, printable and as CSV.
 */
let site: Site;
let browser: Browser;
let firstCode: string;

beforeAll(async () => {
  const dirs = await buildSite('site-desk-stats');
  site = await startTestSite(dirs);
  await seedOfficers(site);
  await createOfficer(site.server.database.db, { username: 'quantri', displayName: 'Quản Trị Viên', agencyCode: 'MAU', roles: ['admin', 'reception'], password: PASSWORD });
  // Two online dossiers and one filed in person, today; the first is settled at once (on time).
  const first = await fileDossier(site, dirs.catalogueDir, 'Người Nộp Một');
  firstCode = first.code;
  await fileDossier(site, dirs.catalogueDir, 'Người Nộp Hai');
  const inPerson = await submit(site.url, await exampleSubmission(dirs.catalogueDir, PROCEDURE, 'truc-tiep-tre-bi-bo-roi'));
  if (inPerson.status !== 201) throw new Error(`in-person submission: ${inPerson.status}`);
  const session = await login(site.url, 'motcua', PASSWORD);
  for (const action of ['accept', 'start', 'complete']) {
    const r = await act(site.url, session, first.code, action);
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.json)}`);
  }
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const inStats = (page: Page) => page.locator('thutuc-desk-stats');
const chartDescription = (page: Page) => inStats(page).locator('svg[role=img] desc').textContent();

describe('the desk’s statistics', () => {
  it('counts this month’s dossiers by channel and draws the online share per field, axe-clean under a strict CSP', async () => {
    const { page, pageErrors } = await openDesk(browser, `${site.url}/desk/`);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { name: 'Thống kê hồ sơ' }).waitFor();
    const today = todayInVietnam();
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe(`${today.slice(0, 8)}01`);
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe(today);

    const total = inStats(page).locator('#total-table tbody tr');
    await total.waitFor();
    // Received, online, post, in person, share, target, on time, late, overdue, pending.
    expect((await total.locator('td').allTextContents()).slice(0, 10)).toEqual(['3', '2', '0', '1', '66,67 %', '—', '1', '0', '0', '2']);
    expect(await chartDescription(page)).toBe('Hộ tịch: 66,67 %');
    expect(await page.getByRole('link', { name: 'Thống kê' }).getAttribute('aria-current')).toBe('page');
    // Only an admin sets targets.
    expect(await page.getByRole('heading', { name: 'Chỉ tiêu tỷ lệ trực tuyến' }).count()).toBe(0);
    const csv = inStats(page).getByRole('link', { name: 'Tải về CSV' });
    expect(await csv.getAttribute('href')).toBe(`/api/officer/stats?from=${today.slice(0, 8)}01&to=${today}&format=csv&lang=vi`);
    expect(await axe(page)).toEqual([]);

    // Another period, through the form: nothing was received then.
    await page.getByLabel('Từ ngày').fill('2026-01-01');
    await page.getByLabel('Đến ngày').fill('2026-01-31');
    await page.getByRole('button', { name: 'Xem' }).click();
    await inStats(page).getByText('Không có hồ sơ nào được tiếp nhận trong kỳ.').waitFor();
    expect(page.url()).toContain('#/stats?from=2026-01-01&to=2026-01-31');
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('lets an admin set the targets and shows each field against its own', async () => {
    const { page, pageErrors } = await openDesk(browser, `${site.url}/desk/#/stats`);
    await signIn(page, 'quantri');
    await page.getByRole('heading', { name: 'Chỉ tiêu tỷ lệ trực tuyến' }).waitFor();
    await page.getByLabel('Chỉ tiêu chung của cơ quan (%)').fill('150');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect.poll(() => inStats(page).getByRole('alert').textContent()).toBe('Chỉ tiêu phải là số từ 0 đến 100.');
    await page.getByLabel('Chỉ tiêu chung của cơ quan (%)').fill('50');
    await page.getByLabel('Hộ tịch (%)').fill('80');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect.poll(() => chartDescription(page)).toBe('Hộ tịch: 66,67 % (chỉ tiêu 80 %, chưa đạt)');
    await expect.poll(() => page.locator('thutuc-desk [role=status]').textContent()).toBe('Đã lưu chỉ tiêu.');
    expect(await inStats(page).locator('svg[role=img] rect').getAttribute('fill')).toBe('#b00020');
    expect((await inStats(page).locator('#total-table tbody td').allTextContents())[5]).toBe('50 %');
    await page.getByLabel('Hộ tịch (%)').fill('');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect.poll(() => chartDescription(page)).toBe('Hộ tịch: 66,67 % (chỉ tiêu 50 %, đạt)');
    expect(await inStats(page).locator('svg[role=img] rect').getAttribute('fill')).toBe('#00703c');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'desk-stats');
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows an officer of another agency none of these dossiers', async () => {
    const { page } = await openDesk(browser, `${site.url}/desk/#/stats`);
    await signIn(page, 'tinhkhac');
    await inStats(page).getByText('Không có hồ sơ nào được tiếp nhận trong kỳ.').waitFor();
    expect(await inStats(page).locator('svg').count()).toBe(0);
    await page.close();
  });
});

describe('the desk’s register (Mẫu 07)', () => {
  it('opens this month’s register to print and as CSV from the desk, axe-clean, and refuses a reversed period', async () => {
    const { page, pageErrors } = await openDesk(browser, `${site.url}/desk/`);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();
    await page.getByRole('link', { name: 'Sổ theo dõi (Mẫu 07)' }).click();
    await page.getByRole('heading', { name: 'Sổ theo dõi hồ sơ (Mẫu 07)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Sổ theo dõi (Mẫu 07)' }).getAttribute('aria-current')).toBe('page');
    const today = todayInVietnam();
    const month = `${today.slice(0, 8)}01`;
    expect(await page.getByLabel('Từ ngày').inputValue()).toBe(month);
    expect(await page.getByLabel('Đến ngày').inputValue()).toBe(today);
    expect(await axe(page)).toEqual([]);

    // The printable register opens in a new tab, with this month's dossiers.
    const open = page.getByRole('link', { name: 'Mở sổ để in (Mẫu 07)' });
    expect(await open.getAttribute('href')).toBe(`/api/officer/register?from=${month}&to=${today}&format=html`);
    const [register] = await Promise.all([page.waitForEvent('popup'), open.click()]);
    await register.waitForLoadState();
    const text = await register.locator('body').innerText();
    expect(text).toMatch(/SỔ THEO DÕI HỒ SƠ/i);
    expect(text).toContain(firstCode);
    expect(await axe(register, 'inline')).toEqual([]);
    await register.close();

    // The CSV downloads with the same session.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải về CSV' }).click();
    const csv = await downloading;
    expect(csv.suggestedFilename()).toBe(`so-theo-doi-ho-so-${month}-${today}.csv`);
    expect(await readFile((await csv.path())!, 'utf8')).toContain(firstCode);

    // Another period through the form; a reversed one is refused before any link is offered.
    await page.getByLabel('Từ ngày').fill('2026-01-31');
    await page.getByLabel('Đến ngày').fill('2026-01-01');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.' }).waitFor();
    expect(page.url()).toContain('#/register?from=2026-01-31&to=2026-01-01');
    expect(await page.getByRole('link', { name: 'Tải về CSV' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
