// npm run bench — prints figures; asserts nothing about time (goals are in DESIGN.md).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CatalogueBuilder } from '@thutuc/compiler';
import { typicalSubmission, writeSyntheticCatalogue } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.env.BENCH_PROCEDURES ?? 2000);
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const work = await mkdtemp(path.join(root, 'test/.tmp/bench-').replace('test/.tmp/', 'test/.tmp/'));
const src = path.join(work, 'catalogue');
const out = path.join(work, 'out');
console.log(`thutuc bench — ${count} synthetic procedures (30 fields, 3 channels, 2 cases × 5 documents each), Node ${process.version}, ${os.cpus().length} cores\n`);
await writeSyntheticCatalogue(src, count);

const builder = new CatalogueBuilder({ inputs: [src], outDir: out, cwd: root });
let t = performance.now();
const first = await builder.build();
const fullMs = performance.now() - t;
if (!first.ok) {
  console.error(first.diagnostics.slice(0, 5));
  process.exit(1);
}
console.log(`full build            ${fmt(fullMs / 1000, 2)} s   (${first.written} files; goal ≤ 15 s)`);

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
console.log(`one-file rebuild      ${fmt(samples[2])} ms (median of 5; goal ≤ 500 ms)`);

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

await rm(work, { recursive: true, force: true });
