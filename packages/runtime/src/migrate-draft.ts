import type { FormField, Procedure } from './generated/model.js';
import { legalDocumentName } from './legal-names.js';
import { shortDate } from './date-text.js';
import { knownDate } from './unknowns.js';
import type { LocalizedText } from './text.js';

/** What the form keeps between visits; only `data` and `caseId` depend on the procedure's version. */
export interface DraftLike {
  data: Record<string, unknown>;
  caseId?: string;
  step?: number;
}

/** The parts of a procedure a draft depends on (a compiled module's `definition` has them). */
export type DraftDefinition = Pick<Procedure, 'id' | 'version' | 'effectiveDate' | 'form' | 'cases' | 'channels' | 'legalBasis'> & Partial<Pick<Procedure, 'changeBasis'>>;

export interface DroppedValue {
  field: string;
  label: LocalizedText;
  reason: 'removed' | 'type-changed' | 'option-removed';
}

export interface DraftMigration<D extends DraftLike> {
  draft: D;
  from: string;
  to: string;
  /** Field ids whose values carried over unchanged. */
  kept: string[];
  dropped: DroppedValue[];
  /** New or newly required fields the applicant has not filled in yet. */
  newRequired: { field: string; label: LocalizedText }[];
  documents: { added: LocalizedText[]; removed: LocalizedText[] };
  feesChanged: boolean;
  /** `Biểu mẫu đã cập nhật theo Thông tư …: thêm 1 trường bắt buộc, bỏ 1 giấy tờ.` */
  summary: LocalizedText;
}

const TEXT_LIKE = new Set(['text', 'textarea']);

function compatible(a: FormField, b: FormField): boolean {
  return a.type === b.type || (TEXT_LIKE.has(a.type) && TEXT_LIKE.has(b.type));
}

function fieldsOf(def: DraftDefinition): Map<string, FormField> {
  return new Map(def.form.sections.flatMap((s) => s.fields.map((f): [string, FormField] => [f.id, f])));
}

const label = (f: FormField): LocalizedText => ({ vi: f.label.vi, en: f.label.en ?? f.label.vi });

/** A value carried to the new field, or why it cannot be. */
function carry(value: unknown, before: FormField, after: FormField): { value: unknown } | { reason: DroppedValue['reason'] } {
  if (!compatible(before, after)) return { reason: 'type-changed' };
  const allowed = after.options && new Set(after.options.map((o) => o.value));
  if (allowed && after.type === 'choice' && typeof value === 'string' && !allowed.has(value)) return { reason: 'option-removed' };
  if (allowed && after.type === 'multi_choice' && Array.isArray(value)) {
    const kept = value.filter((v) => allowed.has(String(v)));
    return kept.length === value.length ? { value } : { reason: 'option-removed' };
  }
  if (after.type === 'group' && Array.isArray(value)) {
    const subBefore = new Map((before.fields ?? []).map((f) => [f.id, f]));
    const subAfter = new Map((after.fields ?? []).map((f) => [f.id, f]));
    const rows = value.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [id, v] of Object.entries((row ?? {}) as Record<string, unknown>)) {
        const b = subBefore.get(id);
        const a = subAfter.get(id);
        if (!a || !b) continue;
        const c = carry(v, b, a);
        if ('value' in c) out[id] = c.value;
      }
      return out;
    });
    return { value: rows };
  }
  return { value };
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * Moves a draft saved against one version of a procedure to another. Values follow their
 * field by id when the field still exists with a compatible type (and the chosen option still
 * exists); everything else is listed, never silently lost. Pure: same input, same output.
 */
export function migrateDraft<D extends DraftLike>(draft: D, from: DraftDefinition, to: DraftDefinition): DraftMigration<D> {
  const before = fieldsOf(from);
  const after = fieldsOf(to);
  const data: Record<string, unknown> = {};
  const kept: string[] = [];
  const dropped: DroppedValue[] = [];
  for (const [id, value] of Object.entries(draft.data)) {
    const b = before.get(id);
    const a = after.get(id);
    if (!a) {
      if (filled(value)) dropped.push({ field: id, label: b ? label(b) : { vi: id, en: id }, reason: 'removed' });
      continue;
    }
    if (!b) continue; // not a field of the old version: nothing the applicant typed
    const c = carry(value, b, a);
    if ('value' in c) {
      data[id] = c.value;
      kept.push(id);
    } else if (filled(value)) dropped.push({ field: id, label: label(a), reason: c.reason });
  }
  const newRequired = [...after.values()]
    .filter((f) => f.required === true && !(before.get(f.id)?.required === true && compatible(before.get(f.id)!, f)) && !filled(data[f.id]))
    .map((f) => ({ field: f.id, label: label(f) }));
  const documents = documentChanges(from, to, draft.caseId);
  const feesChanged = feeKey(from) !== feeKey(to);
  const caseId = draft.caseId && to.cases.some((c) => c.id === draft.caseId) ? draft.caseId : undefined;
  const migrated = { ...draft, data, step: 0 } as D;
  if (caseId) migrated.caseId = caseId;
  else delete migrated.caseId;
  const result = { draft: migrated, from: from.version, to: to.version, kept, dropped, newRequired, documents, feesChanged };
  return { ...result, summary: summarize(result, to) };
}

function documentChanges(from: DraftDefinition, to: DraftDefinition, caseId: string | undefined) {
  const pick = (def: DraftDefinition) => (def.cases.find((c) => c.id === caseId) ?? def.cases[0])?.documents ?? [];
  const oldDocs = pick(from);
  const newDocs = pick(to);
  const name = (d: { name: { vi: string; en?: string } }): LocalizedText => ({ vi: d.name.vi, en: d.name.en ?? d.name.vi });
  return {
    added: newDocs.filter((d) => !oldDocs.some((o) => o.id === d.id)).map(name),
    removed: oldDocs.filter((d) => !newDocs.some((n) => n.id === d.id)).map(name),
  };
}

function feeKey(def: DraftDefinition): string {
  return JSON.stringify(def.channels.map((c) => [c.channel, c.fees]));
}

function summarize(m: Omit<DraftMigration<DraftLike>, 'summary'>, to: DraftDefinition): LocalizedText {
  const parts: LocalizedText[] = [];
  const add = (n: number, vi: string, en: (n: number) => string) => n && parts.push({ vi: `${vi.replace('#', String(n))}`, en: en(n) });
  add(m.newRequired.length, 'thêm # trường bắt buộc', (n) => `${n} new required field${n === 1 ? '' : 's'}`);
  add(m.dropped.length, 'bỏ # thông tin đã nhập', (n) => `${n} entered value${n === 1 ? '' : 's'} removed`);
  add(m.documents.added.length, 'thêm # giấy tờ', (n) => `${n} new document${n === 1 ? '' : 's'}`);
  add(m.documents.removed.length, 'bỏ # giấy tờ', (n) => `${n} document${n === 1 ? '' : 's'} removed`);
  if (m.feesChanged) parts.push({ vi: 'thay đổi phí, lệ phí', en: 'fees changed' });
  const basis = (to.changeBasis ?? []).flatMap((id) => to.legalBasis.filter((l) => l.id === id).map(legalDocumentName));
  const start = knownDate(to.effectiveDate);
  const since = start ? shortDate(start) : '?';
  const head: LocalizedText = basis.length
    ? { vi: `Biểu mẫu đã cập nhật theo ${basis.map((b) => b.vi).join(', ')} (áp dụng từ ${since})`, en: `The form was updated under ${basis.map((b) => b.en).join(', ')} (in force from ${since})` }
    : { vi: `Biểu mẫu đã cập nhật lên phiên bản ${m.to} (áp dụng từ ${since})`, en: `The form was updated to version ${m.to} (in force from ${since})` };
  if (!parts.length) return { vi: `${head.vi}; những gì bạn đã nhập vẫn được giữ.`, en: `${head.en}; everything you entered is kept.` };
  return { vi: `${head.vi}: ${parts.map((p) => p.vi).join(', ')}.`, en: `${head.en}: ${parts.map((p) => p.en).join(', ')}.` };
}
