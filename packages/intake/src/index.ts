// @thutuc/intake — the receiving end: dossiers, their lifecycle and codes.
export { DOSSIER_STATUSES, DOSSIER_ACTIONS, FINAL_STATUSES, availableActions, statusByCode } from './lifecycle-statuses.js';
export type { ActionRule, ActorRole, DossierAction, DossierStatus, DossierStatusCode } from './lifecycle-statuses.js';
export { openDossier, transition, deadlineOf } from './lifecycle.js';
export type { ActionInput, Actor, Dossier, HistoryEntry, LifecycleEnv, NewDossier, TransitionResult } from './lifecycle.js';
export type { LifecycleError, LifecycleErrorCode } from './lifecycle-errors.js';
export { timeStatus, isOverdue, stepProgress, type Progress, type StepProgress, type TimeState, type TimeStatus } from './lifecycle-progress.js';
export { createDossierCodeGenerator, isPlausibleDossierCode, MemorySequenceStore } from './dossier-code.js';
export type { DossierCodeGenerator, DossierCodeOptions, SequenceStore } from './dossier-code.js';