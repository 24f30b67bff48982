import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ValidatedDocument } from '../validate/validate.js';
import { groupByKind, procedureKey, type CatalogueFiles } from './catalogue.js';
import { checkVersions } from './versions.js';
import { checkBundles } from './bundles.js';
import { checkDates } from './dates.js';
import { compileProcedureConditions } from './expressions.js';
import { checkFeeOverrides } from './fee-overrides.js';
import { checkCommunes } from './communes.js';
import { checkFees } from './fees.js';
import { checkForms } from './form.js';
import { checkReferences } from './references.js';
import { checkUniqueIds } from './unique-ids.js';
import { checkUnknowns } from './unknowns.js';
import { checkOnlineForm } from './online-form.js';

/** The catalogue after the semantic checks, with each procedure's compiled conditions. */
export interface CheckedCatalogue {
  files: CatalogueFiles;
  /** Procedure key (`id@version`, see procedureKey) → condition key → JavaScript expression text. */
  conditions: Map<string, Record<string, string>>;
  diagnostics: Diagnostic[];
}

/** Rules that look across files: cheap, run on every check. */
const CATALOGUE_RULES = [checkUniqueIds, checkReferences, checkFeeOverrides, checkCommunes, checkVersions];
/** Rules that read one file at a time: their results are kept per document. */
const FILE_RULES = [checkDates, checkFees, checkForms, checkUnknowns, checkOnlineForm];

interface FileResult {
  diagnostics: Diagnostic[];
  conditions?: Record<string, string>;
}

/**
 * Results of the one-file rules, by document object. A rebuild that reuses the analysis of an
 * unchanged file passes the same object, so only edited files are checked again.
 */
const fileResults = new WeakMap<object, FileResult>();

function checkFile(doc: ValidatedDocument): FileResult {
  const cached = fileResults.get(doc.value);
  if (cached) return cached;
  const single = groupByKind([doc]);
  const result: FileResult = { diagnostics: FILE_RULES.flatMap((rule) => rule(single)) };
  if (doc.kind === 'procedure') {
    const compiled = compileProcedureConditions(doc.value, doc.source);
    result.diagnostics.push(...compiled.diagnostics);
    result.conditions = compiled.conditions;
  }
  fileResults.set(doc.value, result);
  return result;
}

export function checkCatalogue(documents: readonly ValidatedDocument[]): CheckedCatalogue {
  const files = groupByKind(documents);
  const diagnostics = CATALOGUE_RULES.flatMap((rule) => rule(files));
  const conditions = new Map<string, Record<string, string>>();
  for (const doc of documents) {
    const result = checkFile(doc);
    diagnostics.push(...result.diagnostics);
    if (doc.kind === 'procedure') conditions.set(procedureKey(doc.value), result.conditions ?? {});
  }
  // Bundle mappings read their members: checked across files on every run (bundles are few).
  const bundles = checkBundles(files);
  diagnostics.push(...bundles.diagnostics);
  for (const [id, mapped] of bundles.conditions) conditions.set(id, { ...conditions.get(id), ...mapped });
  return { files, conditions, diagnostics };
}

export type { CatalogueFiles, Doc } from './catalogue.js';
export { procedureKey, latestVersions } from './catalogue.js';
export { procedureScope } from './expressions.js';
export { summarizeUnknowns, unknownFacts, type UnknownFact, type UnknownSummary } from './unknowns.js';
