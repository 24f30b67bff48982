// Browser figures: bundle sizes (min+gzip) and how long <thutuc-form> takes to render a
// procedure's first step in headless Chromium. Prints figures; asserts nothing about time.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildCatalogue } from '@thutuc/compiler';
import { startExampleSite } from '../examples/start.js';
import { bundleElements } from '../packages/elements/scripts/bundle.js';
import { bundleBrowserChunks } from '@thutuc/compiler';
import { writeSyntheticCatalogue } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test/.tmp/bench-render');
const gz = async (file) => gzipSync(await readFile(file)).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

await rm(work, { recursive: true, force: true });
// 50 fields (2 sections of 25) and 200 fields (one section of 200): the first step holds them.
await writeSyntheticCatalogue(path.join(work, 'src/small'), 1, { sectionCount: 2, fieldsPerSection: 25 });
await writeSyntheticCatalogue(path.join(work, 'src/large'), 1, { sectionCount: 1, fieldsPerSection: 200 });
const catalogueDir = path.join(work, 'catalogue');
const elementsDir = path.join(work, 'elements');
// both synthetic procedures are generated as number 0: give them ids of their own
const smallFile = path.join(work, 'src/small/tong-hop/thu-tuc-0.yaml');
await writeFile(smallFile, (await readFile(smallFile, 'utf8')).replace('id: tong-hop.thu-tuc-0', 'id: tong-hop.nam-muoi-truong').replace('"1.100000"', '"1.100050"'));
const largeFile = path.join(work, 'src/large/tong-hop/thu-tuc-0.yaml');
await writeFile(largeFile, (await readFile(largeFile, 'utf8')).replace('id: tong-hop.thu-tuc-0', 'id: tong-hop.hai-tram-truong').replace('"1.100000"', '"1.100200"'));
const built = await buildCatalogue({ inputs: [path.join(work, 'src'), path.join(root, 'catalogue')], outDir: catalogueDir, cwd: root });
if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message.en).join('\n'));
await bundleElements(elementsDir);
await bundleBrowserChunks(catalogueDir);

console.log('bundles (minified + gzip)');
console.log(`  thutuc.js (elements + Lit + runtime)   ${kb(await gz(path.join(elementsDir, 'thutuc.js')))}  (goal ≤ 35 KB)`);
console.log(`  thutuc.iife.js                          ${kb(await gz(path.join(elementsDir, 'thutuc.iife.js')))}`);
const browser = path.join(catalogueDir, 'browser');
for (const f of (await readdir(path.join(browser, 'chunks'))).filter((f) => f.endsWith('.js'))) console.log(`  shared chunk ${f.padEnd(26)} ${kb(await gz(path.join(browser, 'chunks', f)))}`);
for (const id of ['ho-tich.dang-ky-khai-sinh', 'ho-tich.cap-ban-sao-trich-luc-ho-tich', 'tong-hop.nam-muoi-truong', 'tong-hop.hai-tram-truong']) {
  console.log(`  procedure ${id.padEnd(38)} ${kb(await gz(path.join(browser, 'procedures', `${id}.js`)))}  (goal ≤ 5 KB)`);
}

const site = await startExampleSite({ catalogueDir, elementsDir, dataDir: path.join(work, 'data') });
const chrome = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
console.log('\nrender of the first step in headless Chromium (median of 15, chunk already loaded)');
for (const [id, label, goal] of [
  ['tong-hop.nam-muoi-truong', '50-field procedure (25 on step 1)', '≤ 30 ms'],
  ['tong-hop.hai-tram-truong', '200-field procedure (200 on step 1)', '≤ 50 ms'],
]) {
  const page = await chrome.newPage();
  await page.goto(`${site.url}/index.html?id=ho-tich.dang-ky-khai-sinh`);
  await page.locator('thutuc-form h2').first().waitFor();
  const times = await page.evaluate(async (procedureId) => {
    const mod = await import(`/catalogue/procedures/${procedureId}.js`);
    const out = [];
    for (let i = 0; i < 15; i++) {
      const el = document.createElement('thutuc-form');
      el.setAttribute('today', '2026-03-02');
      const t0 = performance.now();
      document.body.append(el);
      el.procedure = mod;
      await el.updateComplete;
      el.shadowRoot.querySelector('input, select, textarea').focus();
      out.push(performance.now() - t0);
      localStorage.clear();
      el.remove();
    }
    return out.sort((a, b) => a - b);
  }, id);
  console.log(`  ${label.padEnd(38)} ${times[7].toFixed(1)} ms  (goal ${goal})`);
  await page.close();
}
await chrome.close();
await site.close();
