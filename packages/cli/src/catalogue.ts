import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeCatalogue, buildCatalogue, loadInputs, type CatalogueAnalysis } from '@thutuc/compiler';
import type { CompiledProcedure } from '@thutuc/papers';
import { didYouMean, type LocalizedText, type Procedure } from '@thutuc/core';
import type { CommonOptions, Io } from './io.js';
import { printDiagnostics } from './report.js';

/**
 * For commands that work on one procedure of a catalogue folder (deadline, render): read and
 * analyse the folder, then find the procedure by id or national code. Problems come back as
 * a message to print, never as an exception.
 */
export type Opened = { analysis: CatalogueAnalysis; procedure: Procedure } | { exitCode: number; message?: LocalizedText };

export async function openProcedure(folder: string, id: string, options: CommonOptions, io: Io): Promise<Opened> {
  const loaded = await loadInputs([folder], io.cwd);
  if (loaded.diagnostics.length) {
    printDiagnostics(io, loaded.diagnostics, new Map(), options.lang, false);
    return { exitCode: 1 };
  }
  const analysis = await analyzeCatalogue(loaded.inputs);
  const procedures = analysis.checked.files.procedures.map((d) => d.value);
  const procedure = procedures.find((p) => p.id === id || p.code === id);
  if (!procedure) {
    const hint = didYouMean(id, procedures.map((p) => p.id));
    return { exitCode: 1, message: { vi: `Không có thủ tục "${id}" trong ${folder}.${hint.vi}`, en: `There is no procedure "${id}" in ${folder}.${hint.en}` } };
  }
  return { analysis, procedure };
}

/**
 * A procedure's compiled module, for tools that need its conditions as code (papers): the
 * folder is built into `node_modules/.cache/thutuc/modules` under the working directory, where
 * the generated modules resolve `@thutuc/runtime` like any installed package would. Building
 * (rather than evaluating condition text) keeps every condition ahead-of-time code.
 */
export async function compiledProcedure(folder: string, id: string, options: CommonOptions, io: Io): Promise<CompiledProcedure | { exitCode: number; message?: LocalizedText }> {
  const outDir = path.join(io.cwd, 'node_modules/.cache/thutuc/modules');
  const built = await buildCatalogue({ inputs: [folder], outDir, cwd: io.cwd });
  if (!built.ok) {
    printDiagnostics(io, built.diagnostics, built.texts, options.lang, false);
    return { exitCode: 1 };
  }
  return (await import(pathToFileURL(path.join(outDir, 'procedures', id, 'index.js')).href)) as CompiledProcedure;
}
