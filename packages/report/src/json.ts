import type { ReportRow, ReportSummary } from './rows.js';

/**
 * catalogue.json: the rows of the list as data, in both languages, for portals that render
 * the list themselves. The time of generation is left out unless asked for, so the same
 * catalogue always gives the same bytes and the file can be committed or diffed.
 */
export interface ReportJson {
  generatedAt?: string;
  summary: ReportSummary;
  procedures: ReportRow[];
}

export function reportJson(rows: ReportRow[], summary: ReportSummary, generatedAt?: string): string {
  const data: ReportJson = { ...(generatedAt ? { generatedAt } : {}), summary, procedures: rows };
  return JSON.stringify(data, null, 2) + '\n';
}
