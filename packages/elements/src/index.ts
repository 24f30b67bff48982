// @thutuc/elements — importing this module registers <thutuc-form>.
export { ThutucForm } from './thutuc-form.js';
export type { CompiledProcedure, AttachedFile, Receipt } from './types.js';
export type { Envelope, SubmitOutcome } from './form/submit.js';
export { strings, type Lang } from './i18n.js';
