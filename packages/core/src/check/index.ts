import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ValidatedDocument } from '../validate/validate.js';
import { groupByKind, type CatalogueFiles } from './catalogue.js';
import { checkDates } from './dates.js';
import { compileProcedureConditions } from './expressions.js';
import { checkFees } from './fees.js';
import { checkForms } from './form.js';
import { checkReferences } from './references.js';
import { checkUniqueIds } from './unique-ids.js';

/** The catalogue after the semantic checks, with each procedure's compiled conditions. */
export interface CheckedCatalogue {
  files: CatalogueFiles;
  /** Procedure id → condition key → JavaScript expression text. */
  conditions: Map<string, Record<string, string>>;
  diagnostics: Diagnostic[];
}

/** One rule per file; each returns diagnostics and none depends on another's output. */
const RULES = [checkUniqueIds, checkReferences, checkDates, checkFees, checkForms];

export function checkCatalogue(documents: readonly ValidatedDocument[]): CheckedCatalogue {
  const files = groupByKind(documents);
  const diagnostics = RULES.flatMap((rule) => rule(files));
  const conditions = new Map<string, Record<string, string>>();
  for (const { value, source } of files.procedures) {
    const compiled = compileProcedureConditions(value, source);
    diagnostics.push(...compiled.diagnostics);
    conditions.set(value.id, compiled.conditions);
  }
  return { files, conditions, diagnostics };
}

export type { CatalogueFiles, Doc } from './catalogue.js';
export { procedureScope } from './expressions.js';
