import type { FormField, Procedure } from '@thutuc/core';
import type { DocumentRule, FieldRule, SubmissionRules } from '@thutuc/runtime';
import { documentLimits } from './submission-schema.js';

/**
 * The data half of a procedure's validator: which fields and documents have conditions,
 * named by the keys of the compiled conditions table. Only keys that compiled are used.
 */
export function submissionRules(p: Procedure, conditions: Record<string, string>, typeAccept: ReadonlyMap<string, string[]> = new Map()): SubmissionRules {
  const has = (key: string) => Object.hasOwn(conditions, key);

  const fieldRule = (field: FormField, keyPrefix: string, inherited: string[]): FieldRule => {
    const visible = [...inherited];
    if (field.visibleWhen && has(`field:${keyPrefix}:visible`)) visible.push(`field:${keyPrefix}:visible`);
    const rule: FieldRule = { id: field.id, type: field.type, label: field.label };
    if (field.required) rule.required = true;
    if (field.requiredWhen && has(`field:${keyPrefix}:required`)) rule.requiredWhen = `field:${keyPrefix}:required`;
    if (visible.length) rule.visibleWhen = visible;
    if (field.type === 'date') {
      if (typeof field.min === 'string') rule.minDate = field.min;
      if (typeof field.max === 'string') rule.maxDate = field.max;
    }
    if (field.type === 'group') rule.fields = (field.fields ?? []).map((sub) => fieldRule(sub, `${field.id}.${sub.id}`, []));
    return rule;
  };

  const fields: FieldRule[] = [];
  for (const section of p.form.sections) {
    const sectionKey = `section:${section.id}:visible`;
    const inherited = section.visibleWhen && has(sectionKey) ? [sectionKey] : [];
    for (const field of section.fields) fields.push(fieldRule(field, field.id, inherited));
  }

  const documents = new Map<string, DocumentRule>();
  for (const c of p.cases) {
    for (const doc of c.documents) {
      const existing = documents.get(doc.id);
      if (existing) {
        existing.cases.push(c.id);
        continue;
      }
      const rule: DocumentRule = { id: doc.id, name: doc.name, cases: [c.id], required: doc.required !== false && !doc.requiredWhen };
      const key = `document:${c.id}/${doc.id}:required`;
      if (doc.requiredWhen && has(key)) rule.requiredWhen = key;
      if (doc.presentOnly) rule.presentOnly = true;
      if (doc.electronicForm) rule.electronicForm = true;
      if (doc.alternatives?.length) rule.alternatives = doc.alternatives;
      if (!doc.presentOnly) Object.assign(rule, documentLimits(doc, typeAccept));
      documents.set(doc.id, rule);
    }
  }
  return { cases: p.cases.map((c) => c.id), fields, documents: [...documents.values()] };
}
