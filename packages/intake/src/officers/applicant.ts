import type { FormField, Procedure } from '@thutuc/runtime/model';

/**
 * Who a dossier is about, for the officer's inbox: the field the form prefills with the
 * citizen's full name, else the first text field whose id starts with `ho_ten` — the rule the
 * official papers use to print the applicant.
 */
export function applicantNameField(procedure: Procedure): string | undefined {
  const fields: FormField[] = procedure.form.sections.flatMap((s) => s.fields);
  return (fields.find((f) => f.prefill === 'citizen.fullName') ?? fields.find((f) => f.type === 'text' && f.id.startsWith('ho_ten')))?.id;
}

export function applicantName(procedure: Procedure | undefined, data: unknown): string | null {
  const field = procedure ? applicantNameField(procedure) : undefined;
  const value = field && data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * Vietnamese text folded for search: no tone or vowel marks, đ → d, lower case, so
 * "nguyen thi lan" finds "Nguyễn Thị Lan". `FOLD_FROM`/`FOLD_TO` do the same inside SQL with
 * `translate()`, which needs no extension and ignores the database's locale.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().normalize('NFC');
}

const LETTERS: Record<string, string> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ', e: 'èéẻẽẹêềếểễệ', i: 'ìíỉĩị', o: 'òóỏõọôồốổỗộơờớởỡợ', u: 'ùúủũụưừứửữự', y: 'ỳýỷỹỵ', d: 'đ',
};
const pairs = Object.entries(LETTERS).flatMap(([base, marked]) => [...marked, ...marked.toUpperCase()].map((c) => [c, base] as const));
const ascii = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => [c, c.toLowerCase()] as const);
export const FOLD_FROM = [...pairs, ...ascii].map(([c]) => c).join('');
export const FOLD_TO = [...pairs, ...ascii].map(([, b]) => b).join('');

/** `%`, `_` and `\` typed by the officer match themselves in a LIKE pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
