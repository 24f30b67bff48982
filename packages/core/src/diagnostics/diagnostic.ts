import type { LocalizedText } from '@thutuc/runtime';
import { DiagnosticCodes, type DiagnosticCode, type Severity } from './codes.js';

/** Where in a source file a diagnostic points. Lines and columns count from 1. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** JSON Pointer of the offending value inside the document, when there is one. */
  path?: string;
}

export type { LocalizedText } from '@thutuc/runtime';

/** The one shape every stage reports problems in. */
export interface Diagnostic extends SourceLocation {
  code: DiagnosticCode;
  severity: Severity;
  message: LocalizedText;
}

/** A parameter is the same in both languages, or worded per language. */
export type DiagnosticParam = string | number | LocalizedText;
export type DiagnosticParams = Record<string, DiagnosticParam>;

function fill(template: string, params: DiagnosticParams, lang: 'vi' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name]!;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The single factory: every diagnostic is made here, from the code table. */
export function diagnostic(code: DiagnosticCode, location: SourceLocation, params: DiagnosticParams = {}): Diagnostic {
  const entry = DiagnosticCodes[code];
  return {
    code,
    severity: entry.severity,
    message: { vi: fill(entry.vi, params, 'vi'), en: fill(entry.en, params, 'en') },
    ...location,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
