import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { buildCatalogue } from '@thutuc/compiler';
import type { IntakeServer } from '@thutuc/intake';
import type { FakeVnpay } from '@thutuc/intake/testing';
// @ts-expect-error plain JS start script of the example site
import { startExampleSite } from '../../examples/start.js';
import { axe, launch, root, screenshot } from './site.js';

/**
 * The demo's payment path in Chromium: `examples/start.js` with its fake VNPay gateway, the
 * applicant's browser sent to the gateway page, paying there, and back on the return page —
 * which shows what was paid, passes axe and breaks no CSP rule.
 */
const work = path.join(root, 'test/.tmp/site-payment');
let site: { url: string; server: IntakeServer; gateway: FakeVnpay; close(): Promise<void> };
let browser: Browser;
let version: string;

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  const built = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: path.join(work, 'catalogue'), cwd: root });
  if (!built.ok) throw new Error('catalogue build failed');
  version = (JSON.parse(await readFile(path.join(work, 'catalogue/index.json'), 'utf8')) as { procedures: { id: string; version: string }[] }).procedures.find((p) => p.id === 'ho-tich.dang-ky-khai-sinh')!.version;
  site = await startExampleSite({ catalogueDir: path.join(work, 'catalogue'), dataDir: path.join(work, 'data'), agencyCode: 'MAU', testing: true, fakePayments: true });
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Files a birth registration on time with one certified copy (8.000 đ) through the API. */
async function fileOne(): Promise<{ code: string; secret: string }> {
  const born = new Date(Date.now() + 7 * 3_600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
  const bytes = Buffer.from('%PDF-1.4 giay chung sinh');
  const envelope = {
    procedure: { id: 'ho-tich.dang-ky-khai-sinh', version }, channel: 'online', delivery: 'online', lang: 'vi', idempotencyKey: randomUUID(), clientTime: new Date().toISOString(),
    data: await exampleData(born),
    documents: { 'giay-chung-sinh': [{ name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }] },
  };
  const body = new FormData();
  body.append('envelope', new Blob([JSON.stringify(envelope)], { type: 'application/json' }), 'envelope.json');
  body.append('documents/giay-chung-sinh/0', new Blob([bytes], { type: 'application/pdf' }), 'giay-chung-sinh.pdf');
  const r = await fetch(`${site.url}/api/submissions`, { method: 'POST', body, headers: { 'Idempotency-Key': envelope.idempotencyKey } });
  const receipt = (await r.json()) as { dossierCode: string; lookupSecret: string };
  expect(r.status).toBe(201);
  return { code: receipt.dossierCode, secret: receipt.lookupSecret };
}

async function exampleData(born: string): Promise<Record<string, unknown>> {
  const doc = parse(await readFile(path.join(root, 'catalogue/ho-tich/dang-ky-khai-sinh.examples.yaml'), 'utf8')) as { examples: { name: string; submission: { data: Record<string, unknown> } }[] };
  const data = structuredClone(doc.examples.find((e) => e.name === 'truc-tuyen-dung-han-co-cha-me')!.submission.data);
  return { ...data, ngay_sinh_tre: born, yeu_cau_ban_sao: true, so_ban_sao: 1 };
}

describe('paying through the demo VNPay gateway', () => {
  it('goes from the pay request to the gateway page and back to a return page showing what was paid', async () => {
    const dossier = await fileOne();
    const started = await fetch(`${site.url}/api/payments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...dossier, provider: 'vnpay' }) });
    const { redirectUrl } = (await started.json()) as { redirectUrl: string };
    expect(redirectUrl.startsWith(site.gateway.paymentUrl)).toBe(true);

    const page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    try {
      await page.goto(redirectUrl);
      expect(await page.locator('#amount').textContent()).toBe('8.000 VND');
      await screenshot(page, 'payment-gateway');
      await page.getByRole('button', { name: /Thanh toán/ }).click();
      await page.waitForURL(/\/api\/payments\/vnpay\/return\?/);
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.violatedDirective));
      });
      await page.reload();
      expect(await page.locator('h1').textContent()).toContain('Thanh toán thành công');
      expect(await page.locator('table').textContent()).toMatch(/Phí cấp bản sao Giấy khai sinh.*8\.000/);
      await screenshot(page, 'payment-return');
      // axe runs through the debugging protocol, which the page's strict CSP does not govern.
      const violations = await axe(page, 'inline');
      expect(violations).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    } finally {
      await page.close();
    }
    const lookup = (await (await fetch(`${site.url}/api/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(dossier) })).json()) as { payment: { state: string } };
    expect(lookup.payment.state).toBe('paid');
    expect(site.gateway.ipns.map((i) => i.answer?.RspCode)).toEqual(['00']);
  });
});
