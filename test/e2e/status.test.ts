import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer } from '@thutuc/intake';
import { act, login, postJson, sha256, submission, submit } from '../../packages/intake/test/helpers.js';
import { axe, buildSite, cspViolations, launch, open, root, screenshot, startTestSite, type Site } from './site.js';

/**
 * <thutuc-status> on the example site's strict-CSP status page, against the real intake
 * server: an applicant looks a dossier up by typing or through the receipt's link, sees the
 * national status, the steps and the working days left, sends a missing document with the
 * keyboard alone and downloads the electronic result; in Vietnamese and English, axe-clean,
 * with no CSP violation and the lookup secret never in a request URL.
 */
let site: Site;
let browser: Browser;
let catalogueDir: string;
let desk: { cookie: string; csrf: string };
const password = 'mat-khau-du-dai-1';

beforeAll(async () => {
  const dirs = await buildSite('site-status');
  catalogueDir = dirs.catalogueDir;
  site = await startTestSite(dirs);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A birth registration filed through the API, and the desk officer of its agency signed in. */
async function fileDossier(delivery = 'online'): Promise<{ code: string; secret: string }> {
  const receipt = (await submit(site.url, await submission(catalogueDir, (e) => Object.assign(e, { delivery })))).json!;
  if (!desk) {
    const row = await site.server.database.db.selectFrom('dossiers').select('agency_code').where('code', '=', receipt.dossierCode).executeTakeFirstOrThrow();
    await createOfficer(site.server.database.db, { username: 'motcua', displayName: 'Một cửa', agencyCode: row.agency_code, roles: ['reception', 'processing', 'leadership'], password });
    desk = await login(site.url, 'motcua', password);
  }
  return { code: receipt.dossierCode, secret: receipt.lookupSecret };
}

const officer = async (code: string, action: string, body: unknown = {}) => expect((await act(site.url, desk, code, action, body)).status, action).toBe(200);
const lookupJson = async (key: { code: string; secret: string }) => (await postJson(`${site.url}/api/lookup`, key)).json!;
const link = (key: { code: string; secret: string }, lang = 'vi') => `${site.url}/status.html${lang === 'en' ? '?lang=en' : ''}#code=${encodeURIComponent(key.code)}&secret=${encodeURIComponent(key.secret)}`;
const statusText = (page: Page) => page.locator('thutuc-status [part~="status"]').innerText();

/** Every URL the page requested, to check the secret never travels in one. */
function requestLog(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

describe('<thutuc-status> on the example site', () => {
  it('looks a dossier up by typing: status, timeline, working days left; a wrong secret says so and keeps what was typed', async () => {
    const key = await fileDossier();
    await officer(key.code, 'accept');
    const { page, pageErrors } = await open(browser, `${site.url}/status.html`, 'thutuc-status h2');
    const urls = requestLog(page);
    expect(await axe(page), 'empty lookup form').toEqual([]);

    await page.locator('thutuc-status #status-code').fill(key.code);
    await page.locator('thutuc-status #status-secret').fill('AAAA-BBBB-CCCC-DDDD');
    await page.keyboard.press('Enter');
    const summary = page.locator('thutuc-status [part="error-summary"]');
    await expect.poll(() => summary.innerText()).toMatch(/Không tìm thấy hồ sơ/);
    expect(await page.locator('thutuc-status #status-code').inputValue()).toBe(key.code);
    expect(await axe(page), 'not found').toEqual([]);

    await page.locator('thutuc-status #status-secret').fill(key.secret);
    await page.keyboard.press('Enter');
    await page.locator('thutuc-status #status-heading').waitFor();
    expect(await statusText(page)).toMatch(/Được tiếp nhận.*mã trạng thái 2/s);
    const server = await lookupJson(key);
    const left = server.time.workingDaysLeft as number;
    expect(left).toBeGreaterThan(0);
    expect(await page.locator('thutuc-status [part="time"]').innerText()).toBe(`Còn ${left} ngày làm việc.`);
    const steps = page.locator('thutuc-status ol.timeline li');
    expect(await steps.count()).toBe(server.progress.steps.length);
    // Accepted: filing and reception are behind it, the first processing step is current — as the server says.
    const current = server.progress.steps.findIndex((st: { state: string }) => st.state === 'current');
    expect(server.progress.steps[current].title.vi).toBe('Thẩm tra hồ sơ');
    expect(await steps.nth(current).getAttribute('aria-current')).toBe('step');
    expect(await steps.nth(current).innerText()).toContain('Thẩm tra hồ sơ');
    expect(await page.locator('thutuc-status ol.timeline li.done, thutuc-status ol.timeline li.skipped').count()).toBe(current);
    // Filed online: the in-person filing step is shown as not this dossier's way, not as done.
    expect(await steps.nth(0).innerText()).toMatch(/Nộp hồ sơ trực tiếp\s+Không áp dụng cho hồ sơ này/);
    expect(await steps.nth(1).getAttribute('class')).toBe('done');
    expect(await page.locator('thutuc-status ol.timeline [aria-current]').count()).toBe(1);
    // Focus moves to the dossier's heading so a screen reader starts there.
    expect(await page.evaluate(() => document.querySelector('thutuc-status')!.shadowRoot!.activeElement?.id)).toBe('status-heading');

    expect(await axe(page), 'status shown').toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(urls.filter((u) => u.includes(key.secret) || u.includes(encodeURIComponent(key.secret)))).toEqual([]);
  });

  it('opens from the receipt link without the secret ever leaving the page in a URL, and speaks English', async () => {
    const key = await fileDossier();
    const { page, pageErrors } = await open(browser, link(key, 'en'), 'thutuc-status #status-heading');
    const urls = requestLog(page);
    expect(await statusText(page)).toMatch(/Newly submitted.*status code 1/s);
    expect(await page.locator('thutuc-status [part="time"]').innerText()).toBe('The time limit runs from when the dossier is accepted.');
    expect(await page.locator('thutuc-status h3').first().innerText()).toBe('What to do next');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('thutuc-status button', { hasText: 'Refresh' }).click();
    await page.locator('thutuc-status #status-heading').waitFor();
    expect(urls.some((u) => u.endsWith('/api/lookup'))).toBe(true);
    expect(urls.filter((u) => u.includes(key.secret))).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('sends a requested document with the keyboard alone, and the dossier goes back to processing', async () => {
    const key = await fileDossier();
    await officer(key.code, 'accept');
    await officer(key.code, 'request_supplement', { reason: { vi: 'Giấy chứng sinh bị mờ, đề nghị nộp bản rõ hơn.' }, documents: ['giay-chung-sinh'] });
    const { page, pageErrors } = await open(browser, link(key), 'thutuc-status #status-heading');
    expect(await statusText(page)).toMatch(/Yêu cầu bổ sung giấy tờ/);
    expect(await page.locator('thutuc-status [part="supplement"]').innerText()).toMatch(/bị mờ[\s\S]*Giấy chứng sinh/);
    expect(await page.locator('thutuc-status [part="time"]').innerText()).toMatch(/tạm dừng/);
    expect(await axe(page), 'supplement asked').toEqual([]);
    await page.setViewportSize({ width: 1000, height: 1400 });
    await screenshot(page, 'thutuc-status-supplement', { only: 'main' });

    const file = path.join(root, 'test/.tmp/site-status/giay-chung-sinh-ro.pdf');
    const bytes = Buffer.from('%PDF-1.4 giấy chứng sinh, bản rõ');
    await writeFile(file, bytes);
    const focusedId = () => page.evaluate(() => document.querySelector('thutuc-status')!.shadowRoot!.activeElement?.id || document.querySelector('thutuc-status')!.shadowRoot!.activeElement?.textContent?.trim());
    // The lookup moved focus to the dossier's heading; the next Tab reaches the upload.
    await page.waitForFunction(() => document.querySelector('thutuc-status')!.shadowRoot!.activeElement?.id === 'status-heading');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('supplement-giay-chung-sinh');
    // Space opens the chooser; on a busy machine the first press can be lost while the input settles.
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      const waiting = page.waitForEvent('filechooser', { timeout: 8_000 }).catch(() => undefined);
      await page.keyboard.press('Space');
      chooser = await waiting;
    }
    await chooser!.setFiles(file);
    await page.locator('thutuc-status ul.files li').waitFor();
    for (let i = 0; i < 5 && (await focusedId()) !== 'Gửi giấy tờ bổ sung'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('Gửi giấy tờ bổ sung');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('thutuc-status [part="notice"]').innerText().catch(() => '')).toBe('Đã gửi 1 tệp bổ sung. Hồ sơ tiếp tục được giải quyết.');
    expect(await statusText(page)).toMatch(/Đang xử lý/);
    expect(await page.locator('thutuc-status [part="supplement"]').count()).toBe(0);

    const stored = await site.server.database.db.selectFrom('dossier_files').innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id').select(['round', 'sha256']).where('dossiers.code', '=', key.code).orderBy('round', 'desc').executeTakeFirstOrThrow();
    // Round 0 is the submission's files; the supplement is the next round.
    expect(stored).toEqual({ round: 1, sha256: sha256(bytes) });
    expect(await axe(page), 'supplement sent').toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows status 10 and downloads the electronic result, byte for byte', async () => {
    const key = await fileDossier('online');
    for (const action of ['accept', 'start', 'complete']) await officer(key.code, action);
    const result = Buffer.from('%PDF-1.7 Giấy khai sinh (bản điện tử)');
    const body = new FormData();
    body.append('result', new Blob([new Uint8Array(result)], { type: 'application/pdf' }), 'giay-khai-sinh-dien-tu.pdf');
    const headers = { Cookie: desk.cookie, 'X-CSRF-Token': desk.csrf };
    expect((await fetch(`${site.url}/api/officer/dossiers/${encodeURIComponent(key.code)}/result`, { method: 'POST', body, headers })).status).toBe(201);
    expect((await postJson(`${site.url}/api/officer/dossiers/${encodeURIComponent(key.code)}/delivery`, { method: 'online' }, headers)).status).toBe(200);
    await officer(key.code, 'deliver');

    const { page, pageErrors } = await open(browser, link(key), 'thutuc-status #status-heading');
    const urls = requestLog(page);
    expect(await statusText(page)).toMatch(/Đã trả kết quả.*mã trạng thái 10/s);
    expect(await page.locator('thutuc-status [part="result"]').innerText()).toMatch(/Nhận bản điện tử/);
    expect(await axe(page), 'result ready').toEqual([]);
    await page.setViewportSize({ width: 1000, height: 1400 });
    await screenshot(page, 'thutuc-status-result', { only: 'main' });
    const button = page.locator('thutuc-status [part="result"] button');
    await button.focus();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('giay-khai-sinh-dien-tu.pdf');
    expect(await readFile((await file.path())!)).toEqual(result);
    expect(urls.filter((u) => u.includes(key.secret))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the amount due and a VietQR transfer from the payment answer, refusing a QR code with anything but shapes', async () => {
    const key = await fileDossier();
    const { page, pageErrors } = await open(browser, `${site.url}/status.html`, 'thutuc-status h2');
    const real = await lookupJson(key);
    const sent: unknown[] = [];
    let svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" role="img" aria-label="VietQR"><path d="M0 0h7v7H0z" fill="#000"/></svg>';
    await page.route('**/api/lookup', (route) =>
      route.fulfill({ json: { ...real, status: { code: 6, label: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' } }, payment: { state: 'due', amount: 16000, currency: 'VND', lines: [{ label: { vi: 'Phí cấp bản sao trích lục', en: 'Copy fee' }, amount: 16000 }], providers: ['vietqr'] } } }),
    );
    await page.route('**/api/payments', (route) => {
      sent.push(route.request().postDataJSON());
      return route.fulfill({ json: { provider: 'vietqr', emv: '000201010212', svg, amount: 16000, note: key.code, account: '0123456789 · Ngân hàng Mẫu' } });
    });
    await page.locator('thutuc-status #status-code').fill(key.code);
    await page.locator('thutuc-status #status-secret').fill(key.secret);
    await page.keyboard.press('Enter');
    const payment = page.locator('thutuc-status [part="payment"]');
    await payment.waitFor();
    expect(await payment.innerText()).toMatch(/16\.000/);
    await payment.locator('button', { hasText: 'VietQR' }).click();
    await page.locator('thutuc-status [part="qr"] svg path').waitFor();
    expect(await page.locator('thutuc-status [part="transfer"]').innerText()).toContain(key.code);
    expect(sent).toEqual([{ code: key.code, secret: key.secret, provider: 'vietqr' }]);
    expect(await axe(page), 'VietQR shown').toEqual([]);

    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__owned = 1</script><path d="M0 0h1v1H0z" onload="window.__owned = 2"/></svg>';
    await payment.locator('button', { hasText: 'VietQR' }).click();
    await expect.poll(() => sent.length).toBe(2);
    await expect.poll(() => page.locator('thutuc-status [part="qr"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
