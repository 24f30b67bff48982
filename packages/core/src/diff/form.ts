import type { FormField, Procedure, Text } from '@thutuc/runtime/model';
import { legalNames } from './legal.js';
import type { ProcedureChange } from './types.js';
import { both, say } from './words.js';

interface Located {
  field: FormField;
  /** `section.field` or `section.group.field`: ids are unique within a procedure per level. */
  key: string;
  path: string;
  /** Section title, or the group's label for fields in a group. */
  where: Text;
}

/** Every field of a form, groups flattened, keyed by stable ids. */
export function formFields(p: Procedure): Map<string, Located> {
  const out = new Map<string, Located>();
  p.form.sections.forEach((s, i) =>
    s.fields.forEach((f, j) => {
      const path = `/form/sections/${i}/fields/${j}`;
      out.set(f.id, { field: f, key: f.id, path, where: s.title });
      (f.fields ?? []).forEach((g, k) => out.set(`${f.id}.${g.id}`, { field: g, key: `${f.id}.${g.id}`, path: `${path}/fields/${k}`, where: f.label }));
    }),
  );
  return out;
}

/** Form changes an applicant notices: new, removed and newly required fields, types, options. */
export function diffForm(before: Procedure, after: Procedure): ProcedureChange[] {
  const basis = legalNames(after, after.changeBasis);
  const old = formFields(before);
  const now = formFields(after);
  const out: ProcedureChange[] = [];
  for (const [key, { field, path, where }] of now) {
    const label = both(field.label);
    const place = both(where);
    const prior = old.get(key)?.field;
    if (!prior) {
      const required = field.required === true;
      out.push({
        area: 'field',
        kind: required ? 'field-required-added' : 'field-added',
        path,
        message: say((l) => (l === 'vi' ? `${required ? 'Trường bắt buộc mới' : 'Trường mới'}: ${label.vi} (${place.vi})` : `${required ? 'New required field' : 'New field'}: ${label.en} (${place.en})`)),
        basis,
      });
      continue;
    }
    if (prior.type !== field.type) {
      out.push({ area: 'field', kind: 'field-type', path: `${path}/type`, message: say((l) => (l === 'vi' ? `Trường ${label.vi}: kiểu ${prior.type} → ${field.type}` : `Field ${label.en}: type ${prior.type} → ${field.type}`)), basis });
    }
    if ((prior.required === true) !== (field.required === true)) {
      const now = field.required === true;
      out.push({ area: 'field', kind: now ? 'field-required' : 'field-optional', path, message: say((l) => (l === 'vi' ? `Trường ${now ? 'trở thành bắt buộc' : 'không còn bắt buộc'}: ${label.vi}` : `Field ${now ? 'now required' : 'no longer required'}: ${label.en}`)), basis });
    }
    const before = new Set((prior.options ?? []).map((o) => o.value));
    const after = new Set((field.options ?? []).map((o) => o.value));
    for (const o of field.options ?? []) if (!before.has(o.value)) out.push({ area: 'field', kind: 'field-option-added', path: `${path}/options`, message: say((l) => (l === 'vi' ? `Trường ${label.vi}: thêm lựa chọn «${both(o.label).vi}»` : `Field ${label.en}: new choice "${both(o.label).en}"`)), basis });
    for (const o of prior.options ?? []) if (!after.has(o.value)) out.push({ area: 'field', kind: 'field-option-removed', path: `${path}/options`, message: say((l) => (l === 'vi' ? `Trường ${label.vi}: bỏ lựa chọn «${both(o.label).vi}»` : `Field ${label.en}: choice removed "${both(o.label).en}"`)), basis });
    const limits = (['min', 'max', 'minLength', 'maxLength', 'pattern', 'integer'] as const).filter((k) => String(prior[k] ?? '') !== String(field[k] ?? ''));
    if (limits.length) {
      const show = (f: FormField) => limits.map((k) => `${k} ${f[k] ?? '–'}`).join(', ');
      out.push({ area: 'field', kind: 'field-limits', path, message: say((l) => (l === 'vi' ? `Trường ${label.vi}: ${show(prior)} → ${show(field)}` : `Field ${label.en}: ${show(prior)} → ${show(field)}`)), basis });
    }
  }
  for (const [key, { field, path }] of old) {
    if (now.has(key)) continue;
    const label = both(field.label);
    out.push({ area: 'field', kind: 'field-removed', path, message: say((l) => (l === 'vi' ? `Bỏ trường: ${label.vi}` : `Field removed: ${label.en}`)), basis });
  }
  return out;
}
