import type { CatalogueFiles, Procedure } from '@thutuc/core';
import { SINCE_ALWAYS, knownDate, versionEnd, versionPeriod, type ProvinceFeeFile } from '@thutuc/runtime';
import { render } from './templates.js';
import { procedureDir, type EmittedFiles } from './procedure.js';

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
  /** First day this version no longer applies: its own end date or the next version's start. */
  endDate?: string;
  status: Procedure['status'];
  /** The highest version of the procedure (compiled at `procedures/<id>/`). */
  latest: boolean;
  module: string;
}

export function indexEntry(p: Procedure, siblings: readonly Procedure[] = [p], latest = true): IndexEntry {
  const end = versionEnd(siblings.map(versionPeriod), p.version);
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    field: p.field,
    levels: p.levels,
    onlineLevel: p.onlineLevel,
    version: p.version,
    effectiveDate: knownDate(p.effectiveDate) ?? null,
    ...(end ? { endDate: end } : {}),
    status: p.status,
    latest,
    module: `./${procedureDir(p, latest)}/index.js`,
  };
}

/**
 * The catalogue index as JSON and as an ES module with lazy loaders, sorted by id then by
 * effective date; every version of a procedure has an entry. Beside each procedure, the list of
 * its versions (`procedures/<id>/versions.js`), which every version's module re-exports so a
 * form that loaded one version can find the one in force.
 */
export function emitCatalogueIndex(procedures: readonly Procedure[], latest: ReadonlyMap<string, Procedure> = new Map(procedures.map((p) => [p.id, p]))): EmittedFiles {
  const byId = new Map<string, Procedure[]>();
  for (const p of procedures) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  const entries = procedures
    .map((p) => indexEntry(p, byId.get(p.id), latest.get(p.id) === p))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.effectiveDate ?? '') < (b.effectiveDate ?? '') ? -1 : (a.effectiveDate ?? '') > (b.effectiveDate ?? '') ? 1 : 0));
  const files: EmittedFiles = new Map();
  // Entries are sorted by id, so one pass groups each procedure's versions in date order.
  const entriesOf = new Map<string, IndexEntry[]>();
  for (const e of entries) entriesOf.set(e.id, [...(entriesOf.get(e.id) ?? []), e]);
  for (const [id, versions] of byId) {
    const list = entriesOf
      .get(id)!
      .map((e) => ({ version: e.version, effectiveDate: e.effectiveDate ?? SINCE_ALWAYS, ...(e.endDate ? { endDate: e.endDate } : {}), chunk: e.module.slice('./procedures/'.length, -'/index.js'.length) }));
    files.set(`procedures/${id}/versions.js`, render('versions.js', { list, count: versions.length }));
  }
  const modules = entries.map((e) => e.module);
  files.set('index.json', JSON.stringify({ procedures: entries }, null, 2) + '\n');
  files.set('index.js', render('catalogue-index.js', { entries, modules }));
  files.set('index.d.ts', render('catalogue-index.d.ts', { entries: entries.filter((e) => e.latest) }));
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
