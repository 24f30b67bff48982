import type { CatalogueFiles, Text } from '@thutuc/core';
import type { Channel, Fee, Procedure } from '@thutuc/runtime/model';

/**
 * The catalogue as CPSV-AP 3.x JSON-LD, so a national or EU-model portal can read it without
 * knowing thutuc's YAML. The @context is inline: nothing is fetched when the file is read.
 * Only classes and properties that CPSV-AP 3.x and the Core Vocabularies define are used.
 */

export const CPSV_AP_CONTEXT = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The EU Publications Office currency table, which CPSV-AP names for cv:currency. */
const CURRENCY = 'http://publications.europa.eu/resource/authority/currency/';

export interface CpsvApOptions {
  /** Prefix of the @id of every node; a portal may pass its own base IRI. */
  base?: string;
}

type Node = Record<string, unknown>;
type LangString = { '@value': string; '@language': 'vi' | 'en' };

/** A text in both languages; English only when the catalogue has it. */
function texts(text: Text): LangString[] {
  const out: LangString[] = [{ '@value': text.vi, '@language': 'vi' }];
  if (text.en) out.push({ '@value': text.en, '@language': 'en' });
  return out;
}

const CHANNEL_NAMES: Record<Channel['channel'], Text> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Dịch vụ bưu chính', en: 'Post' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
};

const UNKNOWN_AMOUNT: Text = {
  vi: 'Mức thu chưa xác định trong danh mục (không phải miễn phí).',
  en: 'The amount is not known to the catalogue (this does not mean free).',
};

/**
 * The amount a fee line states for one payment, or undefined when the catalogue does not know
 * it (local, tiered, unknown): an unknown amount must never read as 0, i.e. free.
 */
function knownAmount(fee: Fee): number | undefined {
  if (fee.kind === 'exempt') return 0;
  if (fee.kind === 'fixed' || fee.kind === 'per_unit') return fee.amount;
  return undefined;
}

function cost(fee: Fee, id: string, channelId: string): Node {
  const amount = knownAmount(fee);
  // CPSV-AP gives a cost no name of its own: the fee's label leads its description.
  const notes: Text[] = [fee.label];
  if (fee.kind === 'per_unit' && fee.unit) notes.push({ vi: `Mỗi ${fee.unit}`, en: `Per ${fee.unit}` });
  if (amount === undefined) notes.push(UNKNOWN_AMOUNT);
  if (fee.note) notes.push(fee.note);
  if (fee.reason) notes.push(fee.reason);
  return {
    '@id': id,
    '@type': 'cv:Cost',
    'dct:identifier': fee.id,
    ...(amount === undefined ? {} : { 'cv:value': { '@value': String(amount), '@type': 'xsd:decimal' }, 'cv:currency': { '@id': CURRENCY + (fee.currency ?? 'VND') } }),
    'dct:description': notes.flatMap(texts),
    'cv:ifAccessedThrough': { '@id': channelId },
  };
}

function legalResource(doc: Procedure['legalBasis'][number], id: string): Node {
  return {
    '@id': id,
    '@type': 'eli:LegalResource',
    'dct:identifier': doc.number,
    'eli:id_local': doc.number,
    'eli:title': texts(doc.title),
    ...(doc.date ? { 'eli:date_document': { '@value': doc.date, '@type': 'xsd:date' } } : {}),
    ...(doc.effectiveDate ? { 'eli:first_date_entry_in_force': { '@value': doc.effectiveDate, '@type': 'xsd:date' } } : {}),
  };
}

function publicService(p: Procedure, base: string, agencyNames: Map<string, Text>): Node {
  const self = `${base}procedure/${p.id}`;
  const channels = p.channels.map((c) => ({
    '@id': `${self}/channel/${c.channel}`,
    '@type': 'cv:Channel',
    'dct:identifier': c.channel,
    'dct:type': { '@id': `${base}channel-type/${c.channel}`, '@type': 'skos:Concept', 'skos:prefLabel': texts(CHANNEL_NAMES[c.channel]) },
    ...(c.note ? { 'dct:description': texts(c.note) } : {}),
  }));
  const costs = p.channels.flatMap((c) => c.fees.map((f) => cost(f, `${self}/channel/${c.channel}/cost/${f.id}`, `${self}/channel/${c.channel}`)));
  // Documents that several cases ask for are one piece of evidence, not several.
  const evidence = new Map<string, Node>();
  for (const kase of p.cases) {
    for (const d of kase.documents) {
      if (evidence.has(d.id)) continue;
      evidence.set(d.id, { '@id': `${self}/evidence/${d.id}`, '@type': 'cv:Evidence', 'dct:identifier': d.id, 'dct:title': texts(d.name), ...(d.note ? { 'dct:description': texts(d.note) } : {}) });
    }
  }
  const authorities = p.agencies?.authority ?? p.agencies?.executing ?? [];
  return {
    '@id': self,
    '@type': 'cpsv:PublicService',
    'dct:identifier': p.code,
    'dct:title': texts(p.title),
    ...(p.description ? { 'dct:description': texts(p.description) } : {}),
    ...(authorities.length
      ? { 'cv:hasCompetentAuthority': authorities.map((a) => ({ '@id': `${base}agency/${a}`, '@type': 'cv:PublicOrganisation', 'dct:identifier': a, 'skos:prefLabel': texts(agencyNames.get(a) ?? { vi: a }) })) }
      : {}),
    'cv:hasChannel': channels,
    ...(costs.length ? { 'cv:hasCost': costs } : {}),
    ...(evidence.size ? { 'cpsv:hasInput': [...evidence.values()] } : {}),
    ...(p.legalBasis.length ? { 'cv:hasLegalResource': p.legalBasis.map((l) => legalResource(l, `${base}legal/${encodeURIComponent(l.number)}`)) } : {}),
    'cpsv:produces': p.results.map((r, i) => ({ '@id': `${self}/output/${i + 1}`, '@type': 'cv:Output', 'dct:identifier': r.code ?? String(i + 1), 'dct:title': texts(r.name) })),
  };
}

/** The JSON-LD document: one cpsv:PublicService per procedure, in catalogue order. */
export function cpsvAp(files: CatalogueFiles, options: CpsvApOptions = {}): { '@context': typeof CPSV_AP_CONTEXT; '@graph': Node[] } {
  const base = options.base ?? 'urn:thutuc:';
  const agencyNames = new Map<string, Text>();
  for (const doc of files.agencies) for (const a of doc.value.agencies) agencyNames.set(a.id, a.name);
  return { '@context': CPSV_AP_CONTEXT, '@graph': files.procedures.map((d) => publicService(d.value, base, agencyNames)) };
}
