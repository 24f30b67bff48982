import { localize } from '@thutuc/runtime';
import { PARALLEL_THRESHOLD, WorkerPool, analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { hasErrors, summarizeUnknowns } from '@thutuc/core';
import { findConfig, shown } from '../config.js';
import type { CommonOptions, Io } from '../io.js';
import { printDiagnostics } from '../report.js';

/** `thutuc validate [files or folders…]` (default: the project's catalogue): exit 0 when clean, 1 on any error. */
export async function validateCommand(paths: string[], options: CommonOptions, io: Io): Promise<number> {
  const loaded = await loadInputs(paths.length ? paths : [shown(io.cwd, (await findConfig(io.cwd)).catalogue)], io.cwd);
  const pool = loaded.inputs.length >= PARALLEL_THRESHOLD ? new WorkerPool() : undefined;
  const analysis = await analyzeCatalogue(loaded.inputs, pool ? { pool } : {}).finally(() => pool?.close());
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
  printDiagnostics(io, diagnostics, texts, options.lang, options.json);
  const failed = hasErrors(diagnostics);
  const unknowns = summarizeUnknowns(analysis.checked.files.procedures.map((d) => d.value));
  if (!options.json && unknowns.total > 0) io.stdout.write(`⚠ ${unknowns.text[options.lang === 'vi' ? 'vi' : 'en']}\n`);
  if (!options.json && !failed) {
    const n = loaded.inputs.length;
    io.stdout.write(localize({ vi: `✓ ${n} tệp hợp lệ.\n`, en: `✓ ${n} file(s) valid.\n` }, options.lang));
  }
  return failed ? 1 : 0;
}
