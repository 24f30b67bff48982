import path from 'node:path';
import { SUBSTANTIVE_AREAS, analyzeSource, diffCatalogues, type Procedure, type ProcedureDiff, type VersionedProcedure } from '@thutuc/core';
import { localize, type LocalizedText } from '@thutuc/runtime';
import { changedFiles, fileAt, repositoryRoot } from './git.js';
import type { CommonOptions, Io } from './io.js';

/**
 * The catalogue as it was at `rev`: today's unchanged files plus the changed ones read back
 * with `git show` (files added since are absent, removed ones come back).
 */
export async function formerCatalogue(rev: string, paths: string[], current: readonly VersionedProcedure[], io: Io): Promise<{ files: string[]; before: VersionedProcedure[] }> {
  const files = (await changedFiles(rev, paths, io.cwd)).filter((f) => /\.ya?ml$/i.test(f));
  const changed = new Set(files.map((f) => path.normalize(f)));
  const before = current.filter((v) => !changed.has(path.normalize(v.file!)));
  for (const file of changed) {
    const bytes = await fileAt(rev, file, io.cwd);
    const analyzed = bytes && analyzeSource({ file: `${rev}:${file}`, bytes });
    if (analyzed && analyzed.document?.kind === 'procedure') before.push({ procedure: analyzed.document.value as Procedure, file: `${rev}:${file}` });
  }
  return { files, before };
}

export interface ChangeReview {
  /** Catalogue files changed since the revision. */
  files: string[];
  diffs: ProcedureDiff[];
  hasChangeset: boolean;
  problems: { severity: 'error' | 'warning'; message: LocalizedText }[];
}

/**
 * What CI asks of a catalogue change: a changeset describing it, and a new version with a
 * legal basis whenever fees, documents or time limits change (the law changed, so a version
 * in force from a date must say which document changed it).
 */
export async function reviewChanges(rev: string, paths: string[], current: readonly VersionedProcedure[], io: Io): Promise<ChangeReview> {
  const { files, before } = await formerCatalogue(rev, paths, current, io);
  const diffs = diffCatalogues(before, current);
  const top = await repositoryRoot(io.cwd);
  const hasChangeset = (await changedFiles(rev, ['.changeset'], top)).some((f) => f.endsWith('.md') && !f.endsWith('README.md'));
  const problems: ChangeReview['problems'] = [];
  if (diffs.length && !hasChangeset) {
    problems.push({
      severity: 'error',
      message: {
        vi: `Danh mục thay đổi từ ${rev} nhưng không có tệp .changeset/*.md mô tả thay đổi. Tạo một tệp (npx changeset) và dán nội dung của: npx thutuc diff --since ${rev} --format markdown`,
        en: `The catalogue changed since ${rev} but no .changeset/*.md describes it. Add one (npx changeset) with the output of: npx thutuc diff --since ${rev} --format markdown`,
      },
    });
  }
  for (const d of diffs) {
    if (!d.from || !d.to) continue;
    const substantive = d.changes.filter((c) => SUBSTANTIVE_AREAS.has(c.area));
    const name = `${d.id}@${d.to.version}`;
    if (d.from.version === d.to.version && substantive.length) {
      problems.push({
        severity: 'warning',
        message: {
          vi: `${name}: phí, giấy tờ hoặc thời hạn thay đổi mà không có phiên bản mới (${substantive[0]!.message.vi}). Thay đổi do văn bản pháp luật mới cần tệp phiên bản mới có ngày áp dụng và changeBasis.`,
          en: `${name}: fees, documents or time limits changed without a new version (${substantive[0]!.message.en}). A change made by a new legal document needs a new version file with an effective date and changeBasis.`,
        },
      });
    }
    const to = current.find((v) => v.procedure.id === d.id && v.procedure.version === d.to!.version)?.procedure;
    if (d.from.version !== d.to.version && substantive.length && !to?.changeBasis?.length) {
      problems.push({
        severity: 'warning',
        message: { vi: `${name}: phiên bản mới thay đổi phí, giấy tờ hoặc thời hạn nhưng không ghi changeBasis (văn bản làm phát sinh thay đổi).`, en: `${name}: the new version changes fees, documents or time limits but names no changeBasis (the document that caused it).` },
      });
    }
  }
  return { files, diffs, hasChangeset, problems };
}

export function printReview(review: ChangeReview, options: CommonOptions, io: Io): void {
  for (const p of review.problems) {
    const label = p.severity === 'error' ? localize({ vi: 'lỗi', en: 'error' }, options.lang) : localize({ vi: 'cảnh báo', en: 'warning' }, options.lang);
    io.stderr.write(`${label}: ${localize(p.message, options.lang)}\n`);
  }
}
