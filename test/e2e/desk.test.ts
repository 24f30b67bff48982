import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDossier, openDesk, seedOfficers, signIn } from './desk-helpers.js';
import { axe, buildSite, cspViolations, launch, screenshot, startTestSite, type Site } from './site.js';

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
const secrets: string[] = [];

beforeAll(async () => {
  const dirs = await buildSite('site-desk');
  catalogueDir = dirs.catalogueDir;
  // VietQR on, so accepting a dossier asks for its fees and the desk confirms the transfer.
  site = await startTestSite(dirs, { payments: { vietqr: { bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND PHUONG MAU' } } });
  await seedOfficers(site);
  for (const name of [...NAMES, 'Lê Văn Đức']) {
    const filed = await fileDossier(site, catalogueDir, name);
    codes.push(filed.code);
    secrets.push(filed.secret);
  }
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
    await screenshot(page, 'desk-inbox');

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

  it('shows a dossier as the form’s review page, checks each file’s hash, and takes an action by keyboard that prints its paper', async () => {
    const code = codes[0]!;
    const { page, pageErrors } = await openDesk(browser, `${site.url}/desk/`);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: 'Hồ sơ của cơ quan' }).waitFor();
    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').fill(code);
    await page.getByLabel('Tìm theo mã hồ sơ hoặc họ tên').press('Enter');
    await page.getByRole('heading', { name: /^1 hồ sơ/ }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    // The heading takes focus, so a screen reader starts on the new page.
    await expect.poll(() => page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.activeElement?.id)).toBe('dossier-title');

    // Answers, section by section, with the form's labels and choices in words.
    const data = page.locator('thutuc-desk-dossier section', { has: page.getByRole('heading', { name: 'Thông tin đã khai' }) });
    expect(await data.locator('h3').count()).toBeGreaterThan(1);
    expect(await data.textContent()).toContain('Người Nộp Số 1');
    expect(await data.textContent()).toContain('Nữ');
    // Fees as computed on receipt.
    const fees = page.locator('thutuc-desk-dossier section', { has: page.getByRole('heading', { name: 'Phí, lệ phí' }) });
    expect(await fees.textContent()).toMatch(/Tổng cộng/);
    expect(await axe(page)).toEqual([]);

    // A file downloads only after its bytes match the SHA-256 recorded on receipt.
    const files = await site.server.database.db.selectFrom('dossier_files').innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id').select(['sha256', 'dossier_files.name']).where('dossiers.code', '=', code).orderBy('idx').execute();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: `Tải về ${files[0]!.name}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(files[0]!.name);
    const saved = await readFile((await download.path())!);
    expect(createHash('sha256').update(saved).digest('hex')).toBe(files[0]!.sha256);
    await page.getByText('Đã kiểm tra mã băm SHA-256: khớp.').waitFor();

    // The same file altered on disk: the desk says so and hands nothing out.
    const other = await fileDossier(site, catalogueDir, 'Hồ Sơ Bị Sửa');
    const [altered] = await site.server.database.db.selectFrom('dossier_files').innerJoin('dossiers', 'dossiers.id', 'dossier_files.dossier_id').select(['sha256', 'dossier_files.name']).where('dossiers.code', '=', other.code).execute();
    await writeFile(path.join(site.dataDir, 'blobs', altered!.sha256.slice(0, 2), altered!.sha256.slice(2, 4), altered!.sha256), '%PDF-1.4 altered');
    await page.goto(`${site.url}/desk/#/dossiers/${encodeURIComponent(other.code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${other.code}` }).waitFor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: `Tải về ${altered!.name}` }).click();
    await page.getByRole('alert').filter({ hasText: 'KHÔNG khớp' }).waitFor();
    expect(downloads).toBe(0);

    // Accept by keyboard alone: focus the action, Tab to the button, Enter.
    await page.goto(`${site.url}/desk/#/dossiers/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    const action = page.getByLabel('Thao tác', { exact: true });
    expect(await action.inputValue()).toBe('accept');
    await action.focus();
    for (let i = 0; i < 4; i++) {
      const focused = await page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.activeElement?.textContent?.trim());
      if (focused === 'Thực hiện') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const outcome = page.locator('#outcome');
    await outcome.getByText(/Đã thực hiện: Tiếp nhận hồ sơ\. Trạng thái mới: Yêu cầu thực hiện nghĩa vụ tài chính\./).waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.activeElement?.id)).toBe('outcome');
    await expect.poll(() => page.locator('thutuc-desk [role=status]').textContent()).toMatch(/nghĩa vụ tài chính/);
    const receiptLink = outcome.getByRole('link', { name: /Mẫu 01/ });
    const printed = await page.request.get(new URL((await receiptLink.getAttribute('href'))!, site.url).toString());
    expect(printed.status()).toBe(200);
    expect(await printed.text()).toContain(code);
    expect(await fees.textContent()).toMatch(/Chờ thanh toán · 16\.000 đ/);

    // The applicant chooses a VietQR transfer; reception sees it arrive and confirms it.
    const qr = await page.request.post(`${site.url}/api/payments`, { data: { code, secret: secrets[0], provider: 'vietqr' } });
    expect(qr.status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    expect(await fees.textContent()).toMatch(/Đang xử lý thanh toán · 16\.000 đ/);
    await page.getByLabel('Mã giao dịch chuyển khoản (không bắt buộc)').fill('FT2611280001');
    await page.getByRole('button', { name: 'Xác nhận đã nhận chuyển khoản VietQR' }).press('Enter');
    await outcome.getByText('Đã xác nhận khoản chuyển khoản; hồ sơ chuyển sang xử lý.').waitFor();
    expect(await fees.textContent()).toMatch(/Đã thanh toán · 16\.000 đ \(VietQR\)/);
    expect(await page.locator('thutuc-desk-dossier dl[aria-label="Tóm tắt"]').textContent()).toMatch(/4\. Đang xử lý/);

    // A supplement request needs a reason: the form says so and keeps focus there.
    await page.getByLabel('Thao tác', { exact: true }).selectOption('request_supplement');
    await page.getByRole('button', { name: 'Thực hiện' }).press('Enter');
    await page.getByText('Cần nhập lý do.').waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.activeElement?.id)).toBe('reason-vi');
    await page.getByRole('checkbox').first().check();
    await page.getByLabel('Lý do (tiếng Việt)').fill('Bản sao giấy chứng sinh bị mờ.');
    await page.getByRole('button', { name: 'Thực hiện' }).press('Enter');
    await outcome.getByText(/Trạng thái mới: Yêu cầu bổ sung giấy tờ\. Đã lập Mẫu 02/).waitFor();
    expect(await outcome.textContent()).toMatch(/\/api\/supplements\//);
    const history = page.locator('thutuc-desk-dossier section', { has: page.getByRole('heading', { name: 'Quá trình xử lý' }) });
    expect(await history.textContent()).toMatch(/Yêu cầu bổ sung, hoàn thiện hồ sơ.*Bản sao giấy chứng sinh bị mờ\./s);
    const papers = page.locator('thutuc-desk-dossier section', { has: page.getByRole('heading', { name: 'Giấy tờ đã lập' }) });
    expect(await papers.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Mẫu 01/), expect.stringMatching(/^Mẫu 02/)]));
    expect(await page.getByLabel('Lý do (tiếng Việt)').inputValue()).toBe('');
    expect(await axe(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desk-dossier', { fullPage: false });

    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('uploads the electronic result, records the online delivery the applicant chose, and returns the result, by keyboard', async () => {
    const { code, secret } = await fileDossier(site, catalogueDir, 'Người Nhận Kết Quả', 'online');
    const { page, pageErrors } = await openDesk(browser, `${site.url}/desk/#/dossiers/${encodeURIComponent(code)}`);
    await signIn(page, 'motcua');
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
    const inner = () => page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.activeElement?.id);
    const outcome = page.locator('#outcome');
    const perform = async (action: string, done: RegExp) => {
      await page.getByLabel('Thao tác', { exact: true }).selectOption(action);
      await page.getByRole('button', { name: 'Thực hiện' }).press('Enter');
      await outcome.getByText(done).waitFor();
    };
    // Nothing about the result is asked before processing.
    expect(await page.getByRole('heading', { name: 'Kết quả và hình thức trả' }).count()).toBe(0);
    await perform('accept', /nghĩa vụ tài chính/);
    expect((await page.request.post(`${site.url}/api/payments`, { data: { code, secret, provider: 'vietqr' } })).status()).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Xác nhận đã nhận chuyển khoản VietQR' }).press('Enter');
    await outcome.getByText('Đã xác nhận khoản chuyển khoản; hồ sơ chuyển sang xử lý.').waitFor();
    await perform('complete', /Trạng thái mới: Đã xử lý xong\./);

    // Returning the result before its delivery is recorded is refused, in words.
    await page.getByLabel('Thao tác', { exact: true }).selectOption('deliver');
    await page.getByRole('button', { name: 'Thực hiện' }).press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Chưa ghi nhận việc trả kết quả theo hình thức người nộp đã chọn.' }).waitFor();

    // The delivery form starts on the applicant's choice; online needs the result first.
    const method = page.getByLabel('Trả qua');
    expect(await method.inputValue()).toBe('online');
    expect(await page.getByText('Người nộp đã chọn: Trực tuyến.').count()).toBe(1);
    expect(await page.getByText('Chưa tải lên kết quả điện tử.').count()).toBe(1);
    await page.getByRole('button', { name: 'Ghi nhận hình thức trả' }).press('Enter');
    const refused = page.locator('#delivery-form [role=alert]');
    await refused.getByText('Chưa tải lên kết quả điện tử để trả trực tuyến.').waitFor();
    // The result part is an element of its own inside the dossier page.
    await expect.poll(() => page.evaluate(() => document.querySelector('thutuc-desk')!.shadowRoot!.querySelector('thutuc-desk-dossier')!.shadowRoot!.querySelector('thutuc-desk-result')!.shadowRoot!.activeElement?.closest('form')?.id)).toBe('delivery-form');
    // Other methods ask for their own details.
    await method.selectOption('post');
    await page.getByLabel('Mã vận đơn').waitFor();
    await method.selectOption('in_person');
    await page.getByLabel('Thời gian hẹn (giờ Việt Nam)').waitFor();
    expect(await page.getByLabel('Mã vận đơn').count()).toBe(0);
    await method.selectOption('online');
    expect(await axe(page)).toEqual([]);

    // Upload without a file is caught in the form; then a PDF goes up.
    await page.getByRole('button', { name: 'Tải lên kết quả' }).press('Enter');
    await page.locator('#result-form [role=alert]').getByText('Hãy chọn tệp kết quả.').waitFor();
    const pdf = Buffer.from('%PDF-1.4\n% ket qua\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    await page.getByLabel('Tệp kết quả').setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Tải lên kết quả' }).press('Enter');
    await outcome.getByText('Đã tải lên kết quả điện tử: giay-khai-sinh.pdf.').waitFor();
    await expect.poll(inner).toBe('outcome');
    expect(await page.locator('#result-form [role=alert]').count()).toBe(0);
    // A reload still shows what is on file.
    await page.reload();
    await page.getByText('Đã có kết quả: giay-khai-sinh.pdf. Tải lên tệp khác sẽ thay thế.').waitFor();

    await page.getByRole('button', { name: 'Ghi nhận hình thức trả' }).press('Enter');
    await outcome.getByText('Đã ghi nhận trả kết quả: Trực tuyến.').waitFor();
    expect(await refused.count()).toBe(0);
    await page.getByText('Đã ghi nhận: Trực tuyến.').waitFor();
    await perform('deliver', /Trạng thái mới: Đã trả kết quả\./);
    expect(await page.locator('thutuc-desk-dossier dl[aria-label="Tóm tắt"]').textContent()).toMatch(/10\. Đã trả kết quả/);
    // Returned: the forms are gone, and the applicant downloads the very bytes uploaded.
    expect(await page.getByRole('heading', { name: 'Kết quả và hình thức trả' }).count()).toBe(0);
    const result = await page.request.post(`${site.url}/api/result`, { data: { code, secret } });
    expect(result.status()).toBe(200);
    expect(Buffer.from(await result.body()).equals(pdf)).toBe(true);
    expect(await axe(page)).toEqual([]);

    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('answers an officer of another agency who opens the dossier’s address with "not found", and offers no action', async () => {
    const { page } = await openDesk(browser, `${site.url}/desk/#/dossiers/${encodeURIComponent(codes[1]!)}`);
    await signIn(page, 'tinhkhac');
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy hồ sơ trong cơ quan của cán bộ.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Thực hiện' }).count()).toBe(0);
    await page.close();
  });
});
