import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FormField } from '@thutuc/runtime/model';
import type { ParsedSource } from '../source/parse.js';
import type { CatalogueFiles } from './catalogue.js';

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'phone', 'citizen_id', 'tax_code']);

/** Which field types each constraint makes sense for. */
const APPLIES: Record<string, (type: string) => boolean> = {
  options: (t) => t === 'choice' || t === 'multi_choice',
  fields: (t) => t === 'group',
  minItems: (t) => t === 'group' || t === 'multi_choice',
  maxItems: (t) => t === 'group' || t === 'multi_choice',
  min: (t) => t === 'number' || t === 'date',
  max: (t) => t === 'number' || t === 'date',
  integer: (t) => t === 'number',
  minLength: (t) => TEXT_TYPES.has(t),
  maxLength: (t) => TEXT_TYPES.has(t),
  pattern: (t) => t === 'text' || t === 'textarea',
};

function checkField(field: FormField, pointer: string, source: ParsedSource, out: Diagnostic[], inGroup: boolean): void {
  for (const [property, applies] of Object.entries(APPLIES)) {
    if (Object.hasOwn(field, property) && !applies(field.type)) {
      out.push(diagnostic('TT3005', source.locate(`${pointer}/${property}`, { key: true }), { field: field.id, type: field.type, property }));
    }
  }
  if (field.type === 'number') {
    for (const key of ['min', 'max'] as const) {
      if (field[key] !== undefined && typeof field[key] !== 'number') {
        out.push(diagnostic('TT3005', source.locate(`${pointer}/${key}`), { field: field.id, type: field.type, property: `${key}: "${String(field[key])}"` }));
      }
    }
  }
  if (field.type === 'date') {
    for (const key of ['min', 'max'] as const) {
      if (field[key] !== undefined && (typeof field[key] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(field[key]))) {
        out.push(diagnostic('TT3005', source.locate(`${pointer}/${key}`), { field: field.id, type: field.type, property: `${key}: ${String(field[key])}` }));
      }
    }
  }
  const pairs = [
    ['min', 'max'],
    ['minLength', 'maxLength'],
    ['minItems', 'maxItems'],
  ] as const;
  for (const [low, high] of pairs) {
    const a = field[low];
    const b = field[high];
    if (a !== undefined && b !== undefined && typeof a === typeof b && a > b) {
      out.push(diagnostic('TT3006', source.locate(`${pointer}/${low}`), { low: `${low}: ${a}`, high: `${high}: ${b}` }));
    }
  }
  if (field.pattern !== undefined) {
    try {
      new RegExp(field.pattern, 'u');
    } catch (error) {
      out.push(diagnostic('TT3007', source.locate(`${pointer}/pattern`), { reason: (error as Error).message.replace(/^Invalid regular expression: /, '') }));
    }
  }
  if (field.type === 'group') {
    if (inGroup) out.push(diagnostic('TT3014', source.locate(pointer), { field: field.id }));
    (field.fields ?? []).forEach((sub, k) => checkField(sub, `${pointer}/fields/${k}`, source, out, true));
  }
}

/** Field definitions must be coherent: constraints that fit the type, sane bounds, valid patterns. */
export function checkForms(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { value: p, source } of files.procedures) {
    p.form.sections.forEach((s, i) => s.fields.forEach((f, j) => checkField(f, `/form/sections/${i}/fields/${j}`, source, out, false)));
    if (!p.title.en) out.push(diagnostic('TT3010', source.locate('/title'), { what: { vi: 'tên thủ tục', en: 'the procedure title' } }));
  }
  return out;
}
