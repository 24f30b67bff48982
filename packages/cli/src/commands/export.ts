import { localize } from '@thutuc/runtime';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { cpsvAp } from '@thutuc/report';
import { hasErrors } from '@thutuc/core';
import { findConfig, shown } from '../config.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { printDiagnostics } from '../report.js';

export interface ExportOptions extends CommonOptions {
  format?: string | undefined;
  out?: string | undefined;
}

/**
 * `thutuc export --format cpsv-ap [folders…] [--out file]`: the catalogue as CPSV-AP 3.x JSON-LD
 * for national or EU-model portals, to stdout or a file. Refuses a catalogue with errors, as
 * `thutuc report` does, so a portal is never fed a half-read catalogue.
 */
export async function exportCommand(paths: string[], options: ExportOptions, io: Io): Promise<number> {
  const { lang } = options;
  if (options.format !== 'cpsv-ap') {
    throw new UsageError({ vi: `Cần --format cpsv-ap (nhận được ${options.format ?? 'không có'})`, en: `Give --format cpsv-ap (got ${options.format ?? 'none'})` });
  }
  const loaded = await loadInputs(paths.length ? paths : [shown(io.cwd, (await findConfig(io.cwd)).catalogue)], io.cwd);
  const analysis = await analyzeCatalogue(loaded.inputs);
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  if (hasErrors(diagnostics)) {
    const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
    printDiagnostics(io, diagnostics, texts, lang, false);
    io.stderr.write(localize({ vi: '✗ Danh mục có lỗi: không xuất CPSV-AP.\n', en: '✗ The catalogue has errors: nothing exported.\n' }, lang));
    return 1;
  }
  const doc = cpsvAp(analysis.checked.files);
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (!options.out) {
    io.stdout.write(text);
    return 0;
  }
  const file = path.resolve(io.cwd, options.out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  const n = doc['@graph'].length;
  io.stderr.write(localize({ vi: `✓ Đã ghi ${n} dịch vụ công (CPSV-AP 3.x) vào ${shown(io.cwd, file)}\n`, en: `✓ Wrote ${n} public services (CPSV-AP 3.x) to ${shown(io.cwd, file)}\n` }, lang));
  return 0;
}
