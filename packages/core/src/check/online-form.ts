import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../suggest.js';
import type { CatalogueFiles } from './catalogue.js';

/**
 * What the online form promises must be deliverable: a `prefill` source is one of the
 * attributes VNeID sign-in returns (a misspelt one would silently prefill nothing), and a
 * document replaced by the electronic form (`electronicForm`) needs an online channel to be filed on.
 */

/** Citizen attributes the identity provider returns after VNeID sign-in. */
export const PREFILL_SOURCES = [
  'citizen.fullName',
  'citizen.id',
  'citizen.dateOfBirth',
  'citizen.gender',
  'citizen.nationality',
  'citizen.ethnicity',
  'citizen.phone',
  'citizen.email',
  'citizen.permanentAddress',
  'citizen.currentAddress',
] as const;

export function checkOnlineForm(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { value: p, source } of files.procedures) {
    p.form.sections.forEach((section, i) =>
      section.fields.forEach(function visit(field, j, _all, base = `/form/sections/${i}/fields`): void {
        const at = `${base}/${j}`;
        if (field.prefill !== undefined && !(PREFILL_SOURCES as readonly string[]).includes(field.prefill)) {
          out.push(diagnostic('TT3042', source.locate(`${at}/prefill`), { source: field.prefill, allowed: PREFILL_SOURCES.join(', '), hint: didYouMean(field.prefill, PREFILL_SOURCES) }));
        }
        (field.fields ?? []).forEach((sub, k, all) => visit(sub, k, all, `${at}/fields`));
      }),
    );
    if (p.channels.some((c) => c.channel === 'online')) continue;
    p.cases.forEach((c, i) =>
      c.documents.forEach((d, j) => {
        if (d.electronicForm) out.push(diagnostic('TT3043', source.locate(`/cases/${i}/documents/${j}/electronicForm`), { document: d.id }));
      }),
    );
  }
  return out;
}
