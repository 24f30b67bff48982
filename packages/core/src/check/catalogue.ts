import type { ValidatedDocument } from '../validate/validate.js';
import type { Kind, KindModel } from '../validate/kinds.js';
import type { ParsedSource } from '../source/parse.js';

/** A validated file of one kind. */
export interface Doc<K extends Kind> {
  kind: K;
  value: KindModel[K];
  source: ParsedSource;
}

/** Every valid file of the catalogue, sorted by kind. Checks read from this. */
export interface CatalogueFiles {
  procedures: Doc<'procedure'>[];
  agencies: Doc<'agencies'>[];
  holidays: Doc<'holidays'>[];
  documentTypes: Doc<'document-types'>[];
  examples: Doc<'examples'>[];
  feeOverrides: Doc<'fee-overrides'>[];
  provinces: Doc<'provinces'>[];
  communes: Doc<'communes'>[];
}

/** A procedure version's key: procedures keep their id across versions, so the version is part of it. */
export function procedureKey(p: { id: string; version: string }): string {
  return `${p.id}@${p.version}`;
}

/** The highest version of each procedure: what references by id (bundles, overrides) mean. */
export function latestVersions(procedures: readonly Doc<'procedure'>[]): Map<string, Doc<'procedure'>['value']> {
  const out = new Map<string, Doc<'procedure'>['value']>();
  for (const { value } of procedures) {
    const known = out.get(value.id);
    if (!known || newer(value.version, known.version)) out.set(value.id, value);
  }
  return out;
}

function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! > pb[i]!;
  return false;
}

export function groupByKind(documents: readonly ValidatedDocument[]): CatalogueFiles {
  const files: CatalogueFiles = { procedures: [], agencies: [], holidays: [], documentTypes: [], examples: [], feeOverrides: [], provinces: [], communes: [] };
  for (const doc of documents) {
    switch (doc.kind) {
      case 'procedure':
        files.procedures.push(doc);
        break;
      case 'agencies':
        files.agencies.push(doc);
        break;
      case 'holidays':
        files.holidays.push(doc);
        break;
      case 'document-types':
        files.documentTypes.push(doc);
        break;
      case 'examples':
        files.examples.push(doc);
        break;
      case 'fee-overrides':
        files.feeOverrides.push(doc);
        break;
      case 'provinces':
        files.provinces.push(doc);
        break;
      case 'communes':
        files.communes.push(doc);
        break;
    }
  }
  const byFile = <T extends { source: ParsedSource }>(a: T, b: T) => a.source.file.localeCompare(b.source.file);
  for (const list of Object.values(files) as { source: ParsedSource }[][]) list.sort(byFile);
  return files;
}

/** Where a thing is defined, for "already used in …" messages. */
export function describeLocation(source: ParsedSource, pointer: string): string {
  const at = source.locate(pointer);
  return `${at.file}:${at.line}:${at.column}`;
}
