import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { cpsvAp, CPSV_AP_CONTEXT } from '@thutuc/report';
import type { CatalogueFiles } from '@thutuc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Classes and properties CPSV-AP 3.x and the Core Vocabularies (Core Public Service, Core
 * Public Organisation, Core Criterion and Evidence) define for the nodes we write, and the
 * ELI ontology terms CPSV-AP names for legal resources. Checked by hand against the
 * published CPSV-AP 3.1.1 and 3.2.0 JSON-LD contexts (SEMICeu/CPSV-AP, releases/3.x/context/
 * cpsv-ap_en.jsonld: Cost.hasValue xsd:double, Channel.processingTime xsd:duration,
 * PublicService.spatial and PublicOrganization.spatial dct:spatial, PublicService.hasInput
 * cpsv:hasInput); SHACL validation is not run here.
 */
const CLASSES = ['cpsv:PublicService', 'cv:Cost', 'cv:Channel', 'cv:Evidence', 'cv:Output', 'cv:PublicOrganisation', 'eli:LegalResource', 'skos:Concept', 'dct:Location'];
const PROPERTIES = [
  'dct:identifier', 'dct:title', 'dct:description', 'dct:type',
  'cv:hasCompetentAuthority', 'cv:hasChannel', 'cv:hasCost', 'cpsv:hasInput', 'cv:hasLegalResource', 'cpsv:produces',
  'cv:hasValue', 'cv:currency', 'cv:ifAccessedThrough', 'cv:processingTime', 'dct:spatial',
  'skos:prefLabel',
  'eli:id_local', 'eli:title', 'eli:date_document', 'eli:first_date_entry_in_force',
];
const KEYWORDS = ['@id', '@type', '@value', '@language'];

type Node = Record<string, unknown>;

/** Every object in the document, at any depth. */
function allNodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) allNodes(v, out);
  else if (value && typeof value === 'object') {
    out.push(value as Node);
    for (const v of Object.values(value)) allNodes(v, out);
  }
  return out;
}

const many = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Node[];

let files: CatalogueFiles;
let graph: Node[];
beforeAll(async () => {
  const { inputs } = await loadInputs([path.join(root, 'catalogue')], root);
  files = (await analyzeCatalogue(inputs)).checked.files;
  graph = cpsvAp(files)['@graph'];
});

describe('CPSV-AP export of the real catalogue', () => {
  it('makes every procedure a PublicService with its national code, a Vietnamese name and a channel', () => {
    expect(files.procedures.length).toBeGreaterThan(10);
    expect(graph).toHaveLength(files.procedures.length);
    for (const [i, doc] of files.procedures.entries()) {
      const s = graph[i]!;
      expect(s['@type']).toBe('cpsv:PublicService');
      expect(s['dct:identifier']).toBe(doc.value.code);
      expect(many(s['dct:title'])).toContainEqual({ '@value': doc.value.title.vi, '@language': 'vi' });
      expect(many(s['cv:hasChannel']).length, doc.value.id).toBeGreaterThan(0);
      expect(many(s['cpsv:produces']).every((o) => o['@type'] === 'cv:Output')).toBe(true);
    }
  });

  it('gives a cost a value only where the catalogue knows the amount', () => {
    let known = 0;
    let unknown = 0;
    for (const [i, doc] of files.procedures.entries()) {
      const costs = many(graph[i]!['cv:hasCost']);
      const fees = doc.value.channels.flatMap((c) => c.fees);
      expect(costs).toHaveLength(fees.length);
      for (const [j, fee] of fees.entries()) {
        const c = costs[j]!;
        expect(many(c['dct:description'])[0]).toEqual({ '@value': fee.label.vi, '@language': 'vi' });
        const stated = (fee.kind === 'fixed' || fee.kind === 'per_unit') && fee.amount !== undefined;
        if (stated) {
          known++;
          expect(c['cv:hasValue']).toEqual({ '@value': String(fee.amount), '@type': 'xsd:double' });
          expect(c['cv:currency']).toEqual({ '@id': `http://publications.europa.eu/resource/authority/currency/${fee.currency ?? 'VND'}` });
        } else if (fee.kind !== 'exempt') {
          unknown++;
          expect(c, `${doc.value.id} ${fee.id}`).not.toHaveProperty('cv:hasValue');
          expect(JSON.stringify(c['dct:description'])).toContain('không phải miễn phí');
        }
      }
    }
    // The real catalogue has both, so both branches above were exercised.
    expect(known).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
  });

  it('words each cost\'s conditions: the amount rule, the exemptions with their reasons, a condition on the answers', () => {
    const birth = graph.find((s) => String(s['@id']).endsWith('/ho-tich.dang-ky-khai-sinh'))!;
    const charge = many(birth['cv:hasCost']).find((c) => String(c['@id']).endsWith('/channel/online/cost/le-phi-dang-ky-khai-sinh'))!;
    const vi = many(charge['dct:description']).filter((d) => d['@language'] === 'vi').map((d) => d['@value']);
    expect(vi[0]).toBe('Lệ phí đăng ký khai sinh');
    expect(vi).toContain('Mức thu: Do HĐND tỉnh quyết định');
    expect(vi).toContain('Miễn: Đăng ký khai sinh đúng hạn (trong thời hạn 60 ngày kể từ ngày sinh) của công dân Việt Nam cư trú ở trong nước.');
    expect(vi).toContain('Miễn: Người thuộc hộ nghèo.');
    const en = many(charge['dct:description']).filter((d) => d['@language'] === 'en').map((d) => d['@value']);
    expect(en).toContain("Amount: Set by the provincial People's Council");
    // Every fee line with a `when` says it applies only in some cases.
    for (const [i, doc] of files.procedures.entries()) {
      const costs = many(graph[i]!['cv:hasCost']);
      doc.value.channels.flatMap((c) => c.fees).forEach((fee, j) => {
        const said = JSON.stringify(costs[j]!['dct:description']).includes('Chỉ thu trong một số trường hợp');
        expect(said, `${doc.value.id} ${fee.id}`).toBe(fee.when !== undefined);
      });
    }
  });

  it('gives a channel a processing time as xsd:duration only in calendar units, and always in words', () => {
    let durations = 0;
    let wordsOnly = 0;
    for (const [i, doc] of files.procedures.entries()) {
      const channels = many(graph[i]!['cv:hasChannel']);
      for (const [j, channel] of doc.value.channels.entries()) {
        const node = channels[j]!;
        const t = channel.processingTime;
        const words = many(node['dct:description']).find((d) => d['@language'] === 'vi')!['@value'] as string;
        expect(words, doc.value.id).toMatch(/^Thời hạn giải quyết: /);
        const calendar = !t.unknown && typeof t.value === 'number' && (t.unit === 'day' || t.unit === 'month' || t.unit === 'year');
        if (calendar) {
          durations++;
          expect(node['cv:processingTime']).toEqual({ '@value': `P${t.value}${{ day: 'D', month: 'M', year: 'Y' }[t.unit as 'day']}`, '@type': 'xsd:duration' });
        } else {
          wordsOnly++;
          // Working days have no xsd:duration; an unknown limit is never a number.
          expect(node, `${doc.value.id} ${channel.channel}`).not.toHaveProperty('cv:processingTime');
          if (t.unit === 'working_day' && !t.unknown && t.value! > 0) expect(words).toContain('ngày làm việc');
          if (t.unknown) expect(words).toContain('Chưa có thông tin');
        }
      }
    }
    expect(durations).toBeGreaterThan(0);
    expect(wordsOnly).toBeGreaterThan(0);
  });

  it('says where a service applies, and the area of a national competent authority', () => {
    const vietNam = { '@id': 'http://publications.europa.eu/resource/authority/country/VNM', '@type': 'dct:Location' };
    for (const [i, doc] of files.procedures.entries()) {
      if (doc.value.procedureType === 'local_regulation') expect(graph[i]).not.toHaveProperty('dct:spatial');
      else expect(graph[i]!['dct:spatial'], doc.value.id).toEqual(vietNam);
    }
    const registry = new Map(files.agencies.flatMap((d) => d.value.agencies).map((a) => [a.id, a]));
    const authorities = graph.flatMap((s) => many(s['cv:hasCompetentAuthority']));
    let national = 0;
    for (const a of authorities) {
      const agency = registry.get(String(a['dct:identifier']))!;
      const named = !agency.generic && (agency.level === 'ministry' || agency.level === 'central');
      if (named) national++;
      expect(a['dct:spatial'], agency.id).toEqual(named ? vietNam : undefined);
    }
    // Generic local bodies (every commune's People's Committee) get no single area.
    expect(authorities.some((a) => a['dct:identifier'] === 'ubnd-cap-xa' && !('dct:spatial' in a))).toBe(true);
    expect(national).toBeGreaterThan(0);
  });

  it('links evidence, legal resources and the competent authority by name', () => {
    const birth = graph.find((s) => String(s['@id']).endsWith('/ho-tich.dang-ky-khai-sinh'))!;
    expect(many(birth['cpsv:hasInput']).length).toBeGreaterThan(0);
    const laws = many(birth['cv:hasLegalResource']);
    expect(laws.length).toBeGreaterThan(0);
    for (const l of laws) expect(typeof l['eli:id_local']).toBe('string');
    const authority = many(birth['cv:hasCompetentAuthority'])[0]!;
    expect(many(authority['skos:prefLabel'])[0]!['@value']).not.toBe(authority['dct:identifier']);
  });

  it('uses only the checked CPSV-AP 3.x terms and prefixes of the inline context', () => {
    const nodes = allNodes(graph);
    const types = new Set(nodes.map((n) => n['@type']).filter((t): t is string => typeof t === 'string' && !t.startsWith('xsd:')));
    const keys = new Set(nodes.flatMap((n) => Object.keys(n)));
    expect([...types].filter((t) => !CLASSES.includes(t))).toEqual([]);
    expect([...keys].filter((k) => !PROPERTIES.includes(k) && !KEYWORDS.includes(k))).toEqual([]);
    for (const term of [...types, ...keys].filter((k) => !k.startsWith('@'))) {
      expect(Object.keys(CPSV_AP_CONTEXT)).toContain(term.split(':')[0]);
    }
    // Language-tagged strings are vi or en, never empty.
    for (const n of nodes.filter((n) => '@language' in n)) {
      expect(['vi', 'en']).toContain(n['@language']);
      expect(String(n['@value']).length).toBeGreaterThan(0);
    }
  });

  it('reads as RDF with a JSON-LD processor, using only the inline context', async () => {
    const doc = cpsvAp(files);
    // Any attempt to fetch a context would fail the test: the file must stand alone.
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`tried to load ${url}`);
    };
    // Safe mode (jsonld 9; older typings lack it) throws instead of silently dropping a term.
    const options = { format: 'application/n-quads', documentLoader, safe: true } as jsonld.Options.ToRdf;
    const quads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, options)) as unknown as string;
    const lines = quads.trim().split('\n');
    const services = lines.filter((l) => l.endsWith('<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/vocab/cpsv#PublicService> .'));
    expect(services).toHaveLength(files.procedures.length);
    expect(lines.some((l) => l.includes('<http://data.europa.eu/m8g/hasCost>'))).toBe(true);
    expect(lines.some((l) => /<http:\/\/data\.europa\.eu\/m8g\/hasValue> "[\d.E+-]+"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#double>/.test(l))).toBe(true);
    expect(lines.some((l) => /<http:\/\/data\.europa\.eu\/m8g\/processingTime> "P\d+[DMY]"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#duration>/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('<http://purl.org/dc/terms/spatial> <http://publications.europa.eu/resource/authority/country/VNM>'))).toBe(true);
    expect(lines.some((l) => l.includes('"Thủ tục đăng ký khai sinh"@vi'))).toBe(true);
    // Every predicate is an absolute IRI in one of the context's namespaces (or rdf:type).
    const namespaces = [...Object.values(CPSV_AP_CONTEXT), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'];
    const predicates = new Set(lines.map((l) => /^\S+ <([^>]+)>/.exec(l)?.[1]));
    for (const p of predicates) expect(namespaces.some((ns) => p?.startsWith(ns)), p).toBe(true);
  });
});
