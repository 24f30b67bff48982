import { localize, type Lang } from '@thutuc/runtime';
import { loadCatalogue } from '../catalogue.js';
import { openDatabase } from '../db/connect.js';
import { FolderLockedError } from '../db/lock.js';
import type { IntakeOptions } from '../server.js';
import { computeStatistics } from './compute.js';
import { statisticsCsv, statisticsText } from './format.js';
import { parsePeriod } from './period.js';

export interface StatsCommandInput {
  agency?: string;
  from?: string;
  to?: string;
  format?: string;
  lang?: string;
}

interface Out {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

const FORMATS = ['text', 'csv', 'json'] as const;

/**
 * `thutuc-intake stats` (and `thutuc stats`): the figures the officers' API gives, straight
 * from the database, for scripts and monthly reports. Returns the exit code.
 */
export async function statsCommand(input: StatsCommandInput, options: IntakeOptions, io: Out, now = new Date()): Promise<number> {
  const lang: Lang = input.lang === 'en' ? 'en' : 'vi';
  const fail = (vi: string, en: string, code = 2) => {
    io.stderr.write(`thutuc-intake: ${localize({ vi, en }, lang)}\n`);
    return code;
  };
  const agency = input.agency ?? options.fallbackAgencyCode;
  if (!agency) return fail('cần --agency (mã định danh cơ quan) hoặc THUTUC_AGENCY_CODE.', 'needs --agency (the agency identifier) or THUTUC_AGENCY_CODE.');
  const format = input.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) return fail(`--format là text, csv hoặc json (nhận "${format}").`, `--format is text, csv or json (got "${format}").`);
  const period = parsePeriod(input.from, input.to, now);
  if (!period.ok) return fail(period.error.vi, period.error.en);
  const catalogue = await loadCatalogue(options.catalogueDir, options);
  let database;
  try {
    database = await openDatabase({ dataDir: options.dataDir!, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    return fail(
      `thư mục dữ liệu đang được máy chủ (tiến trình ${error.pid}) dùng; dừng máy chủ, dùng PostgreSQL (DATABASE_URL) hoặc GET /api/officer/stats.`,
      `the data folder is in use by a running server (process ${error.pid}); stop it, use PostgreSQL (DATABASE_URL) or GET /api/officer/stats.`,
      1,
    );
  }
  try {
    const stats = await computeStatistics(database.db, catalogue, { agency, period: period.period, now });
    io.stdout.write(format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : format === 'csv' ? statisticsCsv(stats, lang) : statisticsText(stats, lang));
    return 0;
  } finally {
    await database.close();
  }
}
