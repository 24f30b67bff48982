// The validation figures of `npm run bench` (bench/run.js runs them after the build figures).
// `BENCH_ONLY=validate node bench/run.js` runs only these, on a small synthetic catalogue
// built for the purpose: every synthetic procedure has the same shape, so the generated
// validator is the same code as in the 2,000-procedure build.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { buildCatalogue } from '@thutuc/compiler';
import { typicalSubmission, writeSyntheticCatalogue } from './synthetic.js';

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Microseconds of this process's CPU per call of `fn`, after a warm-up of a fifth as many
 * calls: CPU time rather than wall time, so that other work on a shared machine, which
 * deschedules this process, does not count as validation.
 */
function time(fn, rounds) {
  for (let i = 0; i < rounds / 5; i++) fn();
  const before = process.cpuUsage();
  for (let i = 0; i < rounds; i++) fn();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / rounds;
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];

/**
 * Medians of five rounds of each of `fns`, the rounds taken in turn, so that a change in what
 * else the machine runs weighs on every figure alike and their ratios stay fair.
 */
function medians(rounds, ...fns) {
  const samples = fns.map(() => []);
  for (let round = 0; round < 5; round++) fns.forEach((fn, i) => samples[i].push(time(fn, rounds)));
  return samples.map(median);
}

/** Builds a few synthetic procedures into `work` and returns the output folder. */
export async function buildSmallSynthetic(root, work) {
  const src = path.join(work, 'catalogue');
  const out = path.join(work, 'out');
  await writeSyntheticCatalogue(src, 4);
  const built = await buildCatalogue({ inputs: [src], outDir: out, cwd: root });
  if (!built.ok) throw new Error('the synthetic catalogue did not build');
  return out;
}

/**
 * Prints validate() on the synthetic 30-field submission of `syntheticOut`, then the compiled
 * validate() against plain ajv on real catalogue procedures.
 */
export async function benchValidation(root, work, syntheticOut) {
  const mod = await import(pathToFileURL(path.join(syntheticOut, 'procedures/tong-hop.thu-tuc-1/index.js')).href);
  const options = { today: '2026-03-02' };
  // Built key by key, as the form's visibleData() builds the data it validates: with this
  // many computed keys V8 leaves it a slow dictionary-mode object.
  const built = typicalSubmission();
  // What JSON.parse gives: the intake validates request bodies parsed this way.
  const parsed = JSON.parse(JSON.stringify(built));
  for (const payload of [built, parsed]) {
    const check = mod.validate(payload, options);
    if (!check.valid) throw new Error(`typical submission rejected: ${JSON.stringify(check.errors)}`);
  }
  const [perParsed, perBuilt] = medians(300_000, () => mod.validate(parsed, options), () => mod.validate(built, options));
  console.log(`validate (30 fields)  ${fmt(perParsed, 2)} µs of CPU per submission as JSON.parse gives it (what the intake validates), ${fmt(1e6 / perParsed)} /s (goal ≤ 3 µs)`);
  console.log(`  same payload built key by key, as the form builds it (a dictionary-mode object in V8): ${fmt(perBuilt, 2)} µs (goal ≤ 3 µs)`);
  console.log('');

  // Real catalogue procedures: the compiled validate() (schema and rules) against plain ajv
  // compiled from the same payload.schema.json (schema only), in this process, on the first
  // valid example submission of each.
  const real = path.join(work, 'real');
  const realBuild = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: real, cwd: root });
  if (!realBuild.ok) throw new Error('the catalogue did not build');
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
    const [ours, ajv] = medians(100_000, () => compiled.validate(example.submission, opts), () => plain(example.submission));
    console.log(`validate ${id.padEnd(38)} ${fmt(ours, 2)} µs, plain ajv (default options) ${fmt(ajv, 2)} µs: ${fmt(ajv / ours, 2)}× (goal ≥ 1.5×; CPU time, medians of 5 alternating rounds)`);
  }
}
