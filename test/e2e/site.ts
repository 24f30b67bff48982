import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCatalogue } from '@thutuc/compiler';
// @ts-expect-error plain JS modules of the example site
import { startSite } from '../../examples/server/server.js';
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

export interface Site {
  url: string;
  storeDir: string;
  dossiers: { receipt: { dossierCode: string }; envelope: Record<string, unknown>; files: unknown[] }[];
  close(): Promise<void>;
}

/** Each test file builds into a folder of its own (`name`), so files can run side by side. */
export async function buildSite(name: string): Promise<{ catalogueDir: string; elementsDir: string }> {
  const work = path.join(tmp, name);
  const src = path.join(work, 'src');
  const catalogueDir = path.join(work, 'catalogue');
  const elementsDir = path.join(work, 'elements');
  await rm(work, { recursive: true, force: true });
  await mkdir(src, { recursive: true });
  await cp(path.join(root, 'catalogue'), path.join(src, 'catalogue'), { recursive: true });
  await cp(path.join(root, 'test/fixtures/xss'), path.join(src, 'xss'), { recursive: true });
  const result = await buildCatalogue({ inputs: [src], outDir: catalogueDir, cwd: root, browser: true });
  if (!result.ok) throw new Error(`catalogue build failed: ${result.diagnostics.map((d) => d.message.en).join('; ')}`);
  await bundleElements(elementsDir);
  return { catalogueDir, elementsDir };
}

export async function startTestSite(dirs: { catalogueDir: string; elementsDir: string }): Promise<Site> {
  const dossiers: Site['dossiers'] = [];
  const storeDir = path.join(path.dirname(dirs.catalogueDir), `store-${Date.now()}`);
  const site = await startSite({ ...dirs, storeDir, testing: true, hooks: { onDossier: (d: Site['dossiers'][number]) => dossiers.push(d) } });
  return { url: site.url, storeDir, dossiers, close: site.close };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Opens a page that records CSP violations and page errors from the first byte. */
export async function open(browser: Browser, url: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.locator('thutuc-form h2').first().waitFor();
  return { page, pageErrors };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Runs axe-core (served same-origin) over the page, shadow DOM included. */
export async function axe(page: Page): Promise<{ id: string; nodes: number; help: string }[]> {
  await page.addScriptTag({ url: '/test/axe/axe.min.js' });
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await a.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
  });
}
