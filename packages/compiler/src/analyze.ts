import {
  analyzeSource,
  checkCatalogue,
  hasErrors,
  lazyParsedSource,
  sortDiagnostics,
  type AnalyzedSource,
  type CheckedCatalogue,
  type Diagnostic,
  type SourceInput,
  type ValidatedDocument,
} from '@thutuc/core';
import type { WorkerPool } from './pool.js';
import type { WorkerReply } from './worker.js';

export interface CatalogueAnalysis {
  sources: Map<string, AnalyzedSource>;
  checked: CheckedCatalogue;
  diagnostics: Diagnostic[];
  ok: boolean;
}

export type AnalysisCache = Map<string, { bytes: Uint8Array; result: AnalyzedSource }>;

/** Below this many files to analyze, starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 64;

/**
 * decode → parse → validate every file, then check the catalogue as a whole. Checks that
 * look across files only run on files that passed their own schema, so one broken file
 * does not bury its neighbours in follow-on errors. Unchanged files come from the cache;
 * with a pool and many files, the per-file stages run on every core.
 */
export async function analyzeCatalogue(inputs: readonly SourceInput[], options: { cache?: AnalysisCache; pool?: WorkerPool } = {}): Promise<CatalogueAnalysis> {
  const { cache, pool } = options;
  const results = new Array<AnalyzedSource>(inputs.length);
  const todo: number[] = [];
  inputs.forEach((input, i) => {
    const cached = cache?.get(input.file);
    if (cached && equalBytes(cached.bytes, input.bytes)) results[i] = cached.result;
    else todo.push(i);
  });
  if (pool && todo.length >= PARALLEL_THRESHOLD) {
    await Promise.all(
      todo.map(async (i) => {
        const input = inputs[i]!;
        const reply = await pool.run<Extract<WorkerReply, { type: 'analyze' }>>({ type: 'analyze', file: input.file, bytes: input.bytes });
        results[i] = fromWorker(input.file, reply);
      }),
    );
  } else {
    for (const i of todo) results[i] = analyzeSource(inputs[i]!);
  }

  const sources = new Map<string, AnalyzedSource>();
  const diagnostics: Diagnostic[] = [];
  const documents: ValidatedDocument[] = [];
  inputs.forEach((input, i) => {
    const result = results[i]!;
    cache?.set(input.file, { bytes: input.bytes, result });
    sources.set(input.file, result);
    diagnostics.push(...result.diagnostics);
    if (result.document) documents.push(result.document);
  });
  const checked = checkCatalogue(documents);
  diagnostics.push(...checked.diagnostics);
  sortDiagnostics(diagnostics);
  return { sources, checked, diagnostics, ok: !hasErrors(diagnostics) };
}

function fromWorker(file: string, reply: Extract<WorkerReply, { type: 'analyze' }>): AnalyzedSource {
  if (reply.text === undefined) return { file, diagnostics: reply.diagnostics };
  const parsed = lazyParsedSource(file, reply.text, reply.value);
  const result: AnalyzedSource = { file, text: reply.text, parsed, diagnostics: reply.diagnostics };
  // The kind the worker validated against: a `kind: bundle` file is a procedure.
  if (reply.kind) result.document = { kind: reply.kind, value: reply.value, source: parsed } as ValidatedDocument;
  return result;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true; // the loader handed back the bytes it remembered: file unchanged
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
