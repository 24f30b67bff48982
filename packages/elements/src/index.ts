// @thutuc/elements — importing this module registers <thutuc-form> and <thutuc-status>.
export { ThutucForm } from './thutuc-form.js';
export { ThutucStatus } from './register-status.js';
export type { CompiledProcedure, AttachedFile, Receipt } from './types.js';
export type { Envelope, SubmitOutcome } from './form/submit.js';
export type { LookupAnswer, DossierKey, PaymentProvider } from './status/api.js';
export { loadStrings, strings, type Lang } from './i18n.js';
