import type { CatalogueFiles, Procedure } from '@thutuc/core';
import { knownDate, type ProvinceFeeFile } from '@thutuc/runtime';
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
  /** null when the source does not state it. */
  effectiveDate: string | null;
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
    effectiveDate: knownDate(p.effectiveDate) ?? null,
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
  const provinces = files.provinces.flatMap((f) => f.value.provinces).sort((a, b) => (a.code < b.code ? -1 : 1));
  return new Map([['shared.json', JSON.stringify({ holidays: byYear, agencies, documentTypes, provinces }, null, 2) + '\n']]);
}

/** One file per province with the amounts its council resolutions set (see ProvinceFeeFile). */
export function emitFeeOverrides(files: CatalogueFiles): EmittedFiles {
  const byProvince = new Map<string, ProvinceFeeFile>();
  const sorted = [...files.feeOverrides].sort((a, b) => (a.source.file < b.source.file ? -1 : 1));
  for (const { value } of sorted) {
    const file = byProvince.get(value.province) ?? { province: value.province, procedures: {} };
    byProvince.set(value.province, file);
    for (const entry of value.fees) {
      const procedure = (file.procedures[entry.procedure] ??= {
        resolution: { number: value.resolution.number, ...(value.resolution.date ? { date: value.resolution.date } : {}) },
        amounts: {},
      });
      (procedure.amounts[entry.channel ?? '*'] ??= {})[entry.fee] = entry.amount;
    }
  }
  const out: EmittedFiles = new Map();
  for (const [province, file] of [...byProvince].sort()) out.set(`overrides/${province}.json`, JSON.stringify(file, null, 2) + '\n');
  return out;
}
