// @thutuc/core — the catalogue model and the stages that read it: decode, parse (with
// source positions), validate (JSON Schema), check (semantic rules), expressions.
export { DiagnosticCodes, type DiagnosticCode, type Severity } from './diagnostics/codes.js';
export {
  diagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type DiagnosticParams,
  type LocalizedText,
  type SourceLocation,
} from './diagnostics/diagnostic.js';
export { formatDiagnostic, codeFrame, summarize, type Lang } from './diagnostics/format.js';
export { decodeSource, MAX_FILE_BYTES } from './source/decode.js';
export { parseSource, lazyParsedSource, pointerSegments, MAX_SCALAR_LENGTH, type ParsedSource } from './source/parse.js';
export { validateSource, type ValidatedDocument } from './validate/validate.js';
export { KINDS, KIND_SCHEMAS, isKind, type Kind, type KindModel } from './validate/kinds.js';
export { analyzeSource, type AnalyzedSource, type SourceInput } from './analyze.js';
export { checkCatalogue, procedureScope, summarizeUnknowns, unknownFacts, type UnknownFact, type UnknownSummary, type CheckedCatalogue, type CatalogueFiles, type Doc } from './check/index.js';
export { compileExpression, type CompiledExpression } from './expr/compile.js';
export { closest, didYouMean } from './suggest.js';
export { schemas } from './generated/schemas.js';
export type * from '@thutuc/runtime/model';
