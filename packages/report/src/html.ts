import { localize } from '@thutuc/runtime';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Procedure, Text } from '@thutuc/core';
import { GOV_LEVELS, GOV_ORDER, ONLINE_LEVELS, ONLINE_ORDER, STATUSES, byVietnamese, knownDateText, type ReportLang } from './labels.js';
import { procedurePage } from './page.js';
import { fieldLine, summaryLine, type ReportRow, type ReportSummary } from './rows.js';
import { UI } from './ui.js';

/**
 * HTML of the report. A Handlebars instance of its own, apart from the one that emits code
 * (emit/templates.ts, escaping off): here escaping is on, so every catalogue string is
 * text, never markup. Strict mode turns a misspelt key into an error rather than a blank.
 */

const DIR = new URL('../templates/', import.meta.url);
const hbs = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function render(name: string, context: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = hbs.compile(asset(`${name}.html.hbs`), { strict: true, knownHelpersOnly: true });
    compiled.set(name, template);
  }
  return template(context);
}

/** A file of templates/report/ as text (the page's script and style are copied verbatim). */
export function asset(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, DIR)), 'utf8');
}

/**
 * Also sent as a <meta>, so a copy opened from disk or served by a host that sets no
 * header still runs nothing but report.js. (frame-ancestors only works as a header.)
 */
export const REPORT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";

export function indexHtml(rows: readonly ReportRow[], summary: ReportSummary, lang: ReportLang, generatedAt?: string): string {
  const L = UI[lang];
  const fields = new Map<string, Text>();
  for (const r of rows) fields.set(r.field.name.vi, r.field.name);
  const usedLevels = new Set(rows.flatMap((r) => r.levels));
  return render('index', {
    lang, L, csp: REPORT_CSP,
    summary: summaryLine(summary, lang),
    fieldsLine: fieldLine(summary, lang),
    count: L.count.replace('{total}', String(rows.length)),
    generatedAt: generatedAt ?? null,
    onlineOptions: ONLINE_ORDER.map((l) => ({ value: l, label: ONLINE_LEVELS[l][lang] })),
    levelOptions: GOV_ORDER.filter((l) => usedLevels.has(l)).map((l) => ({ value: l, label: GOV_LEVELS[l][lang] })),
    fieldOptions: [...fields].sort((a, b) => byVietnamese(localize(a[1], lang), localize(b[1], lang))).map(([value, name]) => ({ value, label: localize(name, lang) })),
    rows: rows.map((r) => ({
      code: r.code,
      title: localize(r.title, lang),
      // Searched after folding diacritics in report.js; both languages so either finds it.
      search: [r.code, r.id, r.title.vi, r.title.en ?? ''].join(' '),
      page: r.page,
      online: r.onlineLevel,
      onlineLabel: ONLINE_LEVELS[r.onlineLevel][lang],
      levels: r.levels.join(' '),
      levelsLabel: r.levels.map((l) => GOV_LEVELS[l][lang]).join(', '),
      field: r.field.name.vi,
      fieldLabel: localize(r.field.name, lang),
      status: r.status,
      statusLabel: STATUSES[r.status][lang],
      version: r.version,
      effectiveDate: r.effectiveDate,
      effective: knownDateText(r.effectiveDate, lang),
      channels: r.channels.map((c) => ({ name: c.name[lang], time: c.processingTime.text[lang], fees: c.feeSummary[lang] })),
    })),
  });
}

export function procedureHtml(p: Procedure, row: ReportRow, lang: ReportLang, agencyNames: ReadonlyMap<string, Text>): string {
  return render('procedure', { lang, L: UI[lang], csp: REPORT_CSP, p: procedurePage(p, row, lang, agencyNames) });
}
