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
  /** The compiled module, or undefined for an id the catalogue does not have. */
  procedure(id: string): Promise<ProcedureModule | undefined>;
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

const IDENTIFIER = /^[0-9A-Z.]{1,35}$/;

/** Reads a built catalogue folder; procedure modules are imported on first use. */
export async function loadCatalogue(dir: string, options: CatalogueOptions = {}): Promise<LoadedCatalogue> {
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { procedures: { id: string }[] };
  const shared = JSON.parse(await readFile(path.join(dir, 'shared.json'), 'utf8')) as { holidays: Parameters<typeof createWorkingCalendar>[0]; agencies?: Agency[] };
  const province = options.province
    ? await readFile(path.join(dir, 'overrides', `${path.basename(options.province)}.json`), 'utf8').then((t) => JSON.parse(t) as ProvinceFeeFile, () => undefined)
    : undefined;
  for (const code of [options.agencyCode, options.fallbackAgencyCode]) {
    if (code !== undefined && !IDENTIFIER.test(code)) throw new RangeError(`Mã định danh cơ quan không hợp lệ / invalid agency identifier: ${code} (expected [0-9A-Z.]{1,35})`);
  }
  const known = new Set(index.procedures.map((p) => p.id));
  const modules = new Map<string, Promise<ProcedureModule | undefined>>();
  const agencies = shared.agencies ?? [];
  const maxFileBytes = 100 * 1024 * 1024;
  return {
    dir,
    calendar: createWorkingCalendar(shared.holidays),
    agencies,
    ...(province ? { province } : {}),
    maxFileBytes,
    procedure(id) {
      if (!known.has(id)) return Promise.resolve(undefined);
      let loading = modules.get(id);
      if (!loading) {
        const file = path.join(dir, 'procedures', id, 'index.js');
        loading = import(pathToFileURL(file).href).then((m) => m as ProcedureModule, () => undefined);
        modules.set(id, loading);
      }
      return loading;
    },
    agencyCodeOf(procedure) {
      if (options.agencyCode) return options.agencyCode;
      const fromCatalogue = dossierAgencyCode(procedure.definition, agencies);
      if (fromCatalogue && IDENTIFIER.test(fromCatalogue)) return fromCatalogue;
      return options.fallbackAgencyCode ?? 'THUTUC';
    },
  };
}
