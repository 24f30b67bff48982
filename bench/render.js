// Browser figures: bundle sizes (min+gzip) and how long <thutuc-form> takes to render a
// procedure's first step in headless Chromium. Prints figures; asserts nothing about time.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildCatalogue } from '@thutuc/compiler';
import { startExampleSite } from '../examples/start.js';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { bundleElements } from '../packages/elements/scripts/bundle.js';
import { bundleBrowserChunks } from '@thutuc/compiler';
import { writeSyntheticCatalogue } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test/.tmp/bench-render');
const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
async function bundleBare(file) {
  const bundle = await rollup({ input: path.join(root, 'bench/bare-form.js'), plugins: [nodeResolve({ browser: true }), terser()] });
  await bundle.write({ file, format: 'es' });
  await bundle.close();
}

await rm(work, { recursive: true, force: true });
// A typical procedure (30 fields in 4 sections), 50 fields (one section of 50) and 200 fields
// (one section of 200): the first step holds them.
await writeSyntheticCatalogue(path.join(work, 'src/typical'), 1);
await writeSyntheticCatalogue(path.join(work, 'src/small'), 1, { sectionCount: 1, fieldsPerSection: 50 });
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

await bundleBare(path.join(elementsDir, 'bare-form.js'));

// What a page with one form downloads, read from the browser's network log: a page that embeds
// the element as a webmaster does (one script tag, the element with its procedure id) is opened,
// the form's first step rendered and the network left idle; every file fetched from the elements
// folder (/thutuc/) and the catalogue (/catalogue/) is listed with its size in gzip -9.
const browser = path.join(catalogueDir, 'browser');
const localFile = (url) => {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/thutuc/')) return path.join(elementsDir, pathname.slice('/thutuc/'.length));
  if (pathname.startsWith('/catalogue/')) return path.join(browser, decodeURIComponent(pathname.slice('/catalogue/'.length)));
  return undefined;
};
async function pageFiles(chrome, id, { script = 'thutuc.js', lang = 'vi', draftStep } = {}) {
  const page = await chrome.newPage();
  // A draft saved on a later step reopens the form there (version 1.0.0: the synthetic procedures').
  if (draftStep !== undefined) {
    const draft = JSON.stringify({ data: {}, step: draftStep, savedAt: '2026-03-02T00:00:00.000Z' });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [`thutuc:draft:${id}@1.0.0`, draft]);
  }
  const tag = script.endsWith('.iife.js') ? `<script src="/thutuc/${script}" defer></script>` : `<script type="module" src="/thutuc/${script}"></script>`;
  await page.route(`${site.url}/bench-page.html`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'" },
      body: `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">${tag}
<thutuc-form procedure="${id}" catalogue-base="/catalogue/" action="/api/submissions" lang="${lang}" today="2026-03-02"></thutuc-form>`,
    }),
  );
  const files = [];
  page.on('requestfinished', (r) => {
    const file = localFile(r.url());
    if (file && !files.includes(file)) files.push(file);
  });
  await page.goto(`${site.url}/bench-page.html`);
  await page.locator('thutuc-form input, thutuc-form select').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  const sizes = await Promise.all(files.map(gz));
  return { files, sizes, total: sizes.reduce((a, b) => a + b, 0) };
}
const goalMark = (ok) => (ok ? '✓' : '✗ missed');
/** The same files through GNU gzip -9 (no name in the header), where the machine has it: its deflate differs from zlib's by a few bytes per KB. */
const gnuGzip = (files) => {
  try {
    return files.reduce((sum, f) => sum + execFileSync('gzip', ['-9', '-n', '-c', f]).length, 0);
  } catch {
    return undefined;
  }
};
const bytes = (n) => `${n.toLocaleString('en-US')} bytes`;
const site = await startExampleSite({ catalogueDir, elementsDir, dataDir: path.join(work, 'data') });
const chrome = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
console.log('bytes a page downloads for one form, from the network log (minified, gzip -9)');
for (const [id, label, options] of [
  ['tong-hop.thu-tuc-0', 'typical procedure (30 fields, 2 cases, 3 channels)', {}],
  ['tong-hop.thu-tuc-0', 'same, reopened on its address step (step 4)', { draftStep: 3 }],
  ['tong-hop.thu-tuc-0', 'same, lang="en"', { lang: 'en' }],
  ['tong-hop.thu-tuc-0', 'same, classic script thutuc.iife.js (one file)', { script: 'thutuc.iife.js' }],
  ['ho-tich.dang-ky-khai-sinh', 'birth registration (1.001193)', {}],
  ['ho-tich.cap-ban-sao-trich-luc-ho-tich', 'extract copy (2.000635)', {}],
  ['tong-hop.hai-tram-truong', '200-field procedure', {}],
]) {
  const { files, sizes, total } = await pageFiles(chrome, id, options);
  const own = sizes[files.findIndex((f) => f.endsWith(`procedures/${id}.js`))];
  const typical = label.startsWith('typical');
  // Judged on zlib's figure, the larger of the two; GNU gzip's is printed beside it.
  const gnu = typical ? gnuGzip(files) : undefined;
  const exact = typical ? ` = ${bytes(total)}${gnu ? `; GNU gzip -9: ${bytes(gnu)}` : ''}` : '';
  const goal = typical ? `${exact}  (goal: total ≤ 30 KB = 30,720 bytes ${goalMark(total <= 30 * 1024)}; own chunk ≤ 5 KB ${goalMark(own <= 5 * 1024)})` : '';
  console.log(`  ${label.padEnd(52)} ${kb(total).padStart(8)}${goal}`);
  files.forEach((f, i) => console.log(`    ${path.relative(work, f).padEnd(72)} ${kb(sizes[i]).padStart(8)}`));
  if (label.includes('address step')) {
    const communes = files.filter((f) => f.includes(`${path.sep}communes${path.sep}`));
    const names = communes.filter((f) => /\d{2}\.json$/.test(f));
    const bytes = communes.reduce((a, f) => a + sizes[files.indexOf(f)], 0);
    console.log(`    address data when the address field shows: ${kb(bytes)} (goal: ≤ 2.5 KB, no commune names ${goalMark(bytes <= 2.5 * 1024 && names.length === 0)}${names.length ? `: ${names.length} name files` : ''})`);
  }
}

// The address picker's names: what choosing a province adds, and, for scale, every name at once
// (never downloaded).
{
  const communes = path.join(browser, 'communes');
  const lists = (await readdir(communes)).filter((f) => /^\d{2}\.json$/.test(f));
  const sizes = await Promise.all(lists.map(async (f) => [f, await gz(path.join(communes, f))]));
  const [biggest, biggestSize] = sizes.sort((a, b) => b[1] - a[1])[0];
  const allNames = gzipSync(Buffer.concat(await Promise.all(lists.map((f) => readFile(path.join(communes, f))))), { level: 9 }).length;
  console.log('\naddress data (gzip -9)');
  console.log(`  largest province's names, on choosing it: communes/${biggest} ${kb(biggestSize)}  (goal: ≤ 3 KB ${goalMark(biggestSize <= 3 * 1024)})`);
  console.log(`  all ${lists.length} provinces' names at once (never downloaded): ${kb(allNames)}`);
}

// Both elements are created, attached and rendered in the same page, alternately, so the ratio
// holds whatever else the machine is doing; timed until the first input can take focus.
console.log('\nfirst render of step 1 in headless Chromium (median of 15 in one page, chunk already loaded)');
const page = await chrome.newPage();
await page.goto(`${site.url}/index.html?id=ho-tich.dang-ky-khai-sinh`);
await page.locator('thutuc-form h2').first().waitFor();
const figures = await page.evaluate(async (ids) => {
  await import('/thutuc/bare-form.js');
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function time(make) {
    const el = make();
    const t0 = performance.now();
    document.body.append(el);
    el.configure();
    await el.updateComplete;
    el.shadowRoot.querySelector('input, select, textarea').focus();
    const ms = performance.now() - t0;
    localStorage.clear();
    el.remove();
    return ms;
  }
  const out = {};
  for (const id of ids) {
    const mod = await import(`/catalogue/procedures/${id}.js`);
    const form = () => Object.assign(document.createElement('thutuc-form'), { configure() { this.setAttribute('today', '2026-03-02'); this.procedure = mod; } });
    const fields = mod.definition.form.sections[0].fields;
    const bare = () => Object.assign(document.createElement('bare-form'), { configure() { this.fields = fields; } });
    const f = [];
    const b = [];
    for (let i = 0; i < 3; i++) await time(form), await time(bare);
    for (let i = 0; i < 15; i++) f.push(await time(form)), b.push(await time(bare));
    out[id] = { form: median(f), bare: median(b), fields: fields.length };
  }
  return out;
}, ['tong-hop.nam-muoi-truong', 'tong-hop.hai-tram-truong']);
for (const [id, label, goal] of [
  ['tong-hop.nam-muoi-truong', '50-field procedure', '≤ 20 ms'],
  ['tong-hop.hai-tram-truong', '200-field procedure', '≤ 50 ms, ≤ 1.2× bare Lit'],
]) {
  const r = figures[id];
  console.log(`  ${label.padEnd(22)} (${r.fields} on step 1)  <thutuc-form> ${r.form.toFixed(1)} ms, bare Lit ${r.bare.toFixed(1)} ms, ratio ${(r.form / r.bare).toFixed(2)}×  (goal ${goal})`);
}
await page.close();
await chrome.close();
await site.close();
