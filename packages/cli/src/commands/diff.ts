import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { loadInputs } from '@thutuc/compiler';
import {
  analyzeSource,
  compareVersions,
  diffCatalogues,
  diffProcedure,
  didYouMean,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  type Diagnostic,
  type Procedure,
  type ProcedureDiff,
  type VersionedProcedure,
} from '@thutuc/core';
import { formerCatalogue } from '../changed.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { printDiagnostics } from '../report.js';

export interface DiffOptions extends CommonOptions {
  format?: string;
  since?: string;
  catalogue?: string;
}

const FORMATS = { text: formatDiffText, markdown: formatDiffMarkdown, json: formatDiffJson } as const;

/**
 * `thutuc diff a.yaml b.yaml`, `thutuc diff <id>@1.0.0 <id>@1.1.0` (or just `<id>`: its two
 * latest versions), `thutuc diff --since <rev> [folders…]`: what changed, in words.
 */
export async function diffCommand(args: string[], options: DiffOptions, io: Io): Promise<number> {
  const format = options.format ?? (options.json ? 'json' : 'text');
  if (!(format in FORMATS)) throw new UsageError({ vi: `--format cần là text, markdown hoặc json (nhận được ${format})`, en: `--format must be text, markdown or json (got ${format})` });
  const problems: Diagnostic[] = [];
  const texts = new Map<string, string | undefined>();
  let diffs: ProcedureDiff[];
  if (options.since) {
    diffs = await sinceRevision(options.since, args.length ? args : [options.catalogue ?? 'catalogue'], io, problems, texts);
  } else if (args.length === 2 && args.every((a) => /\.ya?ml$/i.test(a))) {
    const [before, after] = await Promise.all(args.map((a) => readProcedure(a, io, problems, texts)));
    diffs = before && after ? [diffProcedure(before, after, { before: args[0]!, after: args[1]! })] : [];
  } else if (args.length === 1 || args.length === 2) {
    diffs = await betweenVersions(args, options.catalogue ?? 'catalogue', io, problems, texts);
  } else {
    throw new UsageError({ vi: 'Cần hai tệp, mã thủ tục (có thể kèm @phiên bản) hoặc --since <rev>.', en: 'Give two files, a procedure id (optionally with @version) or --since <rev>.' });
  }
  if (problems.length) {
    printDiagnostics(io, problems, texts, options.lang, false);
    return 1;
  }
  io.stdout.write(FORMATS[format as keyof typeof FORMATS](diffs));
  return 0;
}

async function readProcedure(file: string, io: Io, problems: Diagnostic[], texts: Map<string, string | undefined>): Promise<Procedure | undefined> {
  const bytes = new Uint8Array(await readFile(path.resolve(io.cwd, file)).catch(() => {
    throw new UsageError({ vi: `Không đọc được ${file}`, en: `Cannot read ${file}` });
  }));
  return procedureOf(analyzeSource({ file, bytes }), problems, texts);
}

function procedureOf(analyzed: ReturnType<typeof analyzeSource>, problems: Diagnostic[], texts: Map<string, string | undefined>): Procedure | undefined {
  texts.set(analyzed.file, analyzed.text);
  const errors = analyzed.diagnostics.filter((d) => d.severity === 'error');
  problems.push(...errors);
  return analyzed.document?.kind === 'procedure' && !errors.length ? (analyzed.document.value as Procedure) : undefined;
}

async function readCatalogue(paths: string[], io: Io, problems: Diagnostic[], texts: Map<string, string | undefined>): Promise<VersionedProcedure[]> {
  const loaded = await loadInputs(paths, io.cwd);
  problems.push(...loaded.diagnostics);
  return loaded.inputs.flatMap((input) => {
    const procedure = procedureOf(analyzeSource(input), problems, texts);
    return procedure ? [{ procedure, file: input.file }] : [];
  });
}

async function betweenVersions(args: string[], folder: string, io: Io, problems: Diagnostic[], texts: Map<string, string | undefined>): Promise<ProcedureDiff[]> {
  const all = await readCatalogue([folder], io, problems, texts);
  const pick = (arg: string): VersionedProcedure[] => {
    const [id, version] = arg.split('@');
    const versions = all.filter((v) => v.procedure.id === id || v.procedure.code === id);
    if (!versions.length) {
      const hint = didYouMean(id!, [...new Set(all.map((v) => v.procedure.id))]);
      throw new UsageError({ vi: `Không có thủ tục "${id}" trong ${folder}.${hint.vi}`, en: `There is no procedure "${id}" in ${folder}.${hint.en}` });
    }
    if (!version) return versions;
    const found = versions.filter((v) => v.procedure.version === version);
    if (!found.length) {
      const known = versions.map((v) => v.procedure.version).join(', ');
      throw new UsageError({ vi: `${id} không có phiên bản ${version} (có: ${known})`, en: `${id} has no version ${version} (there are: ${known})` });
    }
    return found;
  };
  const [before, after] = args.length === 2 ? [pick(args[0]!)[0]!, pick(args[1]!)[0]!] : latestTwo(pick(args[0]!), args[0]!);
  return [diffProcedure(before.procedure, after.procedure, { before: before.file!, after: after.file! })];
}

function latestTwo(versions: VersionedProcedure[], id: string): [VersionedProcedure, VersionedProcedure] {
  const sorted = [...versions].sort((a, b) => compareVersions(a.procedure.version, b.procedure.version));
  if (sorted.length < 2) throw new UsageError({ vi: `${id} chỉ có một phiên bản; hãy đưa hai tệp hoặc dùng --since.`, en: `${id} has one version only; give two files or use --since.` });
  return [sorted.at(-2)!, sorted.at(-1)!];
}

async function sinceRevision(rev: string, paths: string[], io: Io, problems: Diagnostic[], texts: Map<string, string | undefined>): Promise<ProcedureDiff[]> {
  const now = await readCatalogue(paths, io, problems, texts);
  const { before } = await formerCatalogue(rev, paths, now, io);
  return diffCatalogues(before, now);
}
