import type { FormField, Section } from '@thutuc/runtime/model';
import { computeSubmissionFees, type ConditionContext, type FeePayload, type ProvinceFeeFile, type SubmissionFees, type ValidationError } from '@thutuc/runtime';
import type { AttachedFile, CompiledProcedure } from '../types.js';

export type Data = Record<string, unknown>;

export type Step =
  | { kind: 'section'; section: Section }
  | { kind: 'documents' }
  | { kind: 'fees' }
  | { kind: 'review' };

/** The channel an online form files through: online when the procedure offers it. */
export function formChannel(p: CompiledProcedure): string {
  const channels = p.definition.channels.map((c) => c.channel);
  return channels.includes('online') ? 'online' : channels[0]!;
}

/** The same fee rules the server and the receipt use, on what the form holds now. */
export function computeFeeSummary(p: CompiledProcedure, payload: Record<string, unknown>, today: string, province?: ProvinceFeeFile): SubmissionFees {
  return computeSubmissionFees(p, { ...payload, channel: formChannel(p) } as unknown as FeePayload, { today, ...(province ? { province } : {}) });
}

export function contextOf(p: CompiledProcedure, caseId: string | undefined, delivery: string | undefined, today: string): ConditionContext {
  return { channel: formChannel(p), case: caseId ?? p.definition.cases[0]?.id, delivery, today };
}

export function isSectionVisible(p: CompiledProcedure, section: Section, data: Data, ctx: ConditionContext): boolean {
  const condition = p.conditions[`section:${section.id}:visible`];
  return !condition || Boolean(condition(data, ctx));
}

/** `key` is the field id, or `group.sub` inside a group (with `item` the group entry). */
export function isFieldVisible(p: CompiledProcedure, key: string, data: Data, ctx: ConditionContext, item?: Data): boolean {
  const condition = p.conditions[`field:${key}:visible`];
  return !condition || Boolean(condition(data, ctx, item));
}

export function isFieldRequired(p: CompiledProcedure, field: FormField, key: string, data: Data, ctx: ConditionContext, item?: Data): boolean {
  if (field.required) return true;
  const condition = p.conditions[`field:${key}:required`];
  return Boolean(condition && condition(data, ctx, item));
}

/** Uploadable documents exist in some case: the form then has a documents step. */
export function hasDocumentsStep(p: CompiledProcedure): boolean {
  return p.rules.documents.some((d) => !d.presentOnly) || p.definition.cases.length > 1;
}

export function stepsOf(p: CompiledProcedure, data: Data, ctx: ConditionContext): Step[] {
  const steps: Step[] = p.definition.form.sections.filter((s) => isSectionVisible(p, s, data, ctx)).map((section) => ({ kind: 'section', section }));
  if (hasDocumentsStep(p)) steps.push({ kind: 'documents' });
  steps.push({ kind: 'fees' }, { kind: 'review' });
  return steps;
}

/**
 * Drops values of fields that are hidden, so what is sent is what the applicant sees. Built in
 * one go (Object.fromEntries): an object given thirty-odd computed keys one at a time becomes
 * a slow dictionary in V8, which the validator then reads twice as slowly.
 */
export function visibleData(p: CompiledProcedure, data: Data, ctx: ConditionContext): Data {
  const out: [string, unknown][] = [];
  for (const section of p.definition.form.sections) {
    if (!isSectionVisible(p, section, data, ctx)) continue;
    for (const field of section.fields) {
      if (!isFieldVisible(p, field.id, data, ctx)) continue;
      const value = data[field.id];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && field.type !== 'group')) continue;
      if (field.type === 'group' && Array.isArray(value)) {
        out.push([
          field.id,
          value.map((entry: Data) => {
            const clean: Data = {};
            for (const sub of field.fields ?? []) {
              if (!isFieldVisible(p, `${field.id}.${sub.id}`, data, ctx, entry)) continue;
              const v = entry?.[sub.id];
              if (v !== undefined && v !== '') clean[sub.id] = v;
            }
            return clean;
          }),
        ]);
      } else {
        out.push([field.id, value]);
      }
    }
  }
  return Object.fromEntries(out);
}

export function documentsPayload(files: ReadonlyMap<string, AttachedFile[]>): Record<string, { name: string; type: string; size: number; sha256: string }[]> {
  const out: Record<string, { name: string; type: string; size: number; sha256: string }[]> = {};
  for (const [id, list] of files) {
    if (list.length) out[id] = list.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }));
  }
  return out;
}

/** Which step an error belongs to, so each step shows only its own. */
export function errorsForStep(step: Step, errors: readonly ValidationError[]): ValidationError[] {
  switch (step.kind) {
    case 'section': {
      const ids = new Set(step.section.fields.map((f) => f.id));
      return errors.filter((e) => e.path.startsWith('/data/') && ids.has(e.path.split('/')[2]!));
    }
    case 'documents':
      return errors.filter((e) => e.path.startsWith('/documents') || e.path === '/case');
    case 'fees':
      return errors.filter((e) => e.path === '/delivery' || e.path === '/channel');
    case 'review':
      return [...errors];
  }
}

/** The element id of the control an error points at (for error summary links). */
export function controlId(path: string): string {
  return 'f' + path.replace(/[^a-zA-Z0-9_-]/g, '-');
}
