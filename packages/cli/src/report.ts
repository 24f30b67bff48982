import { formatDiagnostic, summarize, type Diagnostic, type Lang } from '@thutuc/core';
import type { Io } from './io.js';

/** Prints diagnostics like a compiler (or as JSON for tools) and a one-line summary. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string | undefined>, lang: Lang, json: boolean): void {
  if (json) {
    io.stdout.write(JSON.stringify({ diagnostics }, null, 2) + '\n');
    return;
  }
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d, lang, texts.get(d.file)) + '\n\n');
  if (diagnostics.length) io.stderr.write(summarize(diagnostics, lang) + '\n');
}
