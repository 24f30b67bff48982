import type { CatalogueFiles, Text } from '@thutuc/core';
import type { Channel, Procedure } from '@thutuc/runtime/model';
import { costsOf, texts } from './cpsv-ap-cost.js';
import { processingTimeOf, spatialOf, VIET_NAM, type Agency } from './cpsv-ap-time-place.js';

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

export interface CpsvApOptions {
  /** Prefix of the @id of every node; a portal may pass its own base IRI. */
  base?: string;
}

type Node = Record<string, unknown>;

const CHANNEL_NAMES: Record<Channel['channel'], Text> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Dịch vụ bưu chính', en: 'Post' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
};

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

function publicService(p: Procedure, base: string, agencies: Map<string, Agency>): Node {
  const self = `${base}procedure/${p.id}`;
  const channels = p.channels.map((c) => {
    const time = processingTimeOf(c.processingTime);
    const notes = [time.text, ...(c.note ? [c.note] : [])];
    return {
      '@id': `${self}/channel/${c.channel}`,
      '@type': 'cv:Channel',
      'dct:identifier': c.channel,
      'dct:type': { '@id': `${base}channel-type/${c.channel}`, '@type': 'skos:Concept', 'skos:prefLabel': texts(CHANNEL_NAMES[c.channel]) },
      ...(time.duration ? { 'cv:processingTime': { '@value': time.duration, '@type': 'xsd:duration' } } : {}),
      'dct:description': notes.flatMap(texts),
    };
  });
  const costs = p.channels.flatMap((c) => costsOf(p, c, `${self}/channel/${c.channel}`));
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
      ? {
          'cv:hasCompetentAuthority': authorities.map((a) => {
            const agency = agencies.get(a);
            const area = agency && spatialOf(agency);
            return { '@id': `${base}agency/${a}`, '@type': 'cv:PublicOrganisation', 'dct:identifier': a, 'skos:prefLabel': texts(agency?.name ?? { vi: a }), ...(area ? { 'dct:spatial': area } : {}) };
          }),
        }
      : {}),
    // A procedure set by national law applies across the country; a locally regulated one's area is not recorded.
    ...(p.procedureType !== 'local_regulation' ? { 'dct:spatial': VIET_NAM } : {}),
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
  const agencies = new Map<string, Agency>();
  for (const doc of files.agencies) for (const a of doc.value.agencies) agencies.set(a.id, a);
  return { '@context': CPSV_AP_CONTEXT, '@graph': files.procedures.map((d) => publicService(d.value, base, agencies)) };
}
