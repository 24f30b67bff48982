import type { Lang } from '@thutuc/runtime';
import { vi, type Strings } from './i18n-vi.js';

/** Every string the form itself shows (catalogue text comes from the procedure, in both languages). */
export type { Lang, Strings };

/**
 * Vietnamese is the default and ships in the element's script; English is a script of its own
 * (thutuc-en.js, i18n-en.ts), loaded by loadStrings when a page asks for `lang="en"`.
 */
const loaded: Partial<Record<Lang, Strings>> = { vi };

/** The strings of `lang`; Vietnamese until loadStrings(lang) has resolved. */
export function strings(lang: Lang): Strings {
  return loaded[lang] ?? vi;
}

/** Whether `strings(lang)` answers in that language yet. */
export function hasStrings(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Loads the strings of `lang` (once); rejects when its script cannot be loaded. */
export async function loadStrings(lang: Lang): Promise<Strings> {
  return (loaded[lang] ??= (await import('./i18n-en.js')).en);
}
