// npm run bench — prints figures; asserts nothing about time (goals are in DESIGN.md).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogueBuilder, buildCatalogue } from '@thutuc/compiler';
import { writeSyntheticCatalogue } from './synthetic.js';
import { benchValidation, buildSmallSynthetic } from './validate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_PROCEDURES ?? 2000);
// BENCH_ONLY=build stops after the build figures; BENCH_NATIONAL=1 adds a cold build of a
// catalogue the size of the national one (5,600 procedures; goal under 40 s).
const onlyBuild = process.env.BENCH_ONLY === 'build';
const national = process.env.BENCH_NATIONAL === '1';
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

await mkdir(path.join(root, 'test/.tmp'), { recursive: true }); // absent in a fresh clone
const work = await mkdtemp(path.join(root, 'test/.tmp/bench-'));
// BENCH_ONLY=validate: the validation figures alone, without the 2,000-procedure builds.
if (process.env.BENCH_ONLY === 'validate') {
  console.log(`thutuc bench — validation only, Node ${process.version}, ${os.cpus().length} cores\n`);
  await benchValidation(root, work, await buildSmallSynthetic(root, work));
  await rm(work, { recursive: true, force: true });
  process.exit(0);
}
const src = path.join(work, 'catalogue');
const out = path.join(work, 'out');
console.log(`thutuc bench — ${count} synthetic procedures (30 fields, 3 channels, 2 cases × 5 documents each), Node ${process.version}, ${os.cpus().length} cores\n`);
await writeSyntheticCatalogue(src, count);

// Cold: an empty emit cache. Then a new builder over the same cache, as after a restart.
const cacheDir = path.join(work, 'cache');
const builder = new CatalogueBuilder({ inputs: [src], outDir: out, cwd: root, cacheDir });
let t = performance.now();
const first = await builder.build();
const fullMs = performance.now() - t;
if (!first.ok) {
  console.error(first.diagnostics.slice(0, 5));
  process.exit(1);
}
console.log(`full build            ${fmt(fullMs / 1000, 2)} s   (${first.written} files, empty cache; goal ≤ 15 s)`);
const restarted = new CatalogueBuilder({ inputs: [src], outDir: path.join(work, 'out-again'), cwd: root, cacheDir });
t = performance.now();
if (!(await restarted.build()).ok) throw new Error('the build from the cache failed');
console.log(`full build, cache     ${fmt((performance.now() - t) / 1000, 2)} s   (same sources, emit cache on disk from the build above)`);
await restarted.close();

const edited = path.join(src, 'tong-hop/thu-tuc-7.yaml');
const samples = [];
for (let i = 0; i < 5; i++) {
  const text = await readFile(edited, 'utf8');
  await writeFile(edited, text.replace(/amount: (\d+)\n/, (_, a) => `amount: ${Number(a) + 1000}\n`).replace(/maxLength: (\d+)/, (_, a) => `maxLength: ${Number(a) + 1}`));
  t = performance.now();
  const again = await builder.build();
  samples.push(performance.now() - t);
  if (!again.ok || again.written < 1) throw new Error('rebuild did not write the edited procedure');
}
samples.sort((a, b) => a - b);
console.log(`one-file rebuild      ${fmt(samples[2])} ms (median of 5; goal ≤ 300 ms)`);
await builder.close();

if (national) {
  const size = 5600;
  const nationalSrc = path.join(work, 'national');
  await writeSyntheticCatalogue(nationalSrc, size);
  t = performance.now();
  const big = await buildCatalogue({ inputs: [nationalSrc], outDir: path.join(work, 'national-out'), cwd: root, cacheDir: path.join(work, 'national-cache') });
  if (!big.ok) throw new Error('the national-size build failed');
  console.log(`full build, ${fmt(size)}   ${fmt((performance.now() - t) / 1000, 2)} s   (the national catalogue's size, empty cache; goal < 40 s)`);
}
if (onlyBuild) {
  await rm(work, { recursive: true, force: true });
  process.exit(0);
}

await benchValidation(root, work, out);

await rm(work, { recursive: true, force: true });
