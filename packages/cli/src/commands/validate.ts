import { localize } from '@thutuc/runtime';
import { PARALLEL_THRESHOLD, WorkerPool, analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { hasErrors } from '@thutuc/core';
import type { CommonOptions, Io } from '../io.js';
import { printDiagnostics } from '../report.js';
import { printReview, reviewChanges } from '../changed.js';

/** `thutuc validate <files or folders…>`: exit 0 when clean, 1 on any error. */
export interface ValidateOptions extends CommonOptions {
  /** Also review what changed since `since` (default HEAD): changeset present, versions bumped. */
  changed?: boolean;
  since?: string;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const folders = paths.length ? paths : ['catalogue'];
  const loaded = await loadInputs(folders, io.cwd);
  const pool = loaded.inputs.length >= PARALLEL_THRESHOLD ? new WorkerPool() : undefined;
  const analysis = await analyzeCatalogue(loaded.inputs, pool ? { pool } : {}).finally(() => pool?.close());
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
  printDiagnostics(io, diagnostics, texts, options.lang, options.json);
  let failed = hasErrors(diagnostics);
  if (options.changed || options.since) {
    const current = analysis.checked.files.procedures.map((d) => ({ procedure: d.value, file: d.source.file }));
    const review = await reviewChanges(options.since ?? 'HEAD', folders, current, io);
    printReview(review, options, io);
    if (review.problems.some((p) => p.severity === 'error')) failed = true;
  }
  if (!options.json && !failed) {
    const n = loaded.inputs.length;
    io.stdout.write(localize({ vi: `✓ ${n} tệp hợp lệ.\n`, en: `✓ ${n} file(s) valid.\n` }, options.lang));
  }
  return failed ? 1 : 0;
}
