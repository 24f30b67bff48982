import type { LocalizedText } from './text.js';

/** Kinds of legal document by the suffix of their number (`…/TT-BTC`, `…/NĐ-CP`, `…/QH13`). */
const KINDS: [RegExp, LocalizedText][] = [
  [/\/TTLT-/, { vi: 'Thông tư liên tịch', en: 'Joint Circular' }],
  [/\/TT-/, { vi: 'Thông tư', en: 'Circular' }],
  [/\/NĐ-/, { vi: 'Nghị định', en: 'Decree' }],
  [/\/NQ-/, { vi: 'Nghị quyết', en: 'Resolution' }],
  [/\/QĐ-/, { vi: 'Quyết định', en: 'Decision' }],
  [/\/QH\d*$/, { vi: 'Luật', en: 'Law' }],
];

/** `Thông tư 12/2026/TT-BTC` / `Circular 12/2026/TT-BTC`: short enough for a sentence. */
export function legalDocumentName(doc: { number: string }): LocalizedText {
  const kind = KINDS.find(([re]) => re.test(doc.number))?.[1];
  return kind ? { vi: `${kind.vi} ${doc.number}`, en: `${kind.en} ${doc.number}` } : { vi: doc.number, en: doc.number };
}
