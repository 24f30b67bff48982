import { shortDate, type LocalizedText } from '@thutuc/runtime';
import type { FormField, Procedure, Text } from '@thutuc/runtime/model';

/** One answer as the desk shows it: the field's label and the value in both languages. */
export interface ReviewRow {
  field: string;
  label: Text;
  value: Text;
}

export interface ReviewSection {
  title: Text;
  rows: ReviewRow[];
}

const same = (text: string): LocalizedText => ({ vi: text, en: text });

/** A value written the way the form's review page ("Kiểm tra thông tin") writes it. */
function valueText(field: FormField, value: unknown): LocalizedText {
  switch (field.type) {
    case 'boolean':
      return value === true ? { vi: 'Có', en: 'Yes' } : { vi: 'Không', en: 'No' };
    case 'choice': {
      const label = field.options?.find((o) => o.value === value)?.label;
      return label ? { vi: label.vi, en: label.en ?? label.vi } : same(String(value));
    }
    case 'multi_choice': {
      const labels = (Array.isArray(value) ? value : [value]).map((v) => field.options?.find((o) => o.value === v)?.label ?? { vi: String(v) });
      return { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en ?? l.vi).join(', ') };
    }
    case 'date':
      return same(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shortDate(value) : String(value));
    case 'address': {
      const a = (value ?? {}) as Record<string, string>;
      return {
        vi: [a.street, a.commune && `Mã xã, phường, đặc khu ${a.commune}`, a.province && `Mã tỉnh, thành phố ${a.province}`].filter(Boolean).join(', '),
        en: [a.street, a.commune && `Commune code ${a.commune}`, a.province && `Province code ${a.province}`].filter(Boolean).join(', '),
      };
    }
    case 'group': {
      const entries = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const line = (lang: 'vi' | 'en', entry: Record<string, unknown>, i: number) =>
        `${lang === 'vi' ? 'Mục' : 'Item'} ${i + 1}: ${(field.fields ?? [])
          .filter((sub) => filled(entry[sub.id]))
          .map((sub) => `${lang === 'vi' ? sub.label.vi : (sub.label.en ?? sub.label.vi)}: ${valueText(sub, entry[sub.id])[lang]}`)
          .join('; ')}`;
      return { vi: entries.map((e, i) => line('vi', e, i)).join('\n'), en: entries.map((e, i) => line('en', e, i)).join('\n') };
    }
    default:
      return same(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function filled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/**
 * The submitted answers laid out as the form's review page: the form's sections in order,
 * each answered field with its label. Fields left empty (or hidden, which the form does not
 * send) are left out.
 */
export function reviewOf(procedure: Procedure, data: unknown): ReviewSection[] {
  const answers = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return procedure.form.sections
    .map((section) => ({
      title: section.title,
      rows: section.fields.filter((f) => filled(answers[f.id])).map((f) => ({ field: f.id, label: f.label, value: valueText(f, answers[f.id]) })),
    }))
    .filter((s) => s.rows.length > 0);
}
