import { analyzeSource, checkCatalogue, hasErrors, sortDiagnostics, type AnalyzedSource, type CheckedCatalogue, type Diagnostic, type SourceInput, type ValidatedDocument } from '@thutuc/core';

export interface CatalogueAnalysis {
  sources: Map<string, AnalyzedSource>;
  checked: CheckedCatalogue;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * decode → parse → validate every file, then check the catalogue as a whole. Checks that
 * look across files only run on files that passed their own schema, so one broken file
 * does not bury its neighbours in follow-on errors.
 */
export function analyzeCatalogue(inputs: readonly SourceInput[], cache?: Map<string, { bytes: Uint8Array; result: AnalyzedSource }>): CatalogueAnalysis {
  const sources = new Map<string, AnalyzedSource>();
  const diagnostics: Diagnostic[] = [];
  const documents: ValidatedDocument[] = [];
  for (const input of inputs) {
    const cached = cache?.get(input.file);
    const result = cached && equalBytes(cached.bytes, input.bytes) ? cached.result : analyzeSource(input);
    cache?.set(input.file, { bytes: input.bytes, result });
    sources.set(input.file, result);
    diagnostics.push(...result.diagnostics);
    if (result.document) documents.push(result.document);
  }
  const checked = checkCatalogue(documents);
  diagnostics.push(...checked.diagnostics);
  sortDiagnostics(diagnostics);
  return { sources, checked, diagnostics, ok: !hasErrors(diagnostics) };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
