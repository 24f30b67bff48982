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
 * Microseconds of this process's CPU per call. Each batch makes 1,000 calls from a call site
 * of its own side (ours, ajv's), as an intake's handler calls one validator: V8 can inline the
 * validator there, and the figure is the validator's time rather than the cost of one shared,
 * megamorphic call in a timing loop — a cost that weighed on both sides alike and pulled every
 * ratio towards 1. CPU time rather than wall time: other work on a shared machine deschedules
 * this process and must not count as validation.
 */
const BATCH = 1000;
function time(batch, batches) {
  const before = process.cpuUsage();
  for (let i = 0; i < batches; i++) batch();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / (batches * BATCH);
}
// Two function literals, so ajv's calls and ours never share a call site (and its feedback).
// Each counts the valid answers, so the calls cannot be dropped.
const oursBatch = (validate, payload, options) => () => {
  let valid = 0;
  for (let i = 0; i < BATCH; i++) if (validate(payload, options).valid) valid++;
  return valid;
};
const ajvBatch = (check, payload) => () => {
  let valid = 0;
  for (let i = 0; i < BATCH; i++) if (check(payload)) valid++;
  return valid;
};
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];

/**
 * Per-call times of `batches` after a warm-up, over `rounds` rounds that take each in turn: the
 * median time of each and, against the first, the median over rounds of the first's time
 * divided by its own, so that a slower or faster stretch of the shared machine weighs on both
 * sides of a ratio alike.
 */
function compare(batches, { rounds = 31, perRound = 20 } = {}) {
  for (const batch of batches) for (let i = 0; i < 50; i++) batch();
  const samples = batches.map(() => []);
  for (let round = 0; round < rounds; round++) batches.forEach((batch, i) => samples[i].push(time(batch, perRound)));
  return samples.map((own) => ({ time: median(own), ratio: median(samples[0].map((first, i) => first / own[i])) }));
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
  // Built key by key: with this many computed keys V8 leaves it a slow dictionary-mode object.
  const built = typicalSubmission();
  // What JSON.parse gives: the intake validates request bodies parsed this way.
  const parsed = JSON.parse(JSON.stringify(built));
  // As the form builds it: visibleData() gathers the answers, then makes the object in one go.
  const formBuilt = { ...built, data: Object.fromEntries(Object.entries(built.data)) };
  for (const payload of [built, parsed, formBuilt]) {
    const check = mod.validate(payload, options);
    if (!check.valid) throw new Error(`typical submission rejected: ${JSON.stringify(check.errors)}`);
  }
  // One after the other, dictionary mode last: the property reads V8 specialises to the fast
  // objects would serve dictionary-mode ones too, slowing every figure after.
  const [{ time: perParsed }] = compare([oursBatch(mod.validate, parsed, options)]);
  const [{ time: perForm }] = compare([oursBatch(mod.validate, formBuilt, options)]);
  const [{ time: perBuilt }] = compare([oursBatch(mod.validate, built, options)]);
  console.log(`validate (30 fields)  ${fmt(perParsed, 2)} µs of CPU per submission as JSON.parse gives it (what the intake validates), ${fmt(1e6 / perParsed)} /s (goal ≤ 3 µs)`);
  console.log(`  same payload as the form builds it (Object.fromEntries): ${fmt(perForm, 2)} µs (goal ≤ 3 µs)`);
  console.log(`  same payload built key by key (a dictionary-mode object in V8): ${fmt(perBuilt, 2)} µs (not a goal: what a caller building it so would see)`);
  console.log('');

  // Real catalogue procedures: the compiled validate() (schema and rules) against plain ajv
  // compiled from the same payload.schema.json (schema only), in this process, on the first
  // valid example submission of each: as the intake validates it (the body JSON.parse gives,
  // the goal's figure) and as the YAML parser built it key by key (a dictionary-mode object,
  // slower for both sides; what the form builds in the browser is of this kind too).
  const real = path.join(work, 'real');
  const realBuild = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: real, cwd: root });
  if (!realBuild.ok) throw new Error('the catalogue did not build');
  const procedures = [];
  for (const [id, file] of [
    ['ho-tich.dang-ky-khai-sinh', 'ho-tich/dang-ky-khai-sinh.examples.yaml'],
    ['ho-tich.cap-ban-sao-trich-luc-ho-tich', 'ho-tich/cap-ban-sao-trich-luc-ho-tich.examples.yaml'],
  ]) {
    const example = parseYaml(await readFile(path.join(root, 'catalogue', file), 'utf8')).examples.find((e) => e.valid);
    const compiled = await import(pathToFileURL(path.join(real, 'procedures', id, 'index.js')).href);
    const schema = JSON.parse(await readFile(path.join(real, 'procedures', id, 'payload.schema.json'), 'utf8'));
    procedures.push({ id, example, validate: compiled.validate, plain: new Ajv2020({ strict: false }).compile(schema) });
  }
  // Every procedure as the intake receives it first, then as the YAML parser built it (see above).
  for (const kind of ['json', 'yaml']) {
    for (const { id, example, validate, plain } of procedures) {
      const payload = kind === 'json' ? JSON.parse(JSON.stringify(example.submission)) : example.submission;
      const opts = { today: example.today };
      if (!validate(payload, opts).valid || !plain(payload)) throw new Error(`${id}: example rejected`);
      const [ajv, ours] = compare([ajvBatch(plain, payload), oursBatch(validate, payload, opts)]);
      const how = kind === 'json' ? `goal ≥ 1.5× ${ours.ratio >= 1.5 ? '✓' : '✗ missed'}), as the intake receives it (JSON.parse)` : 'not a goal), as the YAML parser built it, key by key';
      console.log(`validate ${id.padEnd(38)} ${fmt(ours.time, 2)} µs, plain ajv ${fmt(ajv.time, 2)} µs: ${fmt(ours.ratio, 2)}× (${how}`);
    }
  }
  console.log('  (CPU time per call; the ratio is the median over 31 rounds that time each side in turn, 20,000 calls a round)');
}
