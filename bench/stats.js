// Statistics over a year of a busy one-stop desk: 20,000 dossiers (4–5 history entries each)
// written straight into the database, then computeStatistics for the whole year, on PGlite and —
// when DATABASE_URL is set — on PostgreSQL. Prints figures beside the goal; asserts nothing about time.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '@thutuc/compiler';
import { onEachEngine } from './engines.js';
import { addDays } from '@thutuc/runtime';
import { computeStatistics, loadCatalogue, openDatabase, parsePeriod } from '@thutuc/intake';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'test/.tmp/bench-stats');
const DOSSIERS = Number(process.env.BENCH_STATS_DOSSIERS ?? 20_000);
const AGENCY = '000.00.01.H38';
const PROCEDURES = ['ho-tich.dang-ky-khai-sinh', 'ho-tich.dang-ky-ket-hon', 'cu-tru.dang-ky-tam-tru', 'chung-thuc.chung-thuc-ban-sao-tu-ban-chinh'];
const CHANNELS = ['online', 'online', 'in_person', 'in_person', 'in_person', 'post'];
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

await rm(work, { recursive: true, force: true });
const catalogueDir = path.join(work, 'catalogue');
const built = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir: catalogueDir, cwd: root });
if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message.en).join('\n'));
const catalogue = await loadCatalogue(catalogueDir);

/** One dossier's row and history: received on day `i % 365` of 2026, settled 0–4 working days later. */
function dossier(i) {
  const day = addDays('2026-01-01', i % 365);
  const at = (d, time) => `${d}T${time}:00+07:00`;
  const settled = addDays(day, 1 + (i % 5));
  const history = [
    { action: 'submit', to: 'submitted', statusCode: 1, at: at(day, '08:00'), actor: { role: 'applicant' } },
    { action: 'accept', from: 'submitted', to: 'accepted', statusCode: 2, at: at(day, '09:00'), actor: { role: 'reception' }, due: at(addDays(day, 3), '17:00') },
    { action: 'start', from: 'accepted', to: 'processing', statusCode: 4, at: at(day, '09:30'), actor: { role: 'officer' } },
  ];
  if (i % 7) history.push({ action: 'complete', from: 'processing', to: 'processed', statusCode: 9, at: at(settled, '10:00'), actor: { role: 'leader' } });
  if (i % 7 && i % 3) history.push({ action: 'deliver', from: 'processed', to: 'returned', statusCode: 10, at: at(settled, '11:00'), actor: { role: 'reception' } });
  const last = history[history.length - 1];
  return {
    row: {
      code: `${AGENCY}-B-${i}`, agency_code: AGENCY, procedure_id: PROCEDURES[i % PROCEDURES.length], procedure_version: '1.0.0', channel: CHANNELS[i % CHANNELS.length],
      lang: 'vi', status: last.to, status_code: last.statusCode, submitted_at: new Date(history[0].at), idempotency_key_hash: `bench-${i}`, fingerprint: 'x',
      secret_hash: 'x', secret_box: 'x', envelope: '{}', receipt: '{}', state: JSON.stringify({ status: last.to }), contact: '{}',
    },
    history,
  };
}

async function bench(engine, databaseUrl) {
  const database = await openDatabase({ dataDir: path.join(work, `data-${engine}`), ...(databaseUrl ? { databaseUrl } : {}) });
  const db = database.db;
  const seedStart = performance.now();
  for (let from = 0; from < DOSSIERS; from += 500) {
    const batch = Array.from({ length: Math.min(500, DOSSIERS - from) }, (_, k) => dossier(from + k));
    const ids = await db.insertInto('dossiers').values(batch.map((b) => b.row)).returning('id').execute();
    const rows = batch.flatMap((b, k) => b.history.map((h) => ({
      dossier_id: ids[k].id, at: new Date(h.at), action: h.action, from_status: h.from ?? null, to_status: h.to, actor_role: h.actor.role,
      actor_id: null, reason: 'null', papers: '[]', entry: JSON.stringify(h),
    })));
    await db.insertInto('dossier_history').values(rows).execute();
  }
  const seedMs = performance.now() - seedStart;
  const period = parsePeriod('2026-01-01', '2026-12-31', new Date('2027-01-15T00:00:00Z'));
  if (!period.ok) throw new Error(period.error.en);
  const times = [];
  let stats;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    stats = await computeStatistics(db, catalogue, { agency: AGENCY, period: period.period, now: new Date('2027-01-15T00:00:00Z') });
    times.push(performance.now() - t);
  }
  await database.close();
  if (stats.total.received !== DOSSIERS) throw new Error(`counted ${stats.total.received} of ${DOSSIERS}`);
  times.sort((a, b) => a - b);
  console.log(`${engine.padEnd(9)} a year, ${fmt(DOSSIERS)} dossiers: statistics in ${fmt(times[1])} ms (median of 3; seeded in ${fmt(seedMs / 1000, 1)} s)   (goal ≤ 3,000 ms)`);
}

console.log(`\nstatistics — ${fmt(DOSSIERS)} dossiers over 2026, one agency`);
await onEachEngine(bench);
await rm(work, { recursive: true, force: true });
