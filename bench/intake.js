// Intake figures on loopback: submissions per second and their latency with a 1 MB attachment
// (submit → receipt), and public lookups per second, on PGlite and — when DATABASE_URL is set —
// on PostgreSQL. Prints figures beside the goals; asserts nothing about time. Bounded loops.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildCatalogue } from '@thutuc/compiler';
import { onEachEngine } from './engines.js';
import { createIntakeServer } from '@thutuc/intake';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test/.tmp/bench-intake');
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 400);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PROCEDURE = 'ho-tich.dang-ky-khai-sinh';
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

await rm(work, { recursive: true, force: true });
const catalogueDir = path.join(work, 'catalogue');
const built = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: catalogueDir, cwd: root });
if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message.en).join('\n'));
const version = JSON.parse(await readFile(path.join(catalogueDir, 'index.json'), 'utf8')).procedures.find((p) => p.id === PROCEDURE).version;
const example = parse(await readFile(path.join(root, 'catalogue/ho-tich/dang-ky-khai-sinh.examples.yaml'), 'utf8')).examples.find((e) => e.name === 'truc-tuyen-dung-han-co-cha-me').submission;
const megabyte = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024 * 1024 - 9)]);

/** A birth registration with its own 1 MB scan (distinct bytes, so no blob is shared). */
function request() {
  const bytes = Buffer.from(megabyte);
  randomBytes(16).copy(bytes, 9);
  const key = randomUUID();
  const envelope = {
    procedure: { id: PROCEDURE, version }, ...structuredClone(example), lang: 'vi', clientTime: new Date().toISOString(), idempotencyKey: key,
    documents: { 'giay-chung-sinh': [{ name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }] },
  };
  const body = new FormData();
  body.append('envelope', new Blob([JSON.stringify(envelope)], { type: 'application/json' }), 'envelope.json');
  body.append('documents/giay-chung-sinh/0', new Blob([bytes], { type: 'application/pdf' }), 'giay-chung-sinh.pdf');
  return { key, body };
}

/** Runs `count` tasks, `limit` at a time; returns each task's duration in ms and the wall time. */
async function run(count, limit, task) {
  const times = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await task(i);
      times.push(performance.now() - t);
    }
  }));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { wallMs: performance.now() - start, p50: at(0.5), p99: at(0.99) };
}

async function bench(engine, databaseUrl) {
  const server = await createIntakeServer({
    catalogueDir, dataDir: path.join(work, `data-${engine}`), agencyCode: '000.00.01.H38', jobs: false,
    ...(databaseUrl ? { databaseUrl } : {}),
    limits: { lookupsPerIpPerMinute: 1e9, failedLookupsPerCodePerHour: 1e9 },
  });
  const url = await server.listen();
  const submit = async () => {
    const { key, body } = request();
    const r = await fetch(`${url}/api/submissions`, { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    if (r.status !== 201) throw new Error(`submit answered ${r.status}: ${await r.text()}`);
    return r.json();
  };
  for (let i = 0; i < 20; i++) await submit(); // warm-up
  const receipts = [];
  const s = await run(SUBMISSIONS, CONCURRENCY, async () => receipts.push(await submit()));
  const one = await run(20, 1, submit);
  const l = await run(LOOKUPS, 32, async (i) => {
    const r = receipts[i % receipts.length];
    const a = await fetch(`${url}/api/lookup`, { method: 'POST', body: JSON.stringify({ code: r.dossierCode, secret: r.lookupSecret }), headers: { 'Content-Type': 'application/json' } });
    if (a.status !== 200) throw new Error(`lookup answered ${a.status}`);
    await a.arrayBuffer();
  });
  await server.close();
  const goal = engine === 'postgres';
  console.log(`${engine.padEnd(9)} submissions (1 MB, ${CONCURRENCY} at a time)  ${fmt((SUBMISSIONS / s.wallMs) * 1000, 1)}/s   p50 ${fmt(s.p50)} ms   p99 ${fmt(s.p99)} ms${goal ? '   (goal ≥ 200/s, p99 < 250 ms)' : ''}`);
  console.log(`${''.padEnd(9)} one at a time: submit → receipt       p50 ${fmt(one.p50)} ms   p99 ${fmt(one.p99)} ms`);
  console.log(`${''.padEnd(9)} lookups (32 at a time)                ${fmt((LOOKUPS / l.wallMs) * 1000)}/s   p50 ${fmt(l.p50, 1)} ms   p99 ${fmt(l.p99, 1)} ms   (goal ≥ 2,000/s)`);
}

console.log(`\nintake — ${SUBMISSIONS} submissions with a 1 MB attachment, ${LOOKUPS} lookups, loopback`);
await onEachEngine(bench);
await rm(work, { recursive: true, force: true });
