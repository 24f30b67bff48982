import { shortDate, type LocalizedText } from '@thutuc/runtime';
import type { VersionRef } from './types.js';
import type { ProcedureChange, ProcedureDiff } from './types.js';

type L = 'vi' | 'en';

const since = (v: VersionRef) => (v.effectiveDate ? shortDate(v.effectiveDate) : '?');

/** `Phiên bản 1.0.0 → 1.1.0, áp dụng từ 01/03/2027` and the like. */
export function versionLine(d: ProcedureDiff, l: L): string {
  const vi = l === 'vi';
  if (!d.from && d.to) return vi ? `Phiên bản ${d.to.version}, áp dụng từ ${since(d.to)}` : `Version ${d.to.version}, in force from ${since(d.to)}`;
  if (d.from && !d.to) return vi ? `Phiên bản ${d.from.version}` : `Version ${d.from.version}`;
  const { from, to } = d as Required<Pick<ProcedureDiff, 'from' | 'to'>>;
  const versions = from.version === to.version ? to.version : `${from.version} → ${to.version}`;
  return vi ? `Phiên bản ${versions}, áp dụng từ ${since(to)}` : `Version ${versions}, in force from ${since(to)}`;
}

/** A change line with its legal cause, unless the message already names it. */
export function changeLine(c: ProcedureChange, l: L): string {
  const basis = (c.basis ?? []).map((b) => b[l]).filter((b) => !c.message[l].includes(b));
  return basis.length ? `${c.message[l]} (${basis.join('; ')})` : c.message[l];
}

function heading(d: ProcedureDiff, l: L): string {
  return `${d.title[l]} (${d.code})`;
}

/** Plain text: every procedure in Vietnamese, then in English. */
export function formatDiffText(diffs: readonly ProcedureDiff[]): string {
  if (!diffs.length) return 'Không có thay đổi. · No changes.\n';
  const block = (l: L) => diffs.map((d) => [`${heading(d, l)} — ${versionLine(d, l)}`, ...d.changes.map((c) => `  • ${changeLine(c, l)}`)].join('\n')).join('\n\n');
  return `${block('vi')}\n\n${block('en')}\n`;
}

/** Markdown for a changeset or pull request: one section per procedure, Vietnamese first. */
export function formatDiffMarkdown(diffs: readonly ProcedureDiff[]): string {
  if (!diffs.length) return '_Không có thay đổi · No changes._\n';
  return (
    diffs
      .map((d) =>
        [
          `### ${md(heading(d, 'vi'))} · ${md(d.title.en)}`,
          '',
          `${md(versionLine(d, 'vi'))} · ${md(versionLine(d, 'en'))}`,
          '',
          ...d.changes.map((c) => `- ${md(changeLine(c, 'vi'))}`),
          '',
          '<details><summary>English</summary>',
          '',
          ...d.changes.map((c) => `- ${md(changeLine(c, 'en'))}`),
          '',
          '</details>',
        ].join('\n'),
      )
      .join('\n\n') + '\n'
  );
}

/** Keeps catalogue text from turning into markup (a `*` in a name, an HTML tag in a note). */
function md(text: string): string {
  return text.replace(/[\\*_[\]<>|]/g, (c) => `\\${c}`);
}

export function formatDiffJson(diffs: readonly ProcedureDiff[]): string {
  return `${JSON.stringify({ procedures: diffs }, null, 2)}\n`;
}

/** One-line summary per procedure, for `validate --changed`. */
export function diffSummary(d: ProcedureDiff): LocalizedText {
  return { vi: `${heading(d, 'vi')}: ${d.changes.length} thay đổi`, en: `${heading(d, 'en')}: ${d.changes.length} change(s)` };
}
