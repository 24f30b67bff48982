import { localize } from '@thutuc/runtime';
import path from 'node:path';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { buildReport, fieldLine, isReplaceableReportDir, summaryLine, writeReport } from '@thutuc/report';
import { hasErrors } from '@thutuc/core';
import { findConfig, shown } from '../config.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { printDiagnostics } from '../report.js';

export interface ReportOptions extends CommonOptions {
  out?: string | undefined;
  timestamp?: boolean | undefined;
}

/**
 * `thutuc report [folders…] --out dir`: the public list of services (index.html, one page per
 * procedure, catalogue.csv, catalogue.json). Refuses a catalogue with errors, so a list
 * that people rely on is never made from a half-read catalogue.
 */
export async function reportCommand(paths: string[], options: ReportOptions, io: Io): Promise<number> {
  const { lang } = options;
  if (!options.out) {
    throw new UsageError({ vi: 'Cần thư mục ghi báo cáo: --out <thư mục>', en: 'Give the folder to write the report to: --out <dir>' });
  }
  const outDir = path.resolve(io.cwd, options.out);
  const where = shown(io.cwd, outDir);

  const loaded = await loadInputs(paths.length ? paths : [shown(io.cwd, (await findConfig(io.cwd)).catalogue)], io.cwd);
  const analysis = await analyzeCatalogue(loaded.inputs);
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  const texts = new Map([...analysis.sources].map(([file, s]) => [file, s.text]));
  if (hasErrors(diagnostics)) {
    printDiagnostics(io, diagnostics, texts, lang, options.json);
    if (!options.json) {
      io.stderr.write(localize({ vi: `✗ Danh mục có lỗi: không lập báo cáo; ${where} giữ nguyên.\n`, en: `✗ The catalogue has errors: no report written; ${where} is unchanged.\n` }, lang));
    }
    return 1;
  }
  if (!(await isReplaceableReportDir(outDir))) {
    io.stderr.write(
      lang === 'vi'
        ? `thutuc: ${where} đã có tệp khác, không phải một báo cáo trước: không ghi đè. Chọn thư mục trống hoặc thư mục báo cáo cũ.\n`
        : `thutuc: ${where} holds other files, not an earlier report: not replacing it. Choose an empty folder or an earlier report's.\n`,
    );
    return 1;
  }

  const generatedAt = options.timestamp ? new Date().toISOString() : undefined;
  const report = buildReport(analysis.checked.files, { lang, ...(generatedAt ? { generatedAt } : {}) });
  await writeReport(outDir, report);

  const { summary } = report;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ out: where, files: report.files.size, summary, ...(generatedAt ? { generatedAt } : {}), ...(diagnostics.length ? { diagnostics } : {}) }, null, 2)}\n`);
    return 0;
  }
  // Warnings do not stop the report but should not pass unseen either.
  if (diagnostics.length) printDiagnostics(io, diagnostics, texts, lang, false);
  const out = [summaryLine(summary, lang), `${localize({ vi: 'Theo lĩnh vực', en: 'By field' }, lang)}: ${fieldLine(summary, lang)}`];
  out.push(localize({ vi: `✓ Đã ghi báo cáo vào ${where} (${report.files.size} tệp): mở ${path.join(where, 'index.html')}`, en: `✓ Report written to ${where} (${report.files.size} files): open ${path.join(where, 'index.html')}` }, lang));
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
