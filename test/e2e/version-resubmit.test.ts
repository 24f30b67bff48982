import type { Browser, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PROCEDURE } from '../helpers/minimal.js';
import { buildSite, launch, open, startTestSite, type Site } from './site.js';

/**
 * A regulation changed while the applicant was filling in the form: they started on 1.0.0,
 * the server's date is past 1.1.0's start and its grace period, so it answers 409 with the
 * version in force. The form carries the answers over with migrateDraft, says what changed,
 * and the applicant checks, completes and submits again — nothing typed is lost.
 */
const id = 'thu-nghiem.toi-thieu';
const BEFORE = '2027-02-28';

/** 1.1.0 from 1 March 2027: the number of copies is gone, an e-mail is now required, the charge rises. */
function nextVersion(): string {
  const doc = parseDocument(MINIMAL_PROCEDURE);
  doc.set('version', '1.1.0');
  doc.set('effectiveDate', '2027-03-01');
  (doc.get('legalBasis') as { add(v: unknown): void }).add(doc.createNode({ id: 'tt-moi', number: '998/2026/TT-BTC', title: { vi: 'Thông tư sửa đổi (ví dụ)' } }));
  doc.set('changeBasis', doc.createNode(['tt-moi']));
  doc.setIn(['channels', 0, 'fees', 0, 'amount'], 12000);
  const fields = doc.getIn(['form', 'sections', 0, 'fields']) as { items: unknown[]; add(v: unknown): void };
  const copies = (doc.toJS() as { form: { sections: { fields: { id: string }[] }[] } }).form.sections[0]!.fields.findIndex((f) => f.id === 'so_ban');
  fields.items.splice(copies, 1);
  fields.add(doc.createNode({ id: 'email', type: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' }, required: true }));
  return doc.toString({ lineWidth: 0 });
}

let site: Site;
let browser: Browser;

beforeAll(async () => {
  const dirs = await buildSite('site-version-resubmit', {
    'catalogue/ho-tich/toi-thieu.yaml': MINIMAL_PROCEDURE,
    'catalogue/ho-tich/toi-thieu@1.1.0.yaml': nextVersion(),
  });
  // The server's today: 20 March 2027, past 1.1.0's start and the 7-day grace period.
  site = await startTestSite(dirs, { now: () => new Date('2027-03-20T03:00:00Z') });
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const heading = (page: Page) => page.locator('thutuc-form h2').first().textContent();

/** Continue through the steps to the review page, choosing the first option of any choice asked. */
async function toReview(page: Page): Promise<void> {
  for (let step = 0; step < 6 && (await heading(page)) !== 'Kiểm tra thông tin'; step++) {
    const radios = page.locator('thutuc-form input[type=radio]');
    if ((await radios.count()) && !(await page.locator('thutuc-form input[type=radio]:checked').count())) await radios.first().check();
    const before = await heading(page);
    await page.locator('thutuc-form button[type=submit]').click();
    await page.waitForFunction((h) => document.querySelector('thutuc-form')!.shadowRoot!.querySelector('h2')?.textContent !== h, before);
  }
  expect(await heading(page)).toBe('Kiểm tra thông tin');
}

describe('a submission refused because a newer version is in force', () => {
  it('moves the answers to that version, says what changed, and goes through once completed', async () => {
    const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}&today=${BEFORE}`);
    await page.locator('thutuc-form [name="/data/ho_ten"]').fill('Nguyễn Văn An');
    await page.locator('thutuc-form [name="/data/so_ban"]').fill('2');
    await page.locator('thutuc-form [name="/data/ngay_sinh"]').fill('1990-05-17');
    await toReview(page);
    // What the server answered each time: the 409 names the version sent and the one in force.
    const answers: Record<string, unknown>[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/submissions')) answers.push(r.json().then((body: Record<string, unknown>) => ({ status: r.status(), version: body.version, currentVersion: body.currentVersion })) as never);
    });
    const posted = async () => Promise.all(answers);
    await page.locator('thutuc-form button[type=submit]').click();

    // The same notice as a draft carried over at load, on the review page of the new version.
    const notice = page.locator('thutuc-form .notice', { hasText: 'Biểu mẫu đã cập nhật' });
    await notice.waitFor();
    expect(await notice.locator('p').textContent()).toBe('Biểu mẫu đã cập nhật theo Thông tư 998/2026/TT-BTC (áp dụng từ 01/03/2027): thêm 1 trường bắt buộc, bỏ 1 thông tin đã nhập, thay đổi phí, lệ phí.');
    expect(await notice.locator('li').allTextContents()).toEqual(['Cần khai thêm: Thư điện tử', 'Thông tin không còn dùng: Số bản']);
    expect(await heading(page)).toBe('Kiểm tra thông tin');
    const review = await page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.textContent ?? '');
    expect(review).toContain('Nguyễn Văn An');
    expect(review).toContain('12.000');
    expect(await page.locator('thutuc-form .error-summary').count()).toBe(0);
    expect(await posted()).toEqual([{ status: 409, version: '1.0.0', currentVersion: '1.1.0' }]);

    // Submitting again asks for the new required field, with the earlier answers still there.
    await page.locator('thutuc-form button[type=submit]').click();
    await page.locator('thutuc-form .error-summary').waitFor();
    expect(await page.locator('thutuc-form [name="/data/ho_ten"]').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.locator('thutuc-form [name="/data/ngay_sinh"]').inputValue()).toBe('1990-05-17');
    expect(await page.locator('thutuc-form [name="/data/so_ban"]').count()).toBe(0);
    await page.locator('thutuc-form [name="/data/email"]').fill('an@example.vn');
    await toReview(page);
    await page.locator('thutuc-form button[type=submit]').click();
    await page.locator('thutuc-form .receipt').waitFor();

    expect((await posted()).map((a) => a.status)).toEqual([409, 201]);
    const stored = (await site.dossiers()).at(-1)!.envelope as { procedure: { version: string }; data: Record<string, unknown> };
    expect(stored.procedure.version).toBe('1.1.0');
    expect(stored.data).toMatchObject({ ho_ten: 'Nguyễn Văn An', ngay_sinh: '1990-05-17', email: 'an@example.vn' });
    expect(stored.data).not.toHaveProperty('so_ban');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
