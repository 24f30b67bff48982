import type { Procedure } from '@thutuc/runtime/model';

/**
 * The part of a procedure's definition that a form in a browser reads: its title, channels and
 * their fees, cases and their documents, delivery options and the form itself. Processing steps,
 * results, gaps, sources and the long legal texts stay on the server side (the Node modules
 * keep the whole definition); a page that embeds one form should not download them.
 *
 * Fee lines cite legal documents by number, so `legalBasis` keeps id and number of the
 * documents the fees cite, and of the documents behind this version (`changeBasis`), which a
 * form names when it carries a draft over from the version before.
 */
export function browserDefinition(p: Procedure): Record<string, unknown> {
  const cited = new Set<string>(p.changeBasis ?? []);
  const channels = p.channels.map((c) => {
    for (const fee of c.fees) {
      for (const id of fee.legalBasis ?? []) cited.add(id);
      for (const e of fee.exemptions ?? []) for (const id of e.legalBasis ?? []) cited.add(id);
    }
    return { channel: c.channel, fees: c.fees };
  });
  const cases = p.cases.map((c) => ({
    id: c.id,
    name: c.name,
    documents: c.documents.map((d) => pick(d, ['id', 'name', 'originals', 'copies', 'copyKinds', 'translation', 'presentOnly', 'electronicForm', 'note'])),
  }));
  return {
    ...pick(p, ['kind', 'id', 'code', 'title', 'onlineLevel', 'version', 'effectiveDate', 'endDate', 'changeBasis', 'status']),
    legalBasis: p.legalBasis.filter((doc) => cited.has(doc.id)).map((doc) => ({ id: doc.id, number: doc.number })),
    channels,
    cases,
    ...pick(p, ['delivery', 'form', 'members']),
  };
}

function pick<T extends object>(from: T, keys: readonly (keyof T & string)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

/** The `definition` object out of a generated `definition.js` (`export const definition = {…};`). */
export function definitionOfModule(code: string): Procedure {
  const start = code.indexOf('export const definition = ');
  if (start < 0) throw new Error('not a generated definition module');
  const json = code.slice(start + 'export const definition = '.length).trim().replace(/;$/, '');
  return JSON.parse(json) as Procedure;
}
