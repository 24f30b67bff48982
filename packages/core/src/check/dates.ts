import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isIsoDate } from '@thutuc/runtime';
import type { ParsedSource } from '../source/parse.js';
import type { CatalogueFiles } from './catalogue.js';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Visits every string that has the shape of a date and reports the impossible ones (2026-02-30). */
function checkDatesIn(value: unknown, pointer: string, source: ParsedSource, out: Diagnostic[]): void {
  if (typeof value === 'string') {
    if (DATE_SHAPE.test(value) && !isIsoDate(value)) out.push(diagnostic('TT3003', source.locate(pointer), { date: value }));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkDatesIn(v, `${pointer}/${i}`, source, out));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkDatesIn(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, source, out);
  }
}

/** Dates must exist; holiday dates must fall in their calendar's year. */
export function checkDates(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of [...files.procedures, ...files.holidays, ...files.agencies, ...files.documentTypes]) {
    checkDatesIn(doc.value, '', doc.source, out);
  }
  for (const { value, source } of files.holidays) {
    for (const list of ['off', 'workdays'] as const) {
      (value[list] ?? []).forEach((day, i) => {
        if (isIsoDate(day.date) && +day.date.slice(0, 4) !== value.year) {
          out.push(diagnostic('TT3003', source.locate(`/${list}/${i}/date`), { date: `${day.date} ∉ ${value.year}` }));
        }
      });
    }
  }
  return out;
}
