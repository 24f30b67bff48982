#!/usr/bin/env node
// The example agency site: its pages embedding <thutuc-form>, the script bundles, the browser
// catalogue, and the receiving server @thutuc/intake on the same origin.
// `npm start` builds everything and runs this file (port 8080, data in ./.thutuc-data).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntakeServer, paymentOptionsFromEnv } from '@thutuc/intake';
import { startFakeVnpay } from '@thutuc/intake/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The strict policy of csp.html: no inline code, no eval, only this origin. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/** The demo's merchant at the fake VNPay gateway, and a made-up account for VietQR transfers. */
const DEMO_VNPAY = { tmnCode: 'THUTUCDEMO', hashSecret: 'DEMOSECRETDEMOSECRETDEMOSECRET12' };
const DEMO_VIETQR = { bankBin: '970436', accountNumber: '0011000000000', accountName: 'CO QUAN MAU (DEMO)' };

/**
 * Starts the site. Options go to `createIntakeServer` (dataDir, databaseUrl, agencyCode,
 * province, limits, payments…); `testing` also serves axe-core for the browser tests;
 * `fakePayments` starts a local fake VNPay gateway (no real money) and takes VNPay and VietQR
 * payments through it, unless `payments` is given.
 */
export async function startExampleSite({
  port = 0,
  host = '127.0.0.1',
  catalogueDir = path.join(root, 'packages/catalogue/dist'),
  elementsDir = path.join(root, 'packages/elements/dist'),
  testing = false,
  fakePayments = false,
  ...intake
} = {}) {
  const gateway = fakePayments && !intake.payments ? await startFakeVnpay(DEMO_VNPAY) : undefined;
  const server = await createIntakeServer({
    catalogueDir,
    // The return page links back to this site's status page, where the applicant looks again.
    ...(gateway ? { payments: { vnpay: { ...DEMO_VNPAY, paymentUrl: gateway.paymentUrl, apiUrl: gateway.apiUrl }, vietqr: DEMO_VIETQR, statusPage: '/status.html' } } : {}),
    ...intake,
    site: {
      mounts: [
        { prefix: '/thutuc/', dir: elementsDir },
        { prefix: '/catalogue/', dir: path.join(catalogueDir, 'browser') },
        { prefix: '/catalogue-index/', dir: catalogueDir },
        ...(testing ? [{ prefix: '/test/axe/', dir: path.join(root, 'node_modules/axe-core') }] : []),
        { prefix: '/', dir: path.join(root, 'examples/site') },
      ],
      headers: (pathname) => (pathname === '/csp.html' || pathname === '/status.html' ? { 'Content-Security-Policy': STRICT_CSP } : {}),
    },
  });
  const url = await server.listen(port, host);
  if (gateway) gateway.ipnUrl = `${url}/api/payments/vnpay/ipn`;
  return {
    url, server, gateway,
    async close() {
      await server.close();
      await gateway?.close();
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const site = await startExampleSite({
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.THUTUC_DATA_DIR ?? path.join(root, '.thutuc-data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    // The agency identifier dossier codes start with, when the catalogue has none for a procedure.
    fallbackAgencyCode: env.THUTUC_AGENCY_CODE ?? '000.00.01.H38',
    // PROVINCE=01 applies that province's council-set fee amounts, when the catalogue has them.
    ...(env.PROVINCE ? { province: env.PROVINCE } : {}),
    // Real VNPay / VietQR settings from the environment (README); without them, a fake VNPay gateway.
    ...(env.VNPAY_TMN_CODE || env.VIETQR_BANK_BIN ? { payments: paymentOptionsFromEnv(env) } : { fakePayments: true }),
  });
  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Trang mẫu của cơ quan / example agency site: ${site.url}/
  trang thường / plain page:      ${site.url}/index.html
  CSP nghiêm ngặt / strict CSP:   ${site.url}/csp.html
  tra cứu hồ sơ / status page:    ${site.url}/status.html
  tiếp nhận hồ sơ / intake:       POST ${site.url}/api/submissions
  tra cứu / lookup:               POST ${site.url}/api/lookup
  OpenAPI:                        ${site.url}/openapi.json${site.gateway ? `
  VNPay thử nghiệm / fake VNPay:  ${site.gateway.url} (không có tiền thật / no real money)` : ''}
Ctrl+C để dừng / to stop.`);
}
