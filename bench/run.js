// npm run bench — prints figures; asserts nothing about time (goals are in DESIGN.md).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { CatalogueBuilder, buildCatalogue } from '@thutuc/compiler';
import { typicalSubmission, writeSyntheticCatalogue } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_PROCEDURES ?? 2000);
// BENCH_ONLY=build stops after the build figures; BENCH_NATIONAL=1 adds a cold build of a
// catalogue the size of the national one (5,600 procedures; goal under 40 s).
const onlyBuild = process.env.BENCH_ONLY === 'build';
const national = process.env.BENCH_NATIONAL === '1';
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const work = await mkdtemp(path.join(root, 'test/.tmp/bench-').replace('test/.tmp/', 'test/.tmp/'));
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

const mod = await import(pathToFileURL(path.join(out, 'procedures/tong-hop.thu-tuc-1/index.js')).href);
const payload = typicalSubmission();
const check = mod.validate(payload, { today: '2026-03-02' });
if (!check.valid) throw new Error(`typical submission rejected: ${JSON.stringify(check.errors)}`);
const options = { today: '2026-03-02' };
for (let i = 0; i < 50_000; i++) mod.validate(payload, options);
const rounds = 300_000;
t = performance.now();
for (let i = 0; i < rounds; i++) mod.validate(payload, options);
const perCall = ((performance.now() - t) * 1000) / rounds;
console.log(`validate (30 fields)  ${fmt(perCall, 2)} µs per submission, ${fmt(1e6 / perCall)} /s (goal ≤ 3 µs)`);
// The payload above is built key by key, which leaves V8 a slow dictionary-mode object; the
// intake validates what JSON.parse gives (fast properties), so measure that too.
const parsed = JSON.parse(JSON.stringify(payload));
for (let i = 0; i < 50_000; i++) mod.validate(parsed, options);
t = performance.now();
for (let i = 0; i < rounds; i++) mod.validate(parsed, options);
const perParsed = ((performance.now() - t) * 1000) / rounds;
console.log(`  same, as JSON.parse gives it (what the intake validates): ${fmt(perParsed, 2)} µs`);
console.log('');

// Real catalogue procedures: the compiled validate() (schema and rules) against plain ajv
// compiled from the same payload.schema.json (schema only), in this process, on the first
// valid example submission of each.
const real = path.join(work, 'real');
const realBuild = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: real, cwd: root });
if (!realBuild.ok) throw new Error('the catalogue did not build');
const time = (fn, rounds) => {
  for (let i = 0; i < rounds / 5; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return ((performance.now() - t0) * 1000) / rounds;
};
const median3 = (fn) => [fn(), fn(), fn()].sort((a, b) => a - b)[1];
for (const [id, file] of [
  ['ho-tich.dang-ky-khai-sinh', 'ho-tich/dang-ky-khai-sinh.examples.yaml'],
  ['ho-tich.cap-ban-sao-trich-luc-ho-tich', 'ho-tich/cap-ban-sao-trich-luc-ho-tich.examples.yaml'],
]) {
  const example = parseYaml(await readFile(path.join(root, 'catalogue', file), 'utf8')).examples.find((e) => e.valid);
  const compiled = await import(pathToFileURL(path.join(real, 'procedures', id, 'index.js')).href);
  const schema = JSON.parse(await readFile(path.join(real, 'procedures', id, 'payload.schema.json'), 'utf8'));
  const plain = new Ajv2020({ strict: false }).compile(schema);
  const opts = { today: example.today };
  if (!compiled.validate(example.submission, opts).valid || !plain(example.submission)) throw new Error(`${id}: example rejected`);
  const ours = median3(() => time(() => compiled.validate(example.submission, opts), 100_000));
  const ajv = median3(() => time(() => plain(example.submission), 100_000));
  console.log(`validate ${id.padEnd(38)} ${fmt(ours, 2)} µs, plain ajv (default options) ${fmt(ajv, 2)} µs: ${fmt(ajv / ours, 2)}× (goal ≥ 1.5×)`);
}

await rm(work, { recursive: true, force: true });
