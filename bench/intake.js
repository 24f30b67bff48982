// Intake figures on loopback: submissions per second and their latency with a 1 MB attachment
// (submit → receipt), and public lookups per second, on PGlite and — when DATABASE_URL is set —
// on PostgreSQL. Prints figures beside the goals; asserts nothing about time. Bounded loops.
// The server runs in a child process (bench/intake-server.js), as it would in production: the
// load generator's own work is not charged to it. BENCH_PROFILE=<folder> writes the server's
// CPU profile (.cpuprofile, open in Chrome DevTools) there; docs/intake-performance.md reads one.
import { fork } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { cpuMeter } from './cpu-time.js';
import { buildCatalogue } from '@thutuc/compiler';
import { onEachEngine } from './engines.js';

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

const BOUNDARY = '----thutuc-bench-7d2f9c';
const partHead = (name, filename, type) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);

/**
 * A birth registration with its own 1 MB scan (distinct bytes, so no blob is shared), as the
 * multipart body <thutuc-form> sends: written out directly, which costs the load generator
 * far less than FormData does.
 */
function request() {
  const bytes = Buffer.from(megabyte);
  randomBytes(16).copy(bytes, 9);
  const key = randomUUID();
  const envelope = {
    procedure: { id: PROCEDURE, version }, ...structuredClone(example), lang: 'vi', clientTime: new Date().toISOString(), idempotencyKey: key,
    documents: { 'giay-chung-sinh': [{ name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }] },
  };
  const body = Buffer.concat([
    partHead('envelope', 'envelope.json', 'application/json'), Buffer.from(JSON.stringify(envelope)), Buffer.from('\r\n'),
    partHead('documents/giay-chung-sinh/0', 'giay-chung-sinh.pdf', 'application/pdf'), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { key, body };
}

/** Starts bench/intake-server.js and waits for its URL. */
async function startServer(options, profileName) {
  const profile = process.env.BENCH_PROFILE;
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`, `--cpu-prof-name=${profileName}.cpuprofile`] : [];
  const child = fork(path.join(root, 'bench/intake-server.js'), [JSON.stringify(options)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { url, pid: child.pid, close: async () => { child.send('close'); await exited; } };
}

/** POSTs `body`; resolves with the status and the answer's text. */
function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'Content-Length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
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
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { wallMs: performance.now() - start, p50: at(0.5), p99: at(0.99) };
}

const verdict = (met) => (met ? 'met' : 'missed');
const perRequest = (cpu, count) => ({ server: cpu.server / count, serverKernel: cpu.serverKernel / count, database: cpu.database / count, client: cpu.client / count });

/** CPU per request, and the rate all of it would allow on this machine's cores if nothing else ran. */
function cpuLine(cost, withDatabase) {
  const total = cost.server + cost.database + cost.client;
  const parts = [`server ${fmt(cost.server, 2)} ms (${fmt(cost.serverKernel, 2)} of it in the kernel)`, ...(withDatabase ? [`PostgreSQL ${fmt(cost.database, 2)} ms`] : []), `load generator ${fmt(cost.client, 2)} ms`];
  return `${''.padEnd(9)}   CPU per request: ${parts.join(', ')} → at most ${fmt((os.cpus().length * 1000) / total)}/s on ${os.cpus().length} idle cores`;
}

async function bench(engine, databaseUrl, postgres) {
  const server = await startServer({
    catalogueDir, dataDir: path.join(work, `data-${engine}`), agencyCode: '000.00.01.H38',
    ...(databaseUrl ? { databaseUrl } : {}),
    limits: { lookupsPerIpPerMinute: 1e9, failedLookupsPerCodePerHour: 1e9 },
  }, `intake-${engine}`);
  const url = server.url;
  // Bodies are built before the clock starts and sent with node:http over keep-alive sockets:
  // the load generator shares the machine's cores with the server, so it must cost little.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const submit = async (prepared = request()) => {
    const { key, body } = prepared;
    const r = await post(agent, `${url}/api/submissions`, body, { 'Idempotency-Key': key, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` });
    if (r.status !== 201) throw new Error(`submit answered ${r.status}: ${r.text}`);
    return JSON.parse(r.text);
  };
  const meter = cpuMeter(server.pid, postgres);
  await run(2 * CONCURRENCY, CONCURRENCY, () => submit()); // warm-up: code loaded, connections open
  const receipts = [];
  const prepared = Array.from({ length: SUBMISSIONS }, () => request());
  await meter.start();
  const s = await run(SUBMISSIONS, CONCURRENCY, async (i) => {
    receipts.push(await submit(prepared[i]));
    prepared[i] = undefined;
  });
  const submitCpu = perRequest(await meter.stop(), SUBMISSIONS);
  const singles = Array.from({ length: 20 }, () => request());
  const one = await run(20, 1, (i) => submit(singles[i]));
  const bodies = receipts.map((r) => Buffer.from(JSON.stringify({ code: r.dossierCode, secret: r.lookupSecret })));
  await meter.start();
  const l = await run(LOOKUPS, 32, async (i) => {
    const a = await post(agent, `${url}/api/lookup`, bodies[i % bodies.length], { 'Content-Type': 'application/json' });
    if (a.status !== 200) throw new Error(`lookup answered ${a.status}: ${a.text}`);
  });
  const lookupCpu = perRequest(await meter.stop(), LOOKUPS);
  await server.close();
  const rate = (SUBMISSIONS / s.wallMs) * 1000;
  const lookupRate = (LOOKUPS / l.wallMs) * 1000;
  // The goals are PostgreSQL's; PGlite (one connection, in the server's process) is printed for comparison.
  const goal = engine === 'postgres';
  console.log(`${engine.padEnd(9)} submissions (1 MB, ${CONCURRENCY} at a time)  ${fmt(rate, 1)}/s   p50 ${fmt(s.p50)} ms   p99 ${fmt(s.p99)} ms${goal ? `   (goal ≥ 200/s, p99 < 250 ms: ${verdict(rate >= 200 && s.p99 < 250)})` : ''}`);
  console.log(cpuLine(submitCpu, !!postgres));
  console.log(`${''.padEnd(9)} one at a time: submit → receipt       p50 ${fmt(one.p50)} ms   p99 ${fmt(one.p99)} ms`);
  console.log(`${''.padEnd(9)} lookups (32 at a time)                ${fmt(lookupRate)}/s   p50 ${fmt(l.p50, 1)} ms   p99 ${fmt(l.p99, 1)} ms${goal ? `   (goal ≥ 2,000/s: ${verdict(lookupRate >= 2000)})` : ''}`);
  console.log(cpuLine(lookupCpu, !!postgres));
}

console.log(`\nintake — ${SUBMISSIONS} submissions with a 1 MB attachment, ${LOOKUPS} lookups, loopback, ${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)} before the run)`);
// BENCH_INTAKE_ENGINES=postgres (or pglite) measures one engine only.
const engines = (process.env.BENCH_INTAKE_ENGINES ?? 'pglite,postgres').split(',');
await onEachEngine(bench, engines);
await rm(work, { recursive: true, force: true });
