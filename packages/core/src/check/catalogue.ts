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
}

export function groupByKind(documents: readonly ValidatedDocument[]): CatalogueFiles {
  const files: CatalogueFiles = { procedures: [], agencies: [], holidays: [], documentTypes: [], examples: [], feeOverrides: [], provinces: [] };
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
