import type { Text } from './generated/model.js';

/**
 * The project's one vocabulary for two languages. Everything the program itself says
 * (messages, errors, labels) is a `LocalizedText`: Vietnamese and English, both written.
 * Text from the catalogue may lack English (the model's `Text`, from the schemas), so
 * `localize` falls back to Vietnamese, the language every catalogue entry has.
 */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface LocalizedText {
  vi: string;
  en: string;
}


export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** The text in `lang`; English falls back to Vietnamese when the catalogue has none (or an empty one). */
export function localize(text: Text | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' && text.en) || text.vi;
}

/** LocalizedText languages from one pair of strings, for messages built in code. */
export function bilingual(vi: string, en: string): LocalizedText {
  return { vi, en };
}
