import { versionFor, type ProvinceFeeFile } from '@thutuc/runtime';
import type { CompiledProcedure } from '../types.js';

/** A URL inside the browser catalogue (the element's `catalogue-base`, `./catalogue/` when unset). */
export function catalogueUrl(base: string | undefined, relative: string): URL {
  const folder = base ?? './catalogue/';
  return new URL(relative, new URL(folder.endsWith('/') ? folder : `${folder}/`, document.baseURI));
}

/** The compiled procedure chunk `procedures/<id>.js`; rejects when it cannot be loaded. */
export async function importProcedure(base: string | undefined, id: string): Promise<CompiledProcedure> {
  const url = catalogueUrl(base, `procedures/${encodeURIComponent(id)}.js`);
  return (await import(/* @vite-ignore */ url.href)) as CompiledProcedure;
}

/**
 * The version of `id` in force on `today`: the chunk `procedures/<id>.js` holds the latest
 * version and the list of all of them; an earlier version in force is its own chunk.
 */
export async function importProcedureInForce(base: string | undefined, id: string, today: string): Promise<CompiledProcedure> {
  const latest = await importProcedure(base, id);
  const pick = latest.versions && versionFor(latest.versions, today);
  return pick && pick.version !== latest.version ? importProcedure(base, pick.chunk) : latest;
}

/** One named version of `id` (the latest chunk lists the chunk of each), or undefined when the catalogue has no such version. */
export async function importProcedureVersion(base: string | undefined, id: string, version: string): Promise<CompiledProcedure | undefined> {
  const latest = await importProcedure(base, id);
  if (latest.version === version) return latest;
  const chunk = latest.versions?.find((v) => v.version === version)?.chunk;
  return chunk ? importProcedure(base, chunk) : undefined;
}

/**
 * The amounts a province's council set (`overrides/<province>.json`), or undefined when the
 * code is not two digits or the province set none (missing file, network error): local fees
 * then stay "set by the provincial council".
 */
export async function fetchProvinceFees(base: string | undefined, province: string | undefined): Promise<ProvinceFeeFile | undefined> {
  if (!province || !/^\d{2}$/.test(province)) return undefined;
  try {
    const response = await fetch(catalogueUrl(base, `overrides/${province}.json`));
    return response.ok ? ((await response.json()) as ProvinceFeeFile) : undefined;
  } catch {
    return undefined;
  }
}
