import { localize } from '@thutuc/runtime';
import type { Lang } from '@thutuc/runtime';
import type { Diagnostic } from './diagnostic.js';

export type { Lang } from '@thutuc/runtime';

const SEVERITY_WORD = {
  vi: { error: 'lỗi', warning: 'cảnh báo' },
  en: { error: 'error', warning: 'warning' },
} as const;

/**
 * A few lines of source around the diagnostic with a caret under the column,
 * like a compiler prints. Tabs are kept so the caret lines up with the text.
 */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r?\n/);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').slice(0, 200);
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${text}`);
    if (n === line) {
      const lead = text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} | ${lead}^`);
    }
  }
  return out.join('\n');
}

/** `file:line:col: error TT2003: message` followed by a code frame when the source is known. */
export function formatDiagnostic(d: Diagnostic, lang: Lang, source?: string): string {
  const where = d.line ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  const head = `${where}: ${SEVERITY_WORD[lang][d.severity]} ${d.code}: ${d.message[lang]}`;
  if (source === undefined || !d.line) return head;
  const frame = codeFrame(source, d.line, d.column ?? 1);
  return frame ? `${head}\n${frame}` : head;
}

export function summarize(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return localize({ vi: `${errors} lỗi, ${warnings} cảnh báo`, en: `${errors} error(s), ${warnings} warning(s)` }, lang);
}
