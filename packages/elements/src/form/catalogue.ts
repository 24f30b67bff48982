import type { ProvinceFeeFile } from '@thutuc/runtime';
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
