import { rm } from 'node:fs/promises';
import { diagnostic, hasErrors, latestVersions, procedureKey, sortDiagnostics, type Diagnostic, type Procedure } from '@thutuc/core';
import { PARALLEL_THRESHOLD, analyzeCatalogue, type AnalysisCache, type CatalogueAnalysis } from './analyze.js';
import { emitCatalogueIndex, emitFeeOverrides, emitSharedData } from './emit/catalogue-index.js';
import { emitCommunes } from './emit/communes.js';
import { procedureDir, type EmittedFiles } from './emit/procedure.js';
import { bundleBrowserChunks } from './bundle.js';
import { EmitCache } from './emit-cache.js';
import { loadInputs, type FileMemory } from './load.js';
import { WorkerPool } from './pool.js';
import type { WorkerReply } from './worker.js';
import { produceProcedure } from './produce.js';
import { stagingFolder, writeChanges, writeTreeAtomic } from './write.js';

export interface BuildOptions {
  /** Catalogue files or folders. */
  inputs: string[];
  /** Output folder (replaced as a whole on the first build). */
  outDir: string;
  cwd?: string;
  /** Use worker threads for large catalogues (default true). */
  parallel?: boolean;
  /**
   * Also bundle the browser chunks into `<outDir>/browser/` (what `<thutuc-form>` loads).
   * Default false for the API (tests and tools that only need the modules); `thutuc build` sets it.
   */
  browser?: boolean;
  /**
   * Where emitted procedures are kept between builds (by content hash), so a build after a
   * restart re-emits only what changed. Default `<cwd>/node_modules/.cache/thutuc/emit`;
   * false turns it off.
   */
  cacheDir?: string | false;
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
  private readonly analysisCache: AnalysisCache = new Map();
  private readonly files: FileMemory = new Map();
  private readonly emitCache = new Map<string, { key: string; files: EmittedFiles }>();
  private lastOutput: Map<string, string> | undefined;
  private pool: WorkerPool | undefined;

  constructor(private readonly options: BuildOptions) {}

  /** Stops the worker threads, if any were started. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }

  /** Workers only pay off when there is a lot to do (a first build of a large catalogue). */
  private poolFor(tasks: number): WorkerPool | undefined {
    if (this.options.parallel === false || tasks < PARALLEL_THRESHOLD) return undefined;
    this.pool ??= new WorkerPool();
    return this.pool;
  }

  async build(): Promise<BuildResult> {
    const { inputs, outDir } = this.options;
    const cwd = this.options.cwd ?? process.cwd();
    const loaded = await loadInputs(inputs, cwd, this.files);
    const unseen = loaded.inputs.filter((input) => !this.analysisCache.has(input.file)).length;
    const analysis = await analyzeCatalogue(loaded.inputs, { cache: this.analysisCache, pool: this.poolFor(unseen) });
    const diagnostics = sortDiagnostics([...loaded.diagnostics, ...analysis.diagnostics]);
    const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
    const procedures = analysis.checked.files.procedures;
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, analysis, procedures: procedures.length, written: 0, texts };

    const typeAccept = new Map<string, string[]>();
    for (const f of analysis.checked.files.documentTypes) for (const t of f.value.documentTypes) if (t.accept) typeAccept.set(t.id, t.accept);
    const acceptKey = JSON.stringify([...typeAccept]);

    const output = new Map<string, string>();
    const seen = new Set<string>();
    const latest = latestVersions(procedures);
    const dirOf = (p: Procedure) => procedureDir(p, latest.get(p.id) === p);
    const keyOf = (p: Procedure, text: string) => `${dirOf(p)}\u0000${text}\u0000${acceptKey}`;
    const stale = procedures.filter(({ value, source }) => this.emitCache.get(procedureKey(value))?.key !== keyOf(value, source.text));
    const disk = this.options.cacheDir === false ? undefined : await EmitCache.open(cwd, this.options.cacheDir);
    const pool = this.poolFor(stale.length);
    // A first build with workers: each writes its procedures' files straight into the staging folder.
    const staged = pool && !this.lastOutput ? { staging: stagingFolder(outDir), written: new Set<string>() } : undefined;
    await Promise.all(
      stale.map(async ({ value, source }) => {
        const ctx = { source: source.file.split('\\').join('/'), dir: dirOf(value), conditions: analysis.checked.conditions.get(procedureKey(value)) ?? {}, typeAccept };
        try {
          const files = pool
            ? new Map((await pool.run<Extract<WorkerReply, { type: 'emit' }>>({ type: 'emit', procedure: value, ...ctx, typeAccept: [...typeAccept], cache: disk?.location, stage: staged?.staging })).files)
            : await produceProcedure(value, ctx, { cache: disk });
          if (staged) for (const rel of files.keys()) staged.written.add(rel);
          this.emitCache.set(procedureKey(value), { key: keyOf(value, source.text), files });
        } catch (error) {
          diagnostics.push(diagnostic('TT5002', source.locate(''), { procedure: value.id, reason: (error as Error).message }));
        }
      }),
    );
    for (const { value } of procedures) {
      const cached = this.emitCache.get(procedureKey(value));
      if (!cached) continue;
      seen.add(procedureKey(value));
      for (const [rel, content] of cached.files) output.set(rel, content);
    }
    for (const id of this.emitCache.keys()) if (!seen.has(id)) this.emitCache.delete(id);
    if (hasErrors(diagnostics)) {
      if (staged) await rm(staged.staging, { recursive: true, force: true });
      return { ok: false, diagnostics, analysis, procedures: procedures.length, written: 0, texts };
    }

    try {
      for (const [rel, content] of emitCatalogueIndex(procedures.map((p) => p.value as Procedure), latest)) output.set(rel, content);
      for (const [rel, content] of emitSharedData(analysis.checked.files)) output.set(rel, content);
      for (const [rel, content] of emitFeeOverrides(analysis.checked.files)) output.set(rel, content);
      for (const [rel, content] of emitCommunes(analysis.checked.files)) output.set(rel, content);
    } catch (error) {
      // The workers may already have filled a staging folder: leave nothing beside the output.
      if (staged) await rm(staged.staging, { recursive: true, force: true });
      throw error;
    }
    // The modules are ES modules wherever the folder lands, even in a project whose package.json
    // says "type": "commonjs" (what `npm init -y` writes); none of them has side effects.
    output.set('package.json', `${JSON.stringify({ type: 'module', sideEffects: false }, null, 2)}\n`);

    let written: number;
    try {
      const browser = this.options.browser ? bundleBrowserChunks : undefined;
      if (this.lastOutput) {
        written = await writeChanges(outDir, output, this.lastOutput);
        if (browser && written > 0) await browser(outDir);
      } else {
        await writeTreeAtomic(outDir, output, browser && (async (staging) => void (await browser(staging))), staged);
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
  const builder = new CatalogueBuilder(options);
  try {
    return await builder.build();
  } finally {
    await builder.close();
  }
}
