import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic, type Procedure } from '@thutuc/core';
import { analyzeCatalogue, type CatalogueAnalysis } from './analyze.js';
import { emitCatalogueIndex } from './emit/catalogue-index.js';
import { emitProcedure, type EmittedFiles } from './emit/procedure.js';
import { loadInputs } from './load.js';
import { writeChanges, writeTreeAtomic } from './write.js';
import type { AnalyzedSource } from '@thutuc/core';

export interface BuildOptions {
  /** Catalogue files or folders. */
  inputs: string[];
  /** Output folder (replaced as a whole on the first build). */
  outDir: string;
  cwd?: string;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  analysis?: CatalogueAnalysis;
  procedures: number;
  /** Files written by this build (all of them on a first build, only changes after). */
  written: number;
  /** Source texts by file, for code frames. */
  texts: Map<string, string | undefined>;
}

/**
 * load → analyze (decode, parse, validate, check) → emit → write. Keeps what it learnt
 * between calls, so a rebuild after one edited file re-reads all files but re-parses and
 * re-emits only the one that changed. Nothing is written unless the whole catalogue is
 * free of errors.
 */
export class CatalogueBuilder {
  private readonly analysisCache = new Map<string, { bytes: Uint8Array; result: AnalyzedSource }>();
  private readonly emitCache = new Map<string, { key: string; files: EmittedFiles }>();
  private lastOutput: Map<string, string> | undefined;

  constructor(private readonly options: BuildOptions) {}

  async build(): Promise<BuildResult> {
    const { inputs, outDir } = this.options;
    const cwd = this.options.cwd ?? process.cwd();
    const loaded = await loadInputs(inputs, cwd);
    const analysis = analyzeCatalogue(loaded.inputs, this.analysisCache);
    const diagnostics = sortDiagnostics([...loaded.diagnostics, ...analysis.diagnostics]);
    const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
    const procedures = analysis.checked.files.procedures;
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, analysis, procedures: procedures.length, written: 0, texts };

    const typeAccept = new Map<string, string[]>();
    for (const f of analysis.checked.files.documentTypes) for (const t of f.value.documentTypes) if (t.accept) typeAccept.set(t.id, t.accept);
    const acceptKey = JSON.stringify([...typeAccept]);

    const output = new Map<string, string>();
    const seen = new Set<string>();
    for (const { value, source } of procedures) {
      const key = `${source.text}\u0000${acceptKey}`;
      let cached = this.emitCache.get(value.id);
      if (!cached || cached.key !== key) {
        try {
          const files = await emitProcedure(value, {
            source: source.file.split('\\').join('/'),
            conditions: analysis.checked.conditions.get(value.id) ?? {},
            typeAccept,
          });
          cached = { key, files };
          this.emitCache.set(value.id, cached);
        } catch (error) {
          diagnostics.push(diagnostic('TT5002', source.locate(''), { procedure: value.id, reason: (error as Error).message }));
          continue;
        }
      }
      seen.add(value.id);
      for (const [rel, content] of cached.files) output.set(rel, content);
    }
    for (const id of this.emitCache.keys()) if (!seen.has(id)) this.emitCache.delete(id);
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, analysis, procedures: procedures.length, written: 0, texts };

    for (const [rel, content] of emitCatalogueIndex(procedures.map((p) => p.value as Procedure))) output.set(rel, content);

    let written: number;
    try {
      if (this.lastOutput) {
        written = await writeChanges(outDir, output, this.lastOutput);
      } else {
        await writeTreeAtomic(outDir, output);
        written = output.size;
      }
    } catch (error) {
      diagnostics.push(diagnostic('TT5001', { file: outDir }, { reason: (error as Error).message }));
      return { ok: false, diagnostics, analysis, procedures: procedures.length, written: 0, texts };
    }
    this.lastOutput = output;
    return { ok: true, diagnostics, analysis, procedures: procedures.length, written, texts };
  }
}

/** One-shot build: what `thutuc build` runs. */
export async function buildCatalogue(options: BuildOptions): Promise<BuildResult> {
  return new CatalogueBuilder(options).build();
}
