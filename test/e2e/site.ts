import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCatalogue } from '@thutuc/compiler';
// @ts-expect-error plain JS start script of the example site
import { startExampleSite } from '../../examples/start.js';
import type { IntakeOptions, IntakeServer } from '@thutuc/intake';
import type { FakeVnpay } from '@thutuc/intake/testing';
// @ts-expect-error plain JS build script
import { bundleElements } from '../../packages/elements/scripts/bundle.js';

/**
 * Builds what `npm start` builds (the catalogue plus a fixture with hostile text, the
 * bundles, the browser catalogue) into test/.tmp/<name>, serves the example site on
 * loopback and opens Debian's Chromium. Shared by the browser test files.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = path.join(root, 'test/.tmp');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface StoredDossier {
  receipt: { dossierCode: string };
  envelope: Record<string, unknown>;
}

export interface Site {
  url: string;
  dataDir: string;
  server: IntakeServer;
  /** The local fake VNPay gateway, when the site was started with `fakePayments`. */
  gateway: FakeVnpay | undefined;
  /** The dossiers in the server's database, oldest first. */
  dossiers(): Promise<StoredDossier[]>;
  close(): Promise<void>;
}

/** Each test file builds into a folder of its own (`name`), so files can run side by side. */
export async function buildSite(name: string, extra: Record<string, string> = {}): Promise<{ catalogueDir: string; elementsDir: string }> {
  const work = path.join(tmp, name);
  const src = path.join(work, 'src');
  const catalogueDir = path.join(work, 'catalogue');
  const elementsDir = path.join(work, 'elements');
  await rm(work, { recursive: true, force: true });
  await mkdir(src, { recursive: true });
  await cp(path.join(root, 'catalogue'), path.join(src, 'catalogue'), { recursive: true });
  await cp(path.join(root, 'test/fixtures/xss'), path.join(src, 'xss'), { recursive: true });
  for (const [file, text] of Object.entries(extra)) await writeFile(path.join(src, file), text);
  const result = await buildCatalogue({ inputs: [src], outDir: catalogueDir, cwd: root, browser: true });
  if (!result.ok) throw new Error(`catalogue build failed: ${result.diagnostics.map((d) => d.message.en).join('; ')}`);
  await bundleElements(elementsDir);
  return { catalogueDir, elementsDir };
}

/**
 * Serves the site with @thutuc/intake on a fresh PGlite data folder (or the database at
 * `intake.databaseUrl`); dossier codes start with MAU. `intake` adds server options (payments…);
 * `fakePayments` starts the example site's fake VNPay gateway, as `npm start` does.
 */
export async function startTestSite(dirs: { catalogueDir: string; elementsDir: string }, intake: Partial<IntakeOptions> & { fakePayments?: boolean } = {}): Promise<Site> {
  const dataDir = path.join(path.dirname(dirs.catalogueDir), `data-${Date.now()}`);
  const site = (await startExampleSite({ ...dirs, dataDir, agencyCode: 'MAU', testing: true, ...intake })) as { url: string; server: IntakeServer; gateway?: FakeVnpay; close(): Promise<void> };
  const dossiers = async () => {
    const rows = await site.server.database.db.selectFrom('dossiers').select(['receipt', 'envelope']).orderBy('id').execute();
    return rows.map((r) => ({ receipt: r.receipt as unknown as StoredDossier['receipt'], envelope: r.envelope }));
  };
  return { url: site.url, dataDir, server: site.server, gateway: site.gateway, dossiers, close: site.close };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Opens a page that records CSP violations and page errors from the first byte, and waits for `ready`. */
export async function open(browser: Browser, url: string, ready = 'thutuc-form h2'): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage();
  const pageErrors = await watch(page);
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  return { page, pageErrors };
}

/** Records the page's script errors (returned, filled as they happen) and CSP violations (`cspViolations`). */
export async function watch(page: Page): Promise<string[]> {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return pageErrors;
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/**
 * Runs axe-core over the page, shadow DOM included: served same-origin by the test site, or —
 * on a page whose policy allows no script at all (papers, the payment return page) — `inline`,
 * through the debugging protocol, which the page's CSP does not govern.
 */
export async function axe(page: Page, how: 'served' | 'inline' = 'served'): Promise<{ id: string; nodes: number; help: string }[]> {
  if (how === 'served') await page.addScriptTag({ url: '/test/axe/axe.min.js' });
  else await page.evaluate(await readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
  });
}

/**
 * Screenshots for the README: always written under test/.tmp, copied over docs/images when
 * UPDATE_SCREENSHOTS=1 (so a test run leaves the working tree alone). The whole page by
 * default; `only` takes one element (e.g. the page's `main`), `fullPage: false` the viewport.
 */
export async function screenshot(page: Page, name: string, options: { only?: string; fullPage?: boolean } = {}): Promise<void> {
  const shot = path.join(tmp, 'screenshots', `${name}.png`);
  await mkdir(path.dirname(shot), { recursive: true });
  if (options.only) await page.locator(options.only).first().screenshot({ path: shot });
  else await page.screenshot({ path: shot, fullPage: options.fullPage ?? true });
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await mkdir(path.join(root, 'docs/images'), { recursive: true });
  await copyFile(shot, path.join(root, 'docs/images', `${name}.png`));
}
