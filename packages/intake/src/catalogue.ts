import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkingCalendar, placeNames, type PlaceNames, type ProcedureModule, type ProvinceCommunes, type ProvinceFeeFile, type ProvinceOptions, type WorkingCalendar } from '@thutuc/runtime';
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
  /** Names of provinces and communes, so papers print addresses with names. */
  places: PlaceNames;
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
  const places = await readPlaces(dir);
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
    places,
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

/** `communes/provinces.json` and `communes/<province>.json` of the build; none in an older or unit-less catalogue. */
async function readPlaces(dir: string): Promise<PlaceNames> {
  const folder = path.join(dir, 'communes');
  const json = <T>(file: string) => readFile(path.join(folder, file), 'utf8').then((t) => JSON.parse(t) as T, () => undefined);
  const files = await readdir(folder).catch(() => [] as string[]);
  const lists = await Promise.all(files.filter((f) => /^\d{2}\.json$/.test(f)).map((f) => json<ProvinceCommunes>(f)));
  return placeNames(await json<ProvinceOptions>('provinces.json'), lists.filter((l): l is ProvinceCommunes => l !== undefined));
}
