import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkingCalendar, type ProcedureModule, type ProvinceFeeFile, type WorkingCalendar } from '@thutuc/runtime';
import type { AgencyRegistry, Procedure } from '@thutuc/runtime/model';
import { dossierAgencyCode } from '@thutuc/papers';

export type { ProcedureModule };

export type Agency = AgencyRegistry['agencies'][number];

export interface LoadedCatalogue {
  dir: string;
  /**
   * The compiled module of `version` (the latest version when none is given), or undefined for
   * an id or version the catalogue does not have.
   */
  procedure(id: string, version?: string): Promise<ProcedureModule | undefined>;
  /** The version a dossier was filed under, else the latest (a version removed from the catalogue since). */
  procedureOfDossier(id: string, version: string): Promise<ProcedureModule | undefined>;
  calendar: WorkingCalendar;
  agencies: readonly Agency[];
  /** Council-set local fee amounts of the configured province. */
  province?: ProvinceFeeFile;
  /** The agency identifier a dossier of this procedure is coded with. */
  agencyCodeOf(procedure: ProcedureModule): string;
  /** Largest file any document of any procedure accepts, in bytes. */
  maxFileBytes: number;
}

export interface CatalogueOptions {
  /** Overrides the catalogue's agency data: every dossier gets this identifier. */
  agencyCode?: string;
  /** Used when neither the configuration nor the catalogue gives one. */
  fallbackAgencyCode?: string;
  province?: string;
}

interface IndexEntry {
  id: string;
  version: string;
  latest?: boolean;
  /** `./procedures/<folder>/index.js`, relative to the catalogue folder. */
  module: string;
}

const IDENTIFIER = /^[0-9A-Z.]{1,35}$/;

/** Reads a built catalogue folder; procedure modules are imported on first use. */
export async function loadCatalogue(dir: string, options: CatalogueOptions = {}): Promise<LoadedCatalogue> {
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { procedures: IndexEntry[] };
  const shared = JSON.parse(await readFile(path.join(dir, 'shared.json'), 'utf8')) as { holidays: Parameters<typeof createWorkingCalendar>[0]; agencies?: Agency[] };
  const province = options.province
    ? await readFile(path.join(dir, 'overrides', `${path.basename(options.province)}.json`), 'utf8').then((t) => JSON.parse(t) as ProvinceFeeFile, () => undefined)
    : undefined;
  for (const code of [options.agencyCode, options.fallbackAgencyCode]) {
    if (code !== undefined && !IDENTIFIER.test(code)) throw new RangeError(`Mã định danh cơ quan không hợp lệ / invalid agency identifier: ${code} (expected [0-9A-Z.]{1,35})`);
  }
  // `id` alone names the latest version, `id@version` every version.
  const files = new Map<string, string>();
  for (const p of index.procedures) {
    files.set(`${p.id}@${p.version}`, p.module);
    if (p.latest !== false) files.set(p.id, p.module);
  }
  const modules = new Map<string, Promise<ProcedureModule | undefined>>();
  const load = (key: string): Promise<ProcedureModule | undefined> => {
    const file = files.get(key);
    if (!file) return Promise.resolve(undefined);
    let loading = modules.get(key);
    if (!loading) {
      loading = import(pathToFileURL(path.join(dir, file)).href).then((m) => m as ProcedureModule, () => undefined);
      modules.set(key, loading);
    }
    return loading;
  };
  const agencies = shared.agencies ?? [];
  const maxFileBytes = 100 * 1024 * 1024;
  return {
    dir,
    calendar: createWorkingCalendar(shared.holidays),
    agencies,
    ...(province ? { province } : {}),
    maxFileBytes,
    procedure: (id, version) => load(version === undefined ? id : `${id}@${version}`),
    procedureOfDossier: async (id, version) => (await load(`${id}@${version}`)) ?? load(id),
    agencyCodeOf(procedure) {
      if (options.agencyCode) return options.agencyCode;
      const fromCatalogue = dossierAgencyCode(procedure.definition, agencies);
      if (fromCatalogue && IDENTIFIER.test(fromCatalogue)) return fromCatalogue;
      return options.fallbackAgencyCode ?? 'THUTUC';
    },
  };
}
