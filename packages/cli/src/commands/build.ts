import { localize } from '@thutuc/runtime';
import path from 'node:path';
import { buildCatalogue } from '@thutuc/compiler';
import { findConfig, shown } from '../config.js';
import type { CommonOptions, Io } from '../io.js';
import { printDiagnostics } from '../report.js';

/**
 * `thutuc build [folders…] [--out dir]`: compile, or change nothing and exit 1 on errors.
 * Without folders or --out, the project's settings say (thutuc.config.json, see config.ts).
 */
export async function buildCommand(paths: string[], options: CommonOptions & { out?: string | undefined }, io: Io): Promise<number> {
  const config = await findConfig(io.cwd);
  const outDir = options.out ? path.resolve(io.cwd, options.out) : config.out;
  const started = performance.now();
  const result = await buildCatalogue({ inputs: paths.length ? paths : [shown(io.cwd, config.catalogue)], outDir, cwd: io.cwd, browser: true });
  printDiagnostics(io, result.diagnostics, result.texts, options.lang, options.json);
  const ms = Math.round(performance.now() - started);
  const where = shown(io.cwd, outDir);
  if (!result.ok) {
    if (!options.json) {
      io.stderr.write(localize({ vi: `✗ Không biên dịch được; ${where} giữ nguyên bản dựng trước.\n`, en: `✗ Build failed; ${where} keeps the previous build.\n` }, options.lang));
    }
    return 1;
  }
  if (!options.json) {
    io.stdout.write(
      options.lang === 'vi'
        ? `✓ Đã biên dịch ${result.procedures} thủ tục vào ${where} (${result.written} tệp, ${ms} ms).\n`
        : `✓ Compiled ${result.procedures} procedure(s) into ${where} (${result.written} files, ${ms} ms).\n`,
    );
  }
  return 0;
}
