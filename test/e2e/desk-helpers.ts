import type { Browser, Page } from 'playwright-core';
import { createOfficer } from '@thutuc/intake';
import { submission, submit } from '../../packages/intake/test/helpers.js';
import { watch, type Site } from './site.js';

/**
 * Shared by the desk's browser tests: officers of two agencies, dossiers filed through the
 * API (as the form files them), and a page that records CSP violations and script errors.
 */
export const PASSWORD = 'mat-khau-du-dai-1';

export async function seedOfficers(site: Site): Promise<void> {
  const db = site.server.database.db;
  await createOfficer(db, { username: 'motcua', displayName: 'Nguyễn Văn Một Cửa', agencyCode: 'MAU', roles: ['reception', 'processing', 'leadership'], password: PASSWORD });
  await createOfficer(db, { username: 'tinhkhac', displayName: 'Cán bộ tỉnh khác', agencyCode: 'KHAC', roles: ['reception', 'processing', 'leadership'], password: PASSWORD });
}

/** A date `days` before today in Vietnam. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Files a birth registration for `name` (the applicant), registered on time (born three days
 * ago) with two certified copies, so 16.000 đ is owed, the result delivered as `delivery` says;
 * answers its code and lookup secret.
 */
export async function fileDossier(site: Site, catalogueDir: string, name: string, delivery?: 'online' | 'post' | 'in_person'): Promise<{ code: string; secret: string }> {
  const s = await submission(catalogueDir, (e) => {
    Object.assign(e.data as Record<string, unknown>, { ho_ten_nguoi_yeu_cau: name, ngay_sinh_tre: daysAgo(3) });
    if (delivery) Object.assign(e, { delivery });
  });
  const r = await submit(site.url, s);
  if (r.status !== 201) throw new Error(`submission failed: ${r.status} ${JSON.stringify(r.json)}`);
  return { code: r.json!.dossierCode as string, secret: r.json!.lookupSecret as string };
}

export async function openDesk(browser: Browser, url: string): Promise<{ page: Page; pageErrors: string[]; csp: string | undefined }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = await watch(page);
  const response = await page.goto(url);
  return { page, pageErrors, csp: response?.headers()['content-security-policy'] };
}

export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(/Tên đăng nhập|User name/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByLabel(/Mật khẩu|Password/).press('Enter');
}
