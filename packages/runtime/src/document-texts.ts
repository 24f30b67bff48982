import type { Document, Result } from './generated/model.js';
import type { LocalizedText } from './text.js';

/** Wording of what a document's copies and translation must be, and of a result's validity. */

const COPY_KINDS: Record<NonNullable<Document['copyKinds']>[number], LocalizedText> = {
  certified: { vi: 'bản sao có chứng thực', en: 'a certified copy' },
  with_original: { vi: 'bản sao kèm bản chính để đối chiếu', en: 'a copy shown with the original for comparison' },
  electronic_certified: { vi: 'bản sao điện tử có chứng thực', en: 'an electronic certified copy' },
  from_register: { vi: 'bản sao cấp từ sổ gốc', en: 'a copy issued from the original register' },
};

const TRANSLATIONS: Record<NonNullable<Document['translation']>, LocalizedText> = {
  required: { vi: 'kèm bản dịch tiếng Việt', en: 'with a Vietnamese translation' },
  certified: { vi: 'kèm bản dịch tiếng Việt có chứng thực hoặc công chứng', en: 'with a certified or notarised Vietnamese translation' },
};

/** `Bản sao: bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu; kèm bản dịch …`, or nothing. */
export function copyRequirementText(doc: Pick<Document, 'copyKinds' | 'translation'>): LocalizedText | undefined {
  const kinds = (doc.copyKinds ?? []).map((k) => COPY_KINDS[k]);
  const parts: LocalizedText[] = [];
  if (kinds.length) parts.push({ vi: `Bản sao: ${kinds.map((k) => k.vi).join(' hoặc ')}`, en: `Copies: ${kinds.map((k) => k.en).join(' or ')}` });
  if (doc.translation) parts.push(TRANSLATIONS[doc.translation]);
  if (!parts.length) return undefined;
  return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
}

const PERIODS = { day: { vi: 'ngày', en: ['day', 'days'] }, month: { vi: 'tháng', en: ['month', 'months'] }, year: { vi: 'năm', en: ['year', 'years'] } } as const;

/** `Có giá trị 3 tháng` / `Valid for 3 months`. */
export function validityText(validity: NonNullable<Result['validity']>): LocalizedText {
  const u = PERIODS[validity.unit];
  return { vi: `Có giá trị ${validity.value} ${u.vi}`, en: `Valid for ${validity.value} ${u.en[validity.value === 1 ? 0 : 1]}` };
}
