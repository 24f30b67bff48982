// `thutuc dev` on the real catalogue: from saving a one-line fee change to the open preview page
// in headless Chromium showing it (file watch, rebuild, Server-Sent Event, fetch, render).
// Prints figures; asserts nothing about time (the goal is in DESIGN.md: ≤ 0.5 s).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDevServer } from '@thutuc/cli';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test/.tmp/bench-dev');
const file = path.join(work, 'catalogue/ho-tich/dang-ky-khai-sinh.yaml');
const fmt = (n) => n.toFixed(0);

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
await cp(path.join(root, 'catalogue'), path.join(work, 'catalogue'), { recursive: true });
const server = await startDevServer({ folders: ['catalogue'], cwd: work, sampleDate: '2026-04-24' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/?id=ho-tich.dang-ky-khai-sinh`);
  await page.locator('table.fees').first().waitFor();
  const samples = [];
  const builds = [];
  const original = await readFile(file, 'utf8');
  for (let i = 1; i <= 7; i++) {
    const amount = 8000 + i * 100;
    const shown = `${Math.floor(amount / 1000)}.${String(amount % 1000).padStart(3, '0')} đ`;
    const t = performance.now();
    await writeFile(file, original.replace('amount: 8000', `amount: ${amount}`));
    await page.waitForFunction((text) => [...document.querySelectorAll('table.fees td.amount')].some((td) => td.textContent.startsWith(text)), shown, { polling: 'raf' });
    samples.push(performance.now() - t);
    builds.push(server.session.state.buildMs);
  }
  await writeFile(file, original);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`thutuc dev, edit → page ${fmt(median(samples))} ms (median of ${samples.length}, slowest ${fmt(Math.max(...samples))} ms; rebuild ${fmt(median(builds))} ms of it; goal ≤ 500 ms) — one fee line of birth registration, real catalogue`);
} finally {
  await browser.close();
  await server.close();
}
