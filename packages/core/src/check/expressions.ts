import { isScalar } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileExpression } from '../expr/compile.js';
import type { Binding, ExprType, Scope } from '../expr/types.js';
import type { FormField, Procedure } from '@thutuc/runtime/model';
import type { ParsedSource } from '../source/parse.js';
import type { CatalogueFiles } from './catalogue.js';

/** Names every expression can use besides the form's fields. */
export const CONTEXT_NAMES = ['channel', 'case', 'delivery'] as const;

function fieldType(field: FormField, parent: Scope): ExprType {
  switch (field.type) {
    case 'number':
      return { kind: 'number' };
    case 'date':
      return { kind: 'date' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'choice':
      return { kind: 'string', options: (field.options ?? []).map((o) => o.value), field: field.id };
    case 'multi_choice':
      return { kind: 'list', options: (field.options ?? []).map((o) => o.value), field: field.id };
    case 'address':
      return { kind: 'address' };
    case 'group':
      return { kind: 'group', item: itemScope(field, parent) };
    default:
      return { kind: 'string' };
  }
}

function itemScope(group: FormField, parent: Scope): Scope {
  const names = new Map<string, Binding>();
  const scope: Scope = { names, parent };
  for (const sub of group.fields ?? []) names.set(sub.id, { type: fieldType(sub, scope), source: 'item' });
  return scope;
}

/** The names of a procedure's expressions: its fields plus channel, case and delivery. */
export function procedureScope(p: Procedure): Scope {
  const names = new Map<string, Binding>();
  const scope: Scope = { names };
  names.set('channel', { type: { kind: 'string', options: p.channels.map((c) => c.channel), field: 'channel' }, source: 'context' });
  names.set('case', { type: { kind: 'string', options: p.cases.map((c) => c.id), field: 'case' }, source: 'context' });
  names.set('delivery', { type: { kind: 'string', options: p.delivery ?? ['in_person'], field: 'delivery' }, source: 'context' });
  for (const section of p.form.sections) {
    for (const field of section.fields) names.set(field.id, { type: fieldType(field, scope), source: 'data' });
  }
  return scope;
}

export interface ProcedureConditions {
  /** Condition key → JavaScript expression text (reads `d`, `c`, `it`, `r`). */
  conditions: Record<string, string>;
  diagnostics: Diagnostic[];
}

/** Column of a character inside a one-line scalar, so the caret lands on the problem. */
function locateInside(source: ParsedSource, pointer: string, index: number | undefined) {
  const at = source.locate(pointer);
  const node = source.nodeAt(pointer);
  if (index === undefined || !isScalar(node) || at.line !== at.endLine) return at;
  const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { ...at, column: (at.column ?? 1) + quote + index };
}

/**
 * Parses and type-checks every expression of a procedure, and keeps the compiled text of
 * those that pass for the emitter. Keys name what the condition controls.
 */
export function compileProcedureConditions(p: Procedure, source: ParsedSource): ProcedureConditions {
  const conditions: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  const scope = procedureScope(p);

  const add = (key: string, text: string | undefined, pointer: string, expected: 'boolean' | 'number', inner: Scope = scope) => {
    if (text === undefined) return;
    const result = compileExpression(text, inner, expected);
    for (const problem of result.problems) {
      diagnostics.push(diagnostic(problem.code, locateInside(source, pointer, problem.index), problem.params));
    }
    if (result.js !== undefined) conditions[key] = result.js;
  };

  for (const name of CONTEXT_NAMES) {
    p.form.sections.forEach((s, i) =>
      s.fields.forEach((f, j) => {
        if (f.id === name) {
          diagnostics.push(diagnostic('TT3001', source.locate(`/form/sections/${i}/fields/${j}/id`), { id: name, other: 'thutuc (built-in)' }));
        }
      }),
    );
  }

  p.form.sections.forEach((section, i) => {
    const sp = `/form/sections/${i}`;
    add(`section:${section.id}:visible`, section.visibleWhen, `${sp}/visibleWhen`, 'boolean');
    section.fields.forEach((field, j) => {
      const fp = `${sp}/fields/${j}`;
      add(`field:${field.id}:visible`, field.visibleWhen, `${fp}/visibleWhen`, 'boolean');
      add(`field:${field.id}:required`, field.requiredWhen, `${fp}/requiredWhen`, 'boolean');
      if (field.type === 'group') {
        const inner = itemScope(field, scope);
        (field.fields ?? []).forEach((sub, k) => {
          const gp = `${fp}/fields/${k}`;
          add(`field:${field.id}.${sub.id}:visible`, sub.visibleWhen, `${gp}/visibleWhen`, 'boolean', inner);
          add(`field:${field.id}.${sub.id}:required`, sub.requiredWhen, `${gp}/requiredWhen`, 'boolean', inner);
        });
      }
    });
  });

  p.cases.forEach((c, i) =>
    c.documents.forEach((d, j) => add(`document:${c.id}/${d.id}:required`, d.requiredWhen, `/cases/${i}/documents/${j}/requiredWhen`, 'boolean')),
  );

  p.channels.forEach((channel, i) =>
    channel.fees.forEach((fee, j) => {
      const base = `/channels/${i}/fees/${j}`;
      const key = `fee:${channel.channel}/${fee.id}`;
      add(`${key}:when`, fee.when, `${base}/when`, 'boolean');
      add(`${key}:quantity`, fee.quantity, `${base}/quantity`, 'number');
      add(`${key}:multiplier`, fee.multiplier, `${base}/multiplier`, 'number');
      (fee.exemptions ?? []).forEach((e, k) => add(`${key}/exemption/${e.id}`, e.when, `${base}/exemptions/${k}/when`, 'boolean'));
    }),
  );

  return { conditions, diagnostics };
}

export function checkExpressions(files: CatalogueFiles): Diagnostic[] {
  return files.procedures.flatMap(({ value, source }) => compileProcedureConditions(value, source).diagnostics);
}
