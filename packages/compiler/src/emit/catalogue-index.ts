import type { CatalogueFiles, Procedure } from '@thutuc/core';
import { render } from './templates.js';
import type { EmittedFiles } from './procedure.js';

export interface IndexEntry {
  id: string;
  code: string;
  title: Procedure['title'];
  field: Procedure['field'];
  levels: Procedure['levels'];
  onlineLevel: Procedure['onlineLevel'];
  version: string;
  effectiveDate: string;
  status: Procedure['status'];
  module: string;
}

export function indexEntry(p: Procedure): IndexEntry {
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    field: p.field,
    levels: p.levels,
    onlineLevel: p.onlineLevel,
    version: p.version,
    effectiveDate: p.effectiveDate,
    status: p.status,
    module: `./procedures/${p.id}/index.js`,
  };
}

/** The catalogue index as JSON and as an ES module with lazy loaders, sorted by id. */
export function emitCatalogueIndex(procedures: readonly Procedure[]): EmittedFiles {
  const entries = procedures.map(indexEntry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files: EmittedFiles = new Map();
  files.set('index.json', JSON.stringify({ procedures: entries }, null, 2) + '\n');
  files.set('index.js', render('catalogue-index.js', { entries }));
  files.set('index.d.ts', render('catalogue-index.d.ts', { entries }));
  return files;
}

/**
 * The shared data servers need next to the procedures: holiday calendars (deadlines),
 * agencies (dossier codes, receipts) and document types.
 */
export function emitSharedData(files: CatalogueFiles): EmittedFiles {
  const byYear = files.holidays.map((f) => f.value).sort((a, b) => a.year - b.year);
  const agencies = files.agencies.flatMap((f) => f.value.agencies).sort((a, b) => (a.id < b.id ? -1 : 1));
  const documentTypes = files.documentTypes.flatMap((f) => f.value.documentTypes).sort((a, b) => (a.id < b.id ? -1 : 1));
  return new Map([['shared.json', JSON.stringify({ holidays: byYear, agencies, documentTypes }, null, 2) + '\n']]);
}
