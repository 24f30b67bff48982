import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { migrateDraft, type DraftDefinition } from '@thutuc/runtime';
import type { FormField } from '@thutuc/runtime/model';
import { BIRTH_REGISTRATION, nextBirthRegistration } from '../../../test/helpers/next-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const TYPES = ['text', 'textarea', 'number', 'date', 'choice', 'multi_choice', 'boolean'] as const;
const OPTIONS = ['a', 'b', 'c'];

function definition(version: string, fields: FormField[]): DraftDefinition {
  return {
    id: 'thu-nghiem.x',
    version,
    effectiveDate: '2027-01-01',
    legalBasis: [],
    channels: [],
    cases: [{ id: 'mot', name: { vi: 'Một' }, documents: [] }],
    form: { sections: [{ id: 's', title: { vi: 'Phần' }, fields }] },
  };
}

const field = fc.record({
  id: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6'),
  type: fc.constantFrom(...TYPES),
  required: fc.boolean(),
  options: fc.subarray(OPTIONS, { minLength: 1 }),
}).map(({ id, type, required, options }): FormField => ({
  id,
  type,
  label: { vi: `Trường ${id}`, en: `Field ${id}` },
  required,
  ...(type === 'choice' || type === 'multi_choice' ? { options: options.map((value) => ({ value, label: { vi: value } })) } : {}),
}));
const form = fc.uniqueArray(field, { selector: (f) => f.id, maxLength: 6 });

function valueFor(f: FormField): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'number': return fc.integer();
    case 'boolean': return fc.boolean();
    case 'date': return fc.constantFrom('2026-01-02', '2020-12-31');
    case 'choice': return fc.constantFrom(...f.options!.map((o) => o.value));
    case 'multi_choice': return fc.subarray(f.options!.map((o) => o.value), { minLength: 1 });
    default: return fc.string({ minLength: 1 });
  }
}

const draftFor = (fields: FormField[]) =>
  fc.record(Object.fromEntries(fields.map((f) => [f.id, valueFor(f)])), { requiredKeys: [] }).map((data) => ({ data: data as Record<string, unknown>, step: 3 }));

const scenario = form.chain((a) => fc.tuple(fc.constant(a), form, draftFor(a)));

describe('migrateDraft (properties)', () => {
  it('loses no entered value silently: each is kept or listed as dropped', () => {
    fc.assert(
      fc.property(scenario, ([a, b, draft]) => {
        const m = migrateDraft(draft, definition('1.0.0', a), definition('1.1.0', b));
        for (const id of Object.keys(draft.data)) expect(m.kept.includes(id) !== m.dropped.some((d) => d.field === id)).toBe(true);
      }),
    );
  });

  it('keeps values unchanged, and only for fields the new version has', () => {
    fc.assert(
      fc.property(scenario, ([a, b, draft]) => {
        const m = migrateDraft(draft, definition('1.0.0', a), definition('1.1.0', b));
        for (const id of m.kept) expect(m.draft.data[id]).toEqual(draft.data[id]);
        for (const id of Object.keys(m.draft.data)) expect(b.some((f) => f.id === id)).toBe(true);
      }),
    );
  });

  it('changes nothing when the version is the same, and is idempotent', () => {
    fc.assert(
      fc.property(scenario, ([a, b, draft]) => {
        const same = migrateDraft(draft, definition('1.0.0', a), definition('1.0.0', a));
        expect(same.draft.data).toEqual(draft.data);
        expect(same.dropped).toEqual([]);
        const once = migrateDraft(draft, definition('1.0.0', a), definition('1.1.0', b));
        const twice = migrateDraft(once.draft, definition('1.1.0', b), definition('1.1.0', b));
        expect(twice.draft.data).toEqual(once.draft.data);
      }),
    );
  });

  it('flags every required field of the new version that is new (or newly required) and empty', () => {
    fc.assert(
      fc.property(scenario, ([a, b, draft]) => {
        const m = migrateDraft(draft, definition('1.0.0', a), definition('1.1.0', b));
        const flagged = new Set(m.newRequired.map((f) => f.field));
        for (const f of b) {
          const before = a.find((x) => x.id === f.id);
          const wasRequired = before?.required === true && (before.type === f.type || (['text', 'textarea'].includes(before.type) && ['text', 'textarea'].includes(f.type)));
          expect(flagged.has(f.id)).toBe(f.required === true && !wasRequired && m.draft.data[f.id] === undefined);
        }
      }),
    );
  });
});

describe('migrateDraft (birth registration 1.0.0 → 1.1.0)', () => {
  const v1 = parse(readFileSync(path.join(root, BIRTH_REGISTRATION), 'utf8')) as DraftDefinition;
  const v2 = parse(nextBirthRegistration()) as DraftDefinition;
  const draft = { data: { ho_ten_tre: 'Nguyễn Văn An', ngay_sinh_tre: '2027-02-20', yeu_cau_ban_sao: true, so_ban_sao: 2, doi_tuong_mien_le_phi: ['ho_ngheo'] }, caseId: 'dang-ky-khai-sinh', step: 4, savedAt: '2027-02-27T10:00:00Z' };

  it('keeps every value and says what changed, in Vietnamese and English', () => {
    const m = migrateDraft(draft, v1, v2);
    expect(m.draft.data).toEqual(draft.data);
    expect(m.draft.caseId).toBe('dang-ky-khai-sinh');
    expect(m.draft.step).toBe(0);
    expect(m.documents.added).toEqual([{ vi: 'Giấy xác nhận nơi cư trú của người mẹ', en: "Confirmation of the mother's residence" }]);
    expect(m.summary).toEqual({
      vi: 'Biểu mẫu đã cập nhật theo Thông tư 999/2026/TT-BTC (áp dụng từ 01/03/2027): thêm 1 giấy tờ, thay đổi phí, lệ phí.',
      en: 'The form was updated under Circular 999/2026/TT-BTC (in force from 01/03/2027): 1 new document, fees changed.',
    });
  });

  it('lists a value whose option disappeared instead of keeping an invalid choice', () => {
    const v3 = structuredClone(v2);
    const field = v3.form.sections.flatMap((s) => s.fields).find((f) => f.id === 'doi_tuong_mien_le_phi')!;
    field.options = field.options!.filter((o) => o.value !== 'ho_ngheo');
    const m = migrateDraft(draft, v1, v3);
    expect(m.dropped).toEqual([{ field: 'doi_tuong_mien_le_phi', label: { vi: 'Trẻ thuộc diện được miễn lệ phí đăng ký hộ tịch (nếu có)', en: 'Fee exemption group of the child (if any)' }, reason: 'option-removed' }]);
    expect(m.summary.vi).toContain('bỏ 1 thông tin đã nhập');
  });
});
