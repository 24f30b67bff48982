import type { Browser, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXT_VERSION_FILE, nextBirthRegistration } from '../helpers/next-version.js';
import { buildSite, launch, open, startTestSite, type Site } from './site.js';

/**
 * A regulation change as the applicant meets it, in headless Chromium: the catalogue holds
 * birth registration 1.0.0 and a 1.1.0 in force from 1 March 2027 (copy fee 10,000 đ, one more
 * document, e-mail now required). The form shows the version in force on its `today`, and a
 * draft typed under 1.0.0 is carried to 1.1.0 with a notice saying what changed.
 */
const id = 'ho-tich.dang-ky-khai-sinh';
const BEFORE = '2027-02-28';
const ON = '2027-03-01';

/** 1.1.0 as in the diff tests, and the e-mail made required, so the notice names a new required field. */
function nextVersionWithRequiredEmail(): string {
  const doc = parseDocument(nextBirthRegistration());
  const fields = (doc.toJS() as { form: { sections: { fields: { id: string }[] }[] } }).form.sections[0]!.fields;
  doc.setIn(['form', 'sections', 0, 'fields', fields.findIndex((f) => f.id === 'email'), 'required'], true);
  return doc.toString({ lineWidth: 0 });
}

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite(await buildSite('site-versions', { [NEXT_VERSION_FILE]: nextVersionWithRequiredEmail() }));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const formText = (page: Page) => page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.textContent ?? '');
const emailRequired = (page: Page) => page.locator('thutuc-form [name="/data/email"]').getAttribute('aria-required');

describe('the version in force', () => {
  it('is the one of the `today` attribute, and moving `today` across the change loads the new version', async () => {
    const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}&today=${BEFORE}`);
    expect(await emailRequired(page)).not.toBe('true');
    await page.evaluate((t) => document.querySelector('thutuc-form')!.setAttribute('today', t), ON);
    await page.waitForFunction(() => document.querySelector('thutuc-form')!.shadowRoot!.querySelector('[name="/data/email"]')?.getAttribute('aria-required') === 'true');
    await page.evaluate((t) => document.querySelector('thutuc-form')!.setAttribute('today', t), BEFORE);
    await page.waitForFunction(() => document.querySelector('thutuc-form')!.shadowRoot!.querySelector('[name="/data/email"]')?.getAttribute('aria-required') !== 'true');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('a draft saved on the version before the change', () => {
  // index.html loads the classic script (everything in one file); csp.html the module, which
  // fetches the draft migration (thutuc-draft-migration.js) only when a draft needs it.
  it.each(['index.html', 'csp.html'])('comes back on the new version with every value that still applies and a notice in plain words (%s)', async (file) => {
    const before = await open(browser, `${site.url}/${file}?id=${id}&today=${BEFORE}`);
    const migrationScript: string[] = [];
    before.page.on('request', (r) => void (r.url().includes('thutuc-draft-migration') && migrationScript.push(r.url())));
    await before.page.locator('thutuc-form [name="/data/kinh_gui"]').fill('Ủy ban nhân dân xã Mẫu');
    await before.page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').fill('Lê Thị Hồng');
    await before.page.locator('thutuc-form [name="/data/so_dien_thoai"]').fill('0912345678');

    expect(migrationScript, 'nothing to migrate yet').toEqual([]);
    await before.page.goto(`${site.url}/${file}?id=${id}&today=${ON}`);
    const page = before.page;
    const notice = page.locator('thutuc-form .notice', { hasText: 'Biểu mẫu đã cập nhật' });
    await notice.waitFor();
    expect(migrationScript).toHaveLength(file === 'csp.html' ? 1 : 0);
    expect(await notice.locator('p').textContent()).toBe(
      'Biểu mẫu đã cập nhật theo Thông tư 999/2026/TT-BTC (áp dụng từ 01/03/2027): thêm 1 trường bắt buộc, thêm 1 giấy tờ, thay đổi phí, lệ phí.',
    );
    const items = await notice.locator('li').allTextContents();
    expect(items).toEqual(['Cần khai thêm: Thư điện tử', "Giấy tờ mới: Giấy xác nhận nơi cư trú của người mẹ"]);
    expect(await page.locator('thutuc-form [name="/data/kinh_gui"]').inputValue()).toBe('Ủy ban nhân dân xã Mẫu');
    expect(await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('Lê Thị Hồng');
    expect(await page.locator('thutuc-form [name="/data/so_dien_thoai"]').inputValue()).toBe('0912345678');
    expect(await emailRequired(page)).toBe('true');

    // The old draft is gone once carried over: a second visit restores the new one, without the notice again.
    await page.reload();
    await page.locator('thutuc-form h2').first().waitFor();
    expect(await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('Lê Thị Hồng');
    expect(await formText(page)).not.toContain('Biểu mẫu đã cập nhật');
    expect(before.pageErrors).toEqual([]);
    await page.close();
  });

  it('tells an English reader the same in English', async () => {
    const before = await open(browser, `${site.url}/index.html?id=${id}&today=${BEFORE}&lang=en`);
    await before.page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').fill('Le Thi Hong');
    await before.page.goto(`${site.url}/index.html?id=${id}&today=${ON}&lang=en`);
    const notice = before.page.locator('thutuc-form .notice', { hasText: 'The form was updated' });
    await notice.waitFor();
    expect(await notice.locator('p').textContent()).toBe(
      'The form was updated under Circular 999/2026/TT-BTC (in force from 01/03/2027): 1 new required field, 1 new document, fees changed.',
    );
    expect(await before.page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('Le Thi Hong');
    await before.page.close();
  });
});
