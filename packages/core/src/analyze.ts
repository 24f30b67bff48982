import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { decodeSource } from './source/decode.js';
import { parseSource, type ParsedSource } from './source/parse.js';
import { validateSource, type ValidatedDocument } from './validate/validate.js';

export interface SourceInput {
  /** Path shown in diagnostics, relative to where the user ran the command. */
  file: string;
  bytes: Uint8Array;
}

export interface AnalyzedSource {
  file: string;
  /** The decoded text, when the bytes were UTF-8 text (used for code frames). */
  text?: string;
  parsed?: ParsedSource;
  document?: ValidatedDocument;
  diagnostics: Diagnostic[];
}

const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=\S+/;

/**
 * decode → parse → validate for one file. Pure: the caller reads the bytes, so this
 * runs the same in the CLI, in watch mode and in an editor preview.
 */
export function analyzeSource(input: SourceInput): AnalyzedSource {
  const decoded = decodeSource(input.bytes, input.file);
  if (decoded.text === undefined) return { file: input.file, diagnostics: decoded.diagnostics };
  const parsed = parseSource(decoded.text, input.file);
  if (parsed.value === undefined) return { file: input.file, text: decoded.text, parsed, diagnostics: parsed.diagnostics };
  const validated = validateSource(parsed);
  const diagnostics = [...parsed.diagnostics, ...validated.diagnostics];
  if (validated.document && !SCHEMA_COMMENT.test(decoded.text)) {
    diagnostics.push(diagnostic('TT1016', { file: input.file, line: 1, column: 1 }));
  }
  return { file: input.file, text: decoded.text, parsed, diagnostics, ...(validated.document ? { document: validated.document } : {}) };
}
