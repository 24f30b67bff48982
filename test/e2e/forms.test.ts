import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, fillStepByKeyboard, pdf, settled, valueAt } from './form-helpers.js';
import { axe, buildSite, cspViolations, launch, open, root, startTestSite, type Site } from './site.js';

/**
 * The example agency site in real headless Chromium: every procedure renders, axe finds
 * nothing, birth registration goes through with the keyboard alone, errors lead to their
 * fields, a reload keeps values, a failed network keeps everything and the retry makes one
 * dossier, the strict-CSP page works, and hostile text never runs.
 */
let site: Site;
let browser: Browser;
let procedureIds: string[];

beforeAll(async () => {
  const dirs = await buildSite('site-forms');
  site = await startTestSite(dirs);
  browser = await launch();
  const index = JSON.parse(await readFile(path.join(dirs.catalogueDir, 'index.json'), 'utf8')) as { procedures: { id: string }[] };
  procedureIds = index.procedures.map((p) => p.id);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const formText = (page: Page) => page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.textContent ?? '');

describe('every catalogue procedure', () => {
  it('renders its first step on the example site with no accessibility violations', async () => {
    for (const id of procedureIds) {
      const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}`);
      expect(await page.locator('thutuc-form .progress').textContent(), id).toMatch(/^Bước 1\/\d+/);
      expect(await axe(page), id).toEqual([]);
      expect(pageErrors, id).toEqual([]);
      await page.close();
    }
  });
});

describe('birth registration', () => {
  const id = 'ho-tich.dang-ky-khai-sinh';

  it('can be completed with the keyboard alone, and posts exactly the envelope and the files', async () => {
    const { submission, today } = await example(id, 'truc-tuyen-dung-han-co-cha-me');
    const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.evaluate((t) => document.querySelector('thutuc-form')!.setAttribute('today', t!), today);
    const upload = pdf('giay-chung-sinh.pdf', 'giấy chứng sinh của bé Minh Anh');
    const requests: { headers: Record<string, string>; body: Buffer | null }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/submissions')) requests.push({ headers: r.headers(), body: r.postDataBuffer() });
    });
    const before = (await site.dossiers()).length;
    for (let step = 0; step < 12; step++) {
      if (await page.locator('thutuc-form .receipt').count()) break;
      expect(await axe(page), `step ${step + 1}`).toEqual([]);
      await fillStepByKeyboard(page, submission, { 'giay-chung-sinh': [upload] });
      await settled(page);
    }
    await page.locator('thutuc-form .receipt').waitFor();
    expect(await axe(page), 'confirmation').toEqual([]);
    expect(pageErrors).toEqual([]);

    expect((await site.dossiers()).length).toBe(before + 1);
    const { envelope, receipt } = (await site.dossiers()).at(-1)!;
    expect(await formText(page)).toContain(receipt.dossierCode);
    expect(envelope).toMatchObject({ procedure: { id, version: expect.any(String) }, channel: 'online', delivery: submission.delivery, lang: 'vi' });
    expect(envelope.data).toEqual(submission.data);
    expect(envelope.documents).toEqual({
      'giay-chung-sinh': [{ name: upload.name, type: 'application/pdf', size: upload.buffer.length, sha256: createHash('sha256').update(upload.buffer).digest('hex') }],
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers['idempotency-key']).toBe(envelope.idempotencyKey);
    expect(requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

    // The receipt links to the status page with the code and secret after '#', and it opens the dossier.
    const href = await page.locator('thutuc-form [part="status-link"]').getAttribute('href');
    expect(href).toMatch(new RegExp(`^/status\\.html#code=${encodeURIComponent(receipt.dossierCode).replace(/\./g, '\\.')}&secret=[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$`));
    await page.locator('thutuc-form [part="status-link"]').click();
    await page.locator('thutuc-status #status-heading').waitFor();
    expect(await page.locator('thutuc-status .code').innerText()).toBe(receipt.dossierCode);
    expect(await page.locator('thutuc-status [part~="status"]').innerText()).toMatch(/Mới đăng ký/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows required-field errors in a summary that takes focus, and each link moves focus to its field', async () => {
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.locator('thutuc-form button[type=submit]').click();
    const summary = page.locator('thutuc-form .error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.activeElement?.classList.contains('error-summary'))).toBe(true);
    const links = summary.locator('a');
    expect(await links.count()).toBeGreaterThanOrEqual(5);
    expect(await links.first().textContent()).toMatch(/^Vui lòng nhập/);
    const target = (await links.nth(1).getAttribute('href'))!.slice(1);
    await links.nth(1).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.activeElement?.id)).toBe(target);
    const invalid = page.locator(`thutuc-form #${target}`);
    expect(await invalid.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await invalid.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain(`${target}-error`);
    expect(await page.locator(`thutuc-form #${target}-error`).textContent()).toMatch(/^Lỗi: /);
    await page.close();
  });

  it('focuses the summary on every Continue with errors, and what is typed next stays in its field', async () => {
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    const submit = page.locator('thutuc-form button[type=submit]');
    await submit.click();
    await page.locator('thutuc-form .error-summary').waitFor();
    await submit.click();
    await page.waitForFunction(() => document.querySelector('thutuc-form')!.shadowRoot!.activeElement?.classList.contains('error-summary'));
    const field = page.locator('thutuc-form [name="/data/kinh_gui"]');
    await field.click();
    await page.keyboard.type('Ủy ban nhân dân xã Mẫu');
    expect(await field.inputValue()).toBe('Ủy ban nhân dân xã Mẫu');
    expect(await page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.activeElement?.getAttribute('name'))).toBe('/data/kinh_gui');
    await page.close();
  });

  it('restores what was typed after a reload, with a notice and a way to start over', async () => {
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.locator('thutuc-form [name="/data/kinh_gui"]').fill('Ủy ban nhân dân xã Mẫu');
    await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').fill('Lê Thị Hồng');
    await page.reload();
    await page.locator('thutuc-form h2').first().waitFor();
    expect(await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('Lê Thị Hồng');
    expect(await formText(page)).toContain('khôi phục thông tin');
    await page.locator('thutuc-form button', { hasText: 'Khai lại từ đầu' }).click();
    expect(await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('');
    await page.reload();
    await page.locator('thutuc-form h2').first().waitFor();
    expect(await page.locator('thutuc-form [name="/data/ho_ten_nguoi_yeu_cau"]').inputValue()).toBe('');
    await page.close();
  });
});

describe('the address picker', () => {
  const id = 'ho-tich.dang-ky-khai-sinh';
  const base = '/data/noi_cu_tru_nguoi_yeu_cau';
  const shadow = (page: Page, selector: string) => page.evaluate((sel) => document.querySelector('thutuc-form')!.shadowRoot!.querySelector(sel)?.outerHTML ?? null, selector);

  it('takes Thành phố Hà Nội, then "ba dinh" and the keyboard to Phường Ba Đình; review shows names, the dossier holds codes', async () => {
    const { submission, today } = await example(id, 'truc-tuyen-dung-han-co-cha-me');
    const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.evaluate((t) => document.querySelector('thutuc-form')!.setAttribute('today', t!), today);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const commune = page.locator(`thutuc-form input[name="${base}/commune"]`);
    expect(await commune.isDisabled()).toBe(true);
    expect(requests.filter((r) => /\/communes\/\d{2}\.json$/.test(r))).toEqual([]);

    await page.locator(`thutuc-form select[name="${base}/province"]`).selectOption({ label: 'Thành phố Hà Nội' });
    await page.waitForFunction((n) => document.querySelector('thutuc-form')!.shadowRoot!.querySelector(`input[name="${n}"]`)?.getAttribute('aria-busy') === 'false', `${base}/commune`);
    // Only the chosen province's names came down.
    expect(requests.filter((r) => /\/communes\/\d{2}\.json$/.test(r)).map((r) => r.split('/').pop())).toEqual(['01.json']);

    await commune.focus();
    await page.keyboard.type('ba');
    expect(await commune.getAttribute('aria-expanded')).toBe('true');
    const options = page.locator(`thutuc-form #${await commune.getAttribute('aria-controls')} [role=option]`);
    const count = await options.count();
    expect(count).toBeGreaterThan(2);
    expect(await axe(page), 'with the list open').toEqual([]);
    const activeText = async () => {
      const activeId = await commune.getAttribute('aria-activedescendant');
      return activeId ? page.locator(`thutuc-form #${activeId}`).textContent() : null;
    };
    await page.keyboard.press('ArrowDown');
    expect(await activeText()).toBe(await options.first().textContent());
    await page.keyboard.press('End');
    expect(await activeText()).toBe(await options.last().textContent());
    await page.keyboard.press('Home');
    expect(await activeText()).toBe(await options.first().textContent());
    await page.keyboard.press('ArrowUp'); // wraps to the last
    expect(await activeText()).toBe(await options.last().textContent());
    await page.keyboard.press('Escape');
    expect(await commune.getAttribute('aria-expanded')).toBe('false');
    expect(await commune.getAttribute('aria-activedescendant')).toBeNull();
    expect(await commune.inputValue()).toBe('ba');

    await page.keyboard.type(' dinh');
    expect(await options.first().textContent()).toBe('Phường Ba Đình');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(`thutuc-form #${await commune.getAttribute('aria-activedescendant')}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await commune.inputValue()).toBe('Phường Ba Đình');
    expect(await commune.getAttribute('aria-expanded')).toBe('false');
    expect(await shadow(page, '.error-summary')).toBeNull(); // Enter chose; it did not submit the step
    expect(await axe(page), 'after choosing').toEqual([]);

    // The rest of the form as the applicant would fill it; the address is done.
    const data = { ...(submission.data as Record<string, unknown>) };
    const street = (data.noi_cu_tru_nguoi_yeu_cau as { street: string }).street;
    await page.locator(`thutuc-form input[name="${base}/street"]`).fill(street);
    delete data.noi_cu_tru_nguoi_yeu_cau;
    const upload = pdf('giay-chung-sinh.pdf', 'giấy chứng sinh');
    let reviewed = '';
    for (let step = 0; step < 12; step++) {
      if (await page.locator('thutuc-form .receipt').count()) break;
      const text = await formText(page);
      if (text.includes('Kiểm tra thông tin')) reviewed = text;
      await fillStepByKeyboard(page, { ...submission, data }, { 'giay-chung-sinh': [upload] });
      await settled(page);
    }
    await page.locator('thutuc-form .receipt').waitFor();
    expect(reviewed).toContain(`${street}, Phường Ba Đình, Thành phố Hà Nội`);
    expect(reviewed).not.toContain('Mã xã');
    const { envelope } = (await site.dossiers()).at(-1)!;
    expect((envelope.data as Record<string, unknown>).noi_cu_tru_nguoi_yeu_cau).toEqual({ province: '01', commune: '00004', street });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('empties the commune when the province changes, and the validator refuses a commune of another province', async () => {
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    const province = page.locator(`thutuc-form select[name="${base}/province"]`);
    const commune = page.locator(`thutuc-form input[name="${base}/commune"]`);
    await province.selectOption('01');
    await commune.click();
    await page.keyboard.type('phuong ba dinh');
    await page.keyboard.press('Enter'); // a single match is chosen by Enter
    expect(await commune.inputValue()).toBe('Phường Ba Đình');
    await province.selectOption('38');
    expect(await commune.inputValue()).toBe('');
    await commune.click();
    await page.keyboard.type('xa ba dinh');
    await page.keyboard.press('Enter');
    expect(await commune.inputValue()).toBe('Xã Ba Đình');
    // The compiled validator the server runs refuses Thanh Hóa's Xã Ba Đình in Hà Nội against the
    // catalogue's codes; the browser chunk runs the same code without the codes, with what the
    // form has loaded: Hà Nội's list refuses it, and with no list loaded nothing is refused.
    const payload = { channel: 'online', delivery: 'online', data: { noi_cu_tru_nguoi_yeu_cau: { province: '01', commune: '16171', street: 'x' } } };
    const server = await import(pathToFileURL(path.join(root, 'test/.tmp/site-forms/catalogue/procedures', id, 'index.js')).href);
    const onServer = server.validate(payload).errors.filter((e: { path: string }) => e.path.includes('noi_cu_tru'));
    expect(onServer).toEqual([expect.objectContaining({ path: `${base}/commune`, rule: 'commune' })]);
    // A string, so the test runner does not rewrite the page's dynamic import.
    const inPage = (await page.evaluate(`Promise.all([
      import(${JSON.stringify(`${site.url}/catalogue/procedures/${id}.js`)}),
      fetch(${JSON.stringify(`${site.url}/catalogue/communes/01.json`)}).then((r) => r.json()),
    ]).then(([m, list]) => {
      const codes = new Set(list.communes.map((c) => c.code));
      const mine = (e) => e.path.includes('noi_cu_tru');
      const known = { hasProvince: (p) => p === '01', contains: (p, c) => codes.has(c) };
      const unknown = { hasProvince: () => true, contains: () => true };
      return { known: m.validate(${JSON.stringify(payload)}, { communes: known }).errors.filter(mine), unknown: m.validate(${JSON.stringify(payload)}, { communes: unknown }).errors.filter(mine) };
    })`)) as Record<'known' | 'unknown', { path: string; rule: string }[]>;
    expect(inPage.known).toEqual(onServer);
    expect(inPage.unknown).toEqual([]);
    await page.close();
  });
  it("flags a commune of another province once that province's list has arrived, and keeps the value", async () => {
    const { page, pageErrors } = await open(browser, `${site.url}/csp.html?id=${id}`);
    await page.locator(`thutuc-form select[name="${base}/province"]`).waitFor();
    // A draft naming Thanh Hóa's Xã Ba Đình (16171) under Hà Nội, as a hand-edited draft or an older list might.
    const version = await page.evaluate(`import(${JSON.stringify(`${site.url}/catalogue/procedures/${id}.js`)}).then((m) => m.version)`);
    const key = `thutuc:draft:${id}@${String(version)}`;
    const draft = { data: { noi_cu_tru_nguoi_yeu_cau: { province: '01', commune: '16171', street: 'Số 1' } }, step: 0, savedAt: new Date().toISOString() };
    await page.evaluate(([k, d]) => localStorage.setItem(k!, d!), [key, JSON.stringify(draft)]);
    await page.reload();
    await page.locator('thutuc-form button[type="submit"]').click();
    // The browser chunk has no codes: the check runs on Hà Nội's list, which the picker fetched for this address.
    await page.locator('thutuc-form .error-summary', { hasText: 'Xã, phường này không thuộc tỉnh, thành phố đã chọn' }).waitFor();
    expect(await page.locator(`thutuc-form select[name="${base}/province"]`).inputValue()).toBe('01');
    const kept = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!) as typeof draft;
    expect(kept.data.noi_cu_tru_nguoi_yeu_cau).toEqual(draft.data.noi_cu_tru_nguoi_yeu_cau);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('what loads on demand', () => {
  it('fetches the address picker only for a form with an address field, English only for lang="en", and never the commune codes', async () => {
    const requested = async (url: string) => {
      const { page } = await open(browser, url);
      const paths: string[] = [];
      page.on('requestfinished', (r) => paths.push(new URL(r.url()).pathname));
      await page.reload();
      await page.locator('thutuc-form h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      const text = await formText(page);
      await page.close();
      return { scripts: paths.filter((p) => p.startsWith('/thutuc/') || p.startsWith('/catalogue/chunks/') || p.startsWith('/catalogue/communes/')), text };
    };
    const withoutAddress = await requested(`${site.url}/csp.html?id=chung-thuc.chung-thuc-chu-ky`);
    expect(withoutAddress.scripts).not.toContain('/thutuc/thutuc-address.js');
    expect(withoutAddress.scripts).not.toContain('/thutuc/thutuc-en.js');
    expect(withoutAddress.scripts.filter((p) => p.includes('/communes/'))).toEqual([]);
    const withAddress = await requested(`${site.url}/csp.html?id=ho-tich.dang-ky-khai-sinh&lang=en`);
    expect(withAddress.scripts).toEqual(expect.arrayContaining(['/thutuc/thutuc.js', '/thutuc/thutuc-address.js', '/thutuc/thutuc-en.js', '/catalogue/communes/provinces.json']));
    expect(withAddress.scripts.filter((p) => /codes|\/communes\/\d{2}\.json$/.test(p))).toEqual([]);
    expect(withAddress.text).toContain('Step 1 of');
    expect(withAddress.text).toContain('Province or city');
  });
});

describe('the fee summary', () => {
  it('shows the itemised total the fee engine computes for the same answers', async () => {
    const id = 'ho-tich.cap-ban-sao-trich-luc-ho-tich';
    const { submission, today } = await example(id, 'ca-nhan-truc-tuyen');
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.evaluate((t) => t && document.querySelector('thutuc-form')!.setAttribute('today', t), today);
    const uploads = Object.fromEntries(Object.entries((submission.documents ?? {}) as Record<string, { name: string }[]>).map(([doc, files]) => [doc, files.map((f) => pdf(f.name, doc))]));
    for (let step = 0; step < 12 && !(await page.locator('thutuc-form table.fees').count()); step++) {
      await fillStepByKeyboard(page, submission, uploads);
      await settled(page);
    }
    const shown = (await page.locator('thutuc-form table.fees tfoot td').first().textContent())!.trim();
    const { computeFees, formatAmount } = await import('@thutuc/runtime');
    const mod = await import(pathToFileURL(path.join(root, 'test/.tmp/site-forms/catalogue/procedures', id, 'index.js')).href);
    const engine = computeFees(mod.definition, mod.conditions, submission as never, today ? { today } : {});
    expect(engine.totals.VND).toBeGreaterThan(0);
    expect(shown).toBe(formatAmount(engine.totals.VND!, 'VND', 'vi'));
    await page.close();
  });
});

describe('an unknown fee', () => {
  it('never reads as free or as zero on the fees step', async () => {
    const id = 'an-toan-thuc-pham.cap-giay-chung-nhan-co-so-du-dieu-kien-attp';
    const { submission, today } = await example(id, 'co-so-san-xuat');
    const { page, pageErrors } = await open(browser, `${site.url}/index.html?id=${id}`);
    await page.evaluate((t) => document.querySelector('thutuc-form')!.setAttribute('today', t!), today);
    const uploads = Object.fromEntries(Object.keys(submission.documents as object).map((d) => [d, [pdf(`${d}.pdf`, d)]]));
    const table = page.locator('thutuc-form table.fees');
    for (let step = 0; step < 12 && !(await table.count()); step++) {
      await fillStepByKeyboard(page, submission, uploads);
      await settled(page);
    }
    const shown = (await page.locator('thutuc-form form').textContent())!.replace(/\s+/g, ' ');
    expect(shown).toContain('Lệ phí và nhận kết quả');
    expect(await table.locator('tbody td.amount').allTextContents()).toEqual(['Chưa có thông tin']);
    expect(await table.locator('tfoot td.amount').textContent()).toBe('Chưa xác định');
    expect(shown).toContain('Tổng chưa gồm khoản thu chưa có thông tin về mức thu');
    expect(shown).not.toMatch(/Miễn|không thu phí|(^|[^\d.])0\s*(₫|đ|VND)/);
    expect(await axe(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('a failed submission', () => {
  it('keeps every value, says what happened, and the retry creates exactly one dossier', async () => {
    const id = 'ho-tich.cap-ban-sao-trich-luc-ho-tich';
    const { page } = await open(browser, `${site.url}/index.html?id=${id}`);
    const { submission, today } = await example(id, 'ca-nhan-truc-tuyen');
    await page.evaluate((t) => t && document.querySelector('thutuc-form')!.setAttribute('today', t), today);
    const keys: string[] = [];
    let failNext = true;
    await page.route('**/api/submissions', async (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      if (failNext) {
        failNext = false;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    const uploads = Object.fromEntries(Object.entries((submission.documents ?? {}) as Record<string, { name: string }[]>).map(([doc, files]) => [doc, files.map((f) => pdf(f.name, doc))]));
    const before = (await site.dossiers()).length;
    for (let step = 0; step < 12; step++) {
      if (await page.locator('thutuc-form .error-summary').count()) break;
      await fillStepByKeyboard(page, submission, uploads);
      await settled(page);
    }
    const summary = page.locator('thutuc-form .error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Không kết nối được tới máy chủ');
    expect((await site.dossiers()).length).toBe(before);
    // still on the review page with every answer
    expect(await formText(page)).toContain(String(valueAt(submission, '/data/ho_ten_nguoi_yeu_cau') ?? ''));
    await page.locator('thutuc-form button[type=submit]', { hasText: 'Nộp lại' }).click();
    await page.locator('thutuc-form .receipt').waitFor();
    expect((await site.dossiers()).length).toBe(before + 1);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    await page.close();
  });
});

describe('the strict-CSP page', () => {
  it('renders and validates with no CSP violation', async () => {
    const { page, pageErrors } = await open(browser, `${site.url}/csp.html?id=ho-tich.dang-ky-khai-sinh`);
    const response = await page.request.get(`${site.url}/csp.html`);
    expect(response.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'");
    await page.locator('thutuc-form button[type=submit]').click();
    await page.locator('thutuc-form .error-summary').waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('hostile text', () => {
  it('from the catalogue and from the applicant is shown as text and never runs', async () => {
    const { page } = await open(browser, `${site.url}/csp.html?id=thu-nghiem.xss`);
    await page.locator('thutuc-form [name="/data/ten"]').fill('<img src=x onerror="window.__xss=\'input\'"><script>window.__xss="input2"</script>');
    for (let step = 0; step < 3; step++) {
      const radios = page.locator('thutuc-form input[type=radio]');
      if (await radios.count()) await radios.first().check();
      await page.locator('thutuc-form button[type=submit]').click();
      await settled(page);
    }
    const text = await formText(page);
    expect(text).toContain('<img src=x onerror="window.__xss=\'input\'">');
    expect(text).toContain('<img src=x onerror="window.__xss=\'fee\'">');
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('thutuc-form')!.shadowRoot!.querySelectorAll('img, script, iframe, svg').length)).toBe(0);
    expect(await page.locator('thutuc-form h2').first().textContent()).toBe('Kiểm tra thông tin');
    await page.locator('thutuc-form button[type=submit]').click();
    await page.locator('thutuc-form .receipt').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
