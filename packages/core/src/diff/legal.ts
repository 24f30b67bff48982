import { legalDocumentName, type LocalizedText } from '@thutuc/runtime';
import type { LegalDocument, Procedure } from '@thutuc/runtime/model';

/** `Thông tư 12/2026/TT-BTC` / `Circular 12/2026/TT-BTC`: short enough for a change line. */
export function legalName(doc: Pick<LegalDocument, 'number'>): LocalizedText {
  return legalDocumentName(doc);
}

/** Short names of the given legal-basis ids of a procedure, unknown ids skipped. */
export function legalNames(p: Procedure, ids: readonly string[] | undefined): LocalizedText[] {
  const byId = new Map(p.legalBasis.map((l) => [l.id, l]));
  return (ids ?? []).flatMap((id) => {
    const doc = byId.get(id);
    return doc ? [legalName(doc)] : [];
  });
}

/**
 * The documents to cite for a change of something with its own legal basis: the ones it
 * gained, else those the new version names as its cause (`changeBasis`) when the item cites
 * them, else the version's cause.
 */
export function changeCause(before: readonly string[] | undefined, after: readonly string[] | undefined, p: Procedure): LocalizedText[] {
  const gained = (after ?? []).filter((id) => !(before ?? []).includes(id));
  if (gained.length) return legalNames(p, gained);
  const cited = (after ?? []).filter((id) => p.changeBasis?.includes(id));
  return legalNames(p, cited.length ? cited : p.changeBasis);
}
