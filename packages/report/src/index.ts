import { readdir } from 'node:fs/promises';
import type { CatalogueFiles, Text } from '@thutuc/core';
import { writeTreeAtomic } from '@thutuc/compiler';
import { reportCsv } from './csv.js';
import { asset, indexHtml, procedureHtml } from './html.js';
import { reportJson } from './json.js';
import type { ReportLang } from './labels.js';
import { reportRows, summarizeRows, type ReportRow, type ReportSummary } from './rows.js';

/**
 * The public list of services: index.html (searchable, filterable), one page per procedure,
 * catalogue.csv and catalogue.json, all from one set of rows. Pure: the caller analyses the
 * catalogue first and writes the files with `writeReport`.
 */

export interface ReportOptions {
  lang?: ReportLang;
  /** ISO time written into catalogue.json and the index; leave out for byte-identical output. */
  generatedAt?: string;
}

export interface Report {
  /** Relative path → content. */
  files: Map<string, string>;
  rows: ReportRow[];
  summary: ReportSummary;
}

export function buildReport(files: CatalogueFiles, options: ReportOptions = {}): Report {
  const lang = options.lang ?? 'vi';
  const procedures = files.procedures.map((d) => d.value);
  const rows = reportRows(procedures);
  const summary = summarizeRows(rows);
  const agencyNames = new Map<string, Text>();
  for (const doc of files.agencies) for (const a of doc.value.agencies) agencyNames.set(a.id, a.name);

  const out = new Map<string, string>();
  out.set('index.html', indexHtml(rows, summary, lang, options.generatedAt));
  out.set('report.css', asset('report.css'));
  out.set('report.js', asset('report.js'));
  out.set('catalogue.csv', reportCsv(rows, lang));
  out.set('catalogue.json', reportJson(rows, summary, options.generatedAt));
  const byId = new Map(procedures.map((p) => [p.id, p]));
  for (const row of rows) out.set(row.page, procedureHtml(byId.get(row.id)!, row, lang, agencyNames));
  return { files: out, rows, summary };
}

/** Files that mark a folder as an earlier report, which may be replaced as a whole. */
const MARKERS = ['index.html', 'report.js', 'catalogue.json'];

/**
 * Whether `outDir` may be replaced: it does not exist, is empty, or holds an earlier report.
 * writeTreeAtomic swaps the whole folder, so `--out docs` by mistake must not delete docs/.
 */
export async function isReplaceableReportDir(outDir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  return names.length === 0 || MARKERS.every((m) => names.includes(m));
}

/** Writes the report atomically: readers see the previous report or the new one, never a mix. */
export async function writeReport(outDir: string, report: Report): Promise<void> {
  await writeTreeAtomic(outDir, report.files);
}

export { reportRows, reportRow, summarizeRows, summaryLine, fieldLine } from './rows.js';
export { csvCell, csvLine, reportCsv } from './csv.js';
export type { ReportRow, ReportSummary, ReportChannel, ReportTime } from './rows.js';
export type { ReportFee } from './fees.js';
export type { ReportLang } from './labels.js';
export { cpsvAp, CPSV_AP_CONTEXT, type CpsvApOptions } from './cpsv-ap.js';
