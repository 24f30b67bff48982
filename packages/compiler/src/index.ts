// @thutuc/compiler — catalogue → generated modules, types and validators.
// Stages: load (file system) → analyze (core: decode, parse, validate, check) → emit → write → bundle (browser chunks).
export { loadInputs } from './load.js';
export { analyzeCatalogue, PARALLEL_THRESHOLD, type CatalogueAnalysis, type AnalysisCache } from './analyze.js';
export { WorkerPool } from './pool.js';
export { CatalogueBuilder, buildCatalogue, type BuildOptions, type BuildResult } from './build.js';
export { emitProcedure, type EmittedFiles, type EmitContext } from './emit/procedure.js';
export { submissionSchema, PATTERNS } from './emit/submission-schema.js';
export { submissionRules } from './emit/rules.js';
export { validatorSource, ValidatorCodeError } from './emit/validator.js';
export { emitCatalogueIndex, emitSharedData, type IndexEntry } from './emit/catalogue-index.js';
export { emitCommunes } from './emit/communes.js';
export { writeTreeAtomic, writeChanges } from './write.js';
export { bundleBrowserChunks } from './bundle.js';
