import { localize } from '@thutuc/runtime';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { PortalImportError, agenciesFromYaml, convertPortalJson, schemaRef, type ImportResult } from '@thutuc/import';
import type { Lang, Text } from '@thutuc/core';
import { findConfig } from '../config.js';
import { schemaFile } from '../schemas.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { printDiagnostics } from '../report.js';

export interface ImportOptions extends CommonOptions {
  out?: string | undefined;
  index?: string | undefined;
}

/** The shared folder the drafts will sit beside: the output catalogue's own, else the project's. */
function sharedFolder(out: string, catalogue: string): string | undefined {
  return [path.join(out, 'shared'), path.join(catalogue, 'shared')].find((dir) => existsSync(path.join(dir, 'agencies.yaml')));
}

/** `thutuc import <portal-json> [--out dir] [--index N]`: portal records → draft YAML plus what to check. */
export async function importCommand(args: string[], options: ImportOptions, io: Io): Promise<number> {
  const { lang } = options;
  const t = (text: Text) => (lang === 'en' && text.en) || text.vi;
  const fail = (vi: string, en: string) => {
    io.stderr.write(`thutuc: ${localize({ vi, en }, lang)}\n`);
    return 1;
  };
  const [input, ...extra] = args;
  if (!input || extra.length) {
    throw new UsageError({ vi: 'Cần đúng một tệp JSON, ví dụ: thutuc import ban-ghi.json --out catalogue', en: 'Give exactly one JSON file, e.g. thutuc import record.json --out catalogue' });
  }
  if (options.index !== undefined && !/^\d+$/.test(options.index)) {
    throw new UsageError({ vi: `--index cần số nguyên không âm (nhận được ${options.index})`, en: `--index must be a non-negative integer (got ${options.index})` });
  }

  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, input), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail(`Không đọc được tệp ${input} (${code}).`, `Cannot read ${input} (${code}).`);
  }
  const { catalogue } = await findConfig(io.cwd);
  const out = options.out ? path.resolve(io.cwd, options.out) : catalogue;
  const shared = sharedFolder(out, catalogue);
  const agencies = shared ? agenciesFromYaml(await readFile(path.join(shared, 'agencies.yaml'), 'utf8')) : [];

  let result: ImportResult;
  try {
    result = convertPortalJson(text, { index: options.index === undefined ? undefined : Number(options.index), agencies, origin: path.basename(input) });
  } catch (error) {
    if (error instanceof PortalImportError) return fail(`${input}: ${error.text.vi}`, `${input}: ${error.text.en}`);
    throw error;
  }

  // Never overwrite: a hand-finished entry may sit where a new draft would go.
  const targets = result.procedures.map((p) => ({ p, file: path.join(out, p.path) }));
  const taken = targets.filter((x) => existsSync(x.file)).map((x) => path.relative(io.cwd, x.file));
  if (taken.length) {
    return fail(`Tệp đã có, không ghi đè (chọn --out khác hoặc xóa tệp): ${taken.join(', ')}`, `File(s) already exist, nothing written (choose another --out or remove them): ${taken.join(', ')}`);
  }
  for (const { p, file } of targets) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, p.render(schemaRef(file, schemaFile('procedure', path.dirname(file), { project: io.cwd }))));
  }

  // Check the drafts beside the shared data they reference, as `thutuc validate` will.
  const written = targets.map((x) => x.file);
  const loaded = await loadInputs([...written, ...(shared ? [shared] : [])], io.cwd);
  const analysis = await analyzeCatalogue(loaded.inputs);
  const mine = new Set(written.map((f) => path.relative(io.cwd, f) || f));
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics].filter((d) => mine.has(d.file));
  const count = (file: string, severity: string) => diagnostics.filter((d) => d.file === file && d.severity === severity).length;
  const errors = diagnostics.filter((d) => d.severity === 'error');

  const files = targets.map(({ p, file }) => {
    const rel = path.relative(io.cwd, file) || file;
    return { file: rel, record: p.index, shape: p.shape, id: p.id, code: p.code, errors: count(rel, 'error'), warnings: count(rel, 'warning'), gaps: p.gaps };
  });
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ input, records: result.total, files, failures: result.failures, skipped: result.skipped, diagnostics }, null, 2)}\n`);
  } else {
    for (const f of files) {
      io.stdout.write(`${f.errors ? '✗' : '✓'} ${f.file}  (${f.code}, ${f.id})\n`);
      io.stdout.write(`  ${summaryLine(lang, f.gaps.length, f.warnings, f.errors)}\n`);
      for (const gap of f.gaps) io.stdout.write(`  • ${firstLine(t(gap))}\n`);
    }
    for (const failure of result.failures) io.stderr.write(`✗ ${input} [${failure.index}]: ${localize(failure, lang)}\n`);
    if (result.skipped.length) {
      io.stderr.write(localize({ vi: `Bỏ qua ${result.skipped.length} phần tử không phải bản ghi thủ tục: ${result.skipped.join(', ')}\n`, en: `Skipped ${result.skipped.length} element(s) that are not procedure records: ${result.skipped.join(', ')}\n` }, lang));
    }
    if (errors.length) printDiagnostics(io, errors, new Map([...analysis.sources].map(([file, s]) => [file, s.text])), lang, false);
  }
  return result.failures.length || errors.length || !files.length ? 1 : 0;
}

function summaryLine(lang: Lang, gaps: number, warnings: number, errors: number): string {
  return lang === 'vi'
    ? `${gaps} việc cần kiểm tra (gaps), ${warnings} cảnh báo, ${errors} lỗi:`
    : `${gaps} thing(s) to check (gaps), ${warnings} warning(s), ${errors} error(s):`;
}

/** A gap on one terminal line; the file holds the full wording. */
function firstLine(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
