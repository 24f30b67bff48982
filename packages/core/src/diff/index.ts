// Semantic comparison of procedure versions: what an applicant, an officer or a reviewer of
// a regulation change would read, in Vietnamese and English.
export type { ChangeArea, ProcedureChange, ProcedureDiff, VersionRef } from './types.js';
export { SUBSTANTIVE_AREAS } from './types.js';
export { diffProcedure, addedProcedure, removedProcedure, versionRef } from './procedure.js';
export { diffCatalogues, compareVersions, type VersionedProcedure } from './catalogue.js';
export { formatDiffText, formatDiffMarkdown, formatDiffJson, diffSummary, changeLine, versionLine } from './format.js';
export { legalName } from './legal.js';
