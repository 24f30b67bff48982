import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, call, engines, login } from '../../packages/intake/test/helpers.js';
import { openDesk, PASSWORD, seedOfficers, signIn } from './desk-helpers.js';
import { example, fillStepByKeyboard, pdf, settled } from './form-helpers.js';
import { axe, buildSite, launch, screenshot, startTestSite, watch, type Site } from './site.js';

/**
 * Issue 10's "done when", end to end, on the example site as `npm start` serves it (its fake
 * VNPay gateway included) in headless Chromium: one birth registration from filing to the
 * downloaded result, the applicant in one browser context and the officer in another.
 *
 * The procedure is birth registration (level 4, fees online) filed on time with two copies of
 * the birth extract requested, so 16.000 đ is owed and paid on filing. The lifecycle
 * (packages/intake/src/lifecycle-statuses.ts) asks for a supplement only of an accepted
 * dossier, so the officer accepts it first, then requests the supplement, then processes it
 * once the applicant has sent it.
 */
const PROCEDURE = 'ho-tich.dang-ky-khai-sinh';
const RESULT = Buffer.from('%PDF-1.7\n% Giay khai sinh ban dien tu cua be Minh Anh\n%%EOF\n');

/** Today minus `days`, in Vietnam. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** Every CSP violation any page reports, however often it navigates (read from the console, and from each page's own listener before it leaves). */
function policeCsp(page: Page, found: string[]): void {
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) found.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => found.push(`${page.url()}: script error ${e.message}`));
}

async function cspOnThisPage(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

// One build and one browser; one server per storage engine.
let dirs: { catalogueDir: string; elementsDir: string };
let browser: Browser;
beforeAll(async () => {
  dirs = await buildSite('site-life');
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(engines())('the whole life of one dossier ($name)', (engine) => {
  let site: Site;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    databaseUrl = await engine.create();
    site = await startTestSite(dirs, { fakePayments: true, ...(databaseUrl ? { databaseUrl } : {}) });
    await seedOfficers(site);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    await engine.drop(databaseUrl);
  });

  it('files and pays online, is supplemented, processed and returned, and is counted online and on time', async () => {
    const problems: string[] = [];

    // ── The applicant files through <thutuc-form> on the strict-CSP page, with the keyboard.
    const applicant = await (await browser.newContext({ viewport: { width: 1000, height: 1400 } })).newPage();
    await watch(applicant);
    policeCsp(applicant, problems);
    await applicant.goto(`${site.url}/csp.html?id=${PROCEDURE}`);
    await applicant.locator('thutuc-form h2').first().waitFor();
    const { submission } = await example(PROCEDURE, 'truc-tuyen-dung-han-co-cha-me');
    const data = { ...(submission.data as Record<string, unknown>), ngay_sinh_tre: daysAgo(3) };
    const filed = { ...submission, data };
    for (let step = 0; step < 12 && !(await applicant.locator('thutuc-form .receipt').count()); step++) {
      expect(await axe(applicant), `form step ${step + 1}`).toEqual([]);
      await fillStepByKeyboard(applicant, filed, { 'giay-chung-sinh': [pdf('giay-chung-sinh.pdf', 'giấy chứng sinh')] });
      await settled(applicant);
    }
    await applicant.locator('thutuc-form .receipt').waitFor();
    expect(await axe(applicant), 'form receipt').toEqual([]);
    expect(await cspOnThisPage(applicant)).toEqual([]);
    const [stored] = await site.dossiers();
    const code = stored!.receipt.dossierCode;
    expect(stored!.envelope).toMatchObject({ channel: 'online', delivery: 'online', procedure: { id: PROCEDURE } });

    // ── The receipt links to <thutuc-status>: 16.000 đ is due, paid through the fake VNPay.
    const statusLink = (await applicant.locator('thutuc-form [part="status-link"]').getAttribute('href'))!;
    const secret = new URLSearchParams(statusLink.split('#')[1]).get('secret')!;
    await applicant.locator('thutuc-form [part="status-link"]').click();
    const status = (part: string) => applicant.locator(`thutuc-status [part~="${part}"]`);
    await status('payment').waitFor();
    expect(await status('status').innerText()).toMatch(/Mới đăng ký.*mã trạng thái 1/s);
    expect(await status('payment').innerText()).toMatch(/Số tiền cần nộp: 16\.000/);
    // Registered on time: the charge is exempt and says so, not "0 đ".
    expect(await status('payment').locator('tr', { hasText: 'Lệ phí đăng ký khai sinh' }).innerText()).toMatch(/Lệ phí đăng ký khai sinh\s+Miễn$/);
    expect(await status('todo').innerText()).toMatch(/Thanh toán phí, lệ phí trực tuyến trên trang tra cứu này\./);
    expect(await axe(applicant), 'status: payment due').toEqual([]);
    await screenshot(applicant, 'thutuc-status-payment', { only: 'main' });
    expect(await cspOnThisPage(applicant)).toEqual([]);
    await status('payment').getByRole('button', { name: 'Thanh toán qua VNPay' }).click();
    await applicant.waitForURL((u) => u.href.startsWith(site.gateway!.paymentUrl));
    expect(await applicant.locator('#amount').textContent()).toBe('16.000 VND');
    await applicant.getByRole('button', { name: /Thanh toán/ }).click();
    await applicant.waitForURL(/\/api\/payments\/vnpay\/return\?/);
    expect(await applicant.locator('h1').textContent()).toContain('Thanh toán thành công');
    expect(await axe(applicant, 'inline'), 'payment return page').toEqual([]);
    // The IPN, not the browser's return, settled it: the gateway's notification was answered 00.
    expect(site.gateway!.ipns.map((i) => i.answer?.RspCode)).toEqual(['00']);
    await applicant.getByRole('link', { name: /Xem tình trạng hồ sơ/ }).click();
    // Back on the status page with the code filled in; the secret is typed again (it never travels in a URL).
    expect(await applicant.locator('thutuc-status #status-code').inputValue()).toBe(code);
    expect(await axe(applicant), 'status: lookup form').toEqual([]);
    await applicant.locator('thutuc-status #status-secret').fill(secret);
    await applicant.keyboard.press('Enter');
    await applicant.locator('thutuc-status #status-heading').waitFor();
    expect(await status('payment').innerText()).toMatch(/Đã thanh toán lúc/);
    expect(await status('payment').getByRole('button').count()).toBe(0);
    expect(await axe(applicant), 'status: paid').toEqual([]);
    expect(await cspOnThisPage(applicant)).toEqual([]);

    // ── An officer of the agency signs in and finds it in the inbox.
    const { page: desk, pageErrors: deskErrors, csp } = await openDesk(browser, `${site.url}/desk/`);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe/);
    policeCsp(desk, problems);
    await desk.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(await axe(desk), 'desk sign-in').toEqual([]);
    await signIn(desk, 'motcua');
    await desk.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();
    await desk.getByRole('link', { name: code }).waitFor();
    expect(await desk.locator('thutuc-desk-inbox tbody tr', { hasText: code }).textContent()).toMatch(/Mới đăng ký/);
    expect(await axe(desk), 'desk inbox').toEqual([]);
    await desk.getByRole('link', { name: code }).click();
    await desk.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    const fees = desk.locator('thutuc-desk-dossier section', { has: desk.getByRole('heading', { name: 'Phí, lệ phí' }) });
    expect(await fees.textContent()).toMatch(/Đã thanh toán · 16\.000 đ \(VNPay\)/);
    expect(await axe(desk), 'desk dossier').toEqual([]);
    const outcome = desk.locator('#outcome');
    const perform = async (action: string, done: RegExp, fill?: () => Promise<void>) => {
      await desk.getByLabel('Thao tác', { exact: true }).selectOption(action);
      await fill?.();
      await desk.getByRole('button', { name: 'Thực hiện' }).click();
      await outcome.getByText(done).waitFor();
    };

    // Paid on filing, so acceptance goes straight to status 2; then the supplement request.
    await perform('accept', /Trạng thái mới: Được tiếp nhận\./);
    await perform('request_supplement', /Trạng thái mới: Yêu cầu bổ sung giấy tờ\. Đã lập Mẫu 02/, async () => {
      await desk.getByRole('checkbox', { name: /^Giấy chứng sinh/ }).check();
      await desk.getByLabel('Lý do (tiếng Việt)').fill('Bản chụp giấy chứng sinh bị mờ, đề nghị nộp bản rõ hơn.');
    });
    expect(await axe(desk), 'desk after the supplement request').toEqual([]);
    // Mẫu 02 as stored with the dossier opens printable in a new tab.
    const [form02] = await Promise.all([desk.waitForEvent('popup'), outcome.getByRole('link', { name: /Mẫu 02/ }).click()]);
    await form02.waitForLoadState();
    expect(await form02.locator('body').innerText()).toMatch(/PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ[\s\S]*bị mờ/i);
    expect(await form02.locator('body').innerText()).toContain(code);
    expect(await axe(form02, 'inline'), 'Mẫu 02').toEqual([]);
    await form02.close();
    // Mẫu 06, drawn from the history, shows the supplement step.
    const papers = desk.locator('thutuc-desk-dossier section', { has: desk.getByRole('heading', { name: 'Giấy tờ đã lập' }) });
    const [form06] = await Promise.all([desk.waitForEvent('popup'), papers.getByRole('link', { name: /Mẫu 06/ }).click()]);
    await form06.waitForLoadState();
    expect(await form06.locator('body').innerText()).toMatch(/PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ[\s\S]*Yêu cầu bổ sung/i);
    expect(await axe(form06, 'inline'), 'Mẫu 06').toEqual([]);
    await form06.close();

    // ── The applicant sends the clearer copy through <thutuc-status>.
    await applicant.locator('thutuc-status button', { hasText: 'Cập nhật' }).click();
    await status('supplement').waitFor();
    expect(await status('supplement').innerText()).toMatch(/bị mờ[\s\S]*Giấy chứng sinh/);
    expect(await axe(applicant), 'status: supplement asked').toEqual([]);
    await applicant.locator('thutuc-status #supplement-giay-chung-sinh').setInputFiles(pdf('giay-chung-sinh-ro.pdf', 'giấy chứng sinh, bản rõ'));
    await applicant.locator('thutuc-status ul.files li').waitFor();
    await applicant.locator('thutuc-status button', { hasText: 'Gửi giấy tờ bổ sung' }).click();
    await expect.poll(() => status('notice').innerText().catch(() => '')).toBe('Đã gửi 1 tệp bổ sung. Hồ sơ tiếp tục được giải quyết.');
    expect(await status('status').innerText()).toMatch(/Đang xử lý/);
    expect(await axe(applicant), 'status: supplement sent').toEqual([]);

    // ── The officer processes it: the steps, the sign-off, the result, its delivery, the return.
    await desk.reload();
    await desk.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    expect(await desk.locator('thutuc-desk-dossier dl[aria-label="Tóm tắt"]').textContent()).toMatch(/4\. Đang xử lý/);
    expect(await desk.getByRole('button', { name: 'Tải về giay-chung-sinh-ro.pdf' }).count()).toBe(1);
    for (const step of ['Thẩm tra hồ sơ', 'Ghi Sổ đăng ký khai sinh']) {
      await perform('complete_step', /Đã thực hiện: Hoàn thành bước xử lý\./, async () => {
        const choice = desk.getByLabel('Bước đã hoàn thành');
        const index = (await choice.locator('option').allTextContents()).findIndex((t) => t.includes(step));
        expect(index, step).toBeGreaterThanOrEqual(0);
        await choice.selectOption({ index });
      });
    }
    await perform('complete', /Trạng thái mới: Đã xử lý xong\./);
    expect(await axe(desk), 'desk: result and delivery forms').toEqual([]);
    await desk.getByLabel('Tệp kết quả').setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT });
    await desk.getByRole('button', { name: 'Tải lên kết quả' }).click();
    await outcome.getByText('Đã tải lên kết quả điện tử: giay-khai-sinh.pdf.').waitFor();
    expect(await desk.getByLabel('Trả qua').inputValue()).toBe('online');
    await desk.getByRole('button', { name: 'Ghi nhận hình thức trả' }).click();
    await outcome.getByText('Đã ghi nhận trả kết quả: Trực tuyến.').waitFor();
    await perform('deliver', /Trạng thái mới: Đã trả kết quả\./);
    expect(await desk.locator('thutuc-desk-dossier dl[aria-label="Tóm tắt"]').textContent()).toMatch(/10\. Đã trả kết quả/);
    expect(await axe(desk), 'desk: returned').toEqual([]);

    // ── The applicant sees status 10, every step behind it, and downloads the very bytes.
    await applicant.locator('thutuc-status button', { hasText: 'Cập nhật' }).click();
    await expect.poll(() => status('status').innerText()).toMatch(/Đã trả kết quả.*mã trạng thái 10/s);
    expect(await status('time').innerText()).toBe('Đã giải quyết đúng hạn.');
    const steps = applicant.locator('thutuc-status ol.timeline li');
    expect(await steps.count()).toBeGreaterThan(3);
    expect(await applicant.locator('thutuc-status ol.timeline li:not(.done):not(.skipped)').count()).toBe(0);
    // Filed online, with one supplement and no refusal or extension: the timeline says just that.
    const stateOf = async (title: string) => (await steps.filter({ hasText: title }).first().getAttribute('class'))!;
    expect(await stateOf('Nộp hồ sơ trực tiếp')).toBe('skipped');
    expect(await stateOf('Nộp hồ sơ trực tuyến')).toBe('done');
    expect(await stateOf('Yêu cầu bổ sung')).toBe('done');
    expect(await stateOf('Từ chối giải quyết')).toBe('skipped');
    expect(await stateOf('Xin lỗi và hẹn lại')).toBe('skipped');
    expect(await applicant.locator('thutuc-status ol.timeline [aria-current]').count()).toBe(0);
    expect(await axe(applicant), 'status: result returned').toEqual([]);
    const downloading = applicant.waitForEvent('download');
    await status('result').getByRole('button', { name: 'Tải kết quả điện tử' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('giay-khai-sinh.pdf');
    expect((await readFile((await download.path())!)).equals(RESULT)).toBe(true);
    expect(await cspOnThisPage(applicant)).toEqual([]);

    // ── The statistics page counts it: received online, on time.
    await desk.getByRole('link', { name: 'Thống kê' }).click();
    const total = desk.locator('thutuc-desk-stats #total-table tbody tr');
    await total.waitFor();
    // Received, online, post, in person, share, target, on time, late, overdue, pending.
    expect((await total.locator('td').allTextContents()).slice(0, 10)).toEqual(['1', '1', '0', '0', '100 %', '—', '1', '0', '0', '0']);
    expect(await axe(desk), 'desk statistics').toEqual([]);
    expect(await cspOnThisPage(desk)).toEqual([]);
    expect(deskErrors).toEqual([]);

    // ── An officer of another agency sees nothing and can do nothing.
    const { page: other } = await openDesk(browser, `${site.url}/desk/`);
    policeCsp(other, problems);
    await signIn(other, 'tinhkhac');
    await other.getByText('Không có hồ sơ nào khớp với bộ lọc.').waitFor();
    expect(await other.getByRole('link', { name: code }).count()).toBe(0);
    expect(await axe(other), 'desk inbox of another agency').toEqual([]);
    const stranger = await login(site.url, 'tinhkhac', PASSWORD);
    const headers = { Cookie: stranger.cookie, 'X-CSRF-Token': stranger.csrf };
    const dossierUrl = `${site.url}/api/officer/dossiers/${encodeURIComponent(code)}`;
    const refused = [
      (await call(dossierUrl, { headers })).status,
      (await call(`${dossierUrl}/papers`, { headers })).status,
      (await act(site.url, stranger, code, 'stop', { reason: { vi: 'Thử can thiệp.' } })).status,
      (await call(`${dossierUrl}/delivery`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'online' }) })).status,
    ];
    for (const s of refused) expect([403, 404]).toContain(s);
    const inbox = (await call(`${site.url}/api/officer/dossiers?q=${encodeURIComponent(code)}`, { headers })).json as { total: number };
    expect(inbox.total).toBe(0);

    expect(problems).toEqual([]);
    await applicant.context().close();
    for (const p of [desk, other]) await p.close();
  }, 120_000);
});
