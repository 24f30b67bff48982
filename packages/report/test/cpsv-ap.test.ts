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
 * published CPSV-AP 3.x specification; SHACL validation is not run here.
 */
const CLASSES = ['cpsv:PublicService', 'cv:Cost', 'cv:Channel', 'cv:Evidence', 'cv:Output', 'cv:PublicOrganisation', 'eli:LegalResource', 'skos:Concept'];
const PROPERTIES = [
  'dct:identifier', 'dct:title', 'dct:description', 'dct:type',
  'cv:hasCompetentAuthority', 'cv:hasChannel', 'cv:hasCost', 'cpsv:hasInput', 'cv:hasLegalResource', 'cpsv:produces',
  'cv:value', 'cv:currency', 'cv:ifAccessedThrough',
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
          expect(c['cv:value']).toEqual({ '@value': String(fee.amount), '@type': 'xsd:decimal' });
          expect(c['cv:currency']).toEqual({ '@id': `http://publications.europa.eu/resource/authority/currency/${fee.currency ?? 'VND'}` });
        } else if (fee.kind !== 'exempt') {
          unknown++;
          expect(c, `${doc.value.id} ${fee.id}`).not.toHaveProperty('cv:value');
          expect(JSON.stringify(c['dct:description'])).toContain('không phải miễn phí');
        }
      }
    }
    // The real catalogue has both, so both branches above were exercised.
    expect(known).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0);
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
    expect(lines.some((l) => l.includes('"Thủ tục đăng ký khai sinh"@vi'))).toBe(true);
    // Every predicate is an absolute IRI in one of the context's namespaces (or rdf:type).
    const namespaces = [...Object.values(CPSV_AP_CONTEXT), 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'];
    const predicates = new Set(lines.map((l) => /^\S+ <([^>]+)>/.exec(l)?.[1]));
    for (const p of predicates) expect(namespaces.some((ns) => p?.startsWith(ns)), p).toBe(true);
  });
});
