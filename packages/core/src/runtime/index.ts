// The runtime that compiled procedure modules import: small, isomorphic, no eval.
export { len, filled, has, days, age, isIsoDate, isTaxCode, todayInVietnam, ucs2length } from './helpers.js';
export { checkSubmission, createValidator } from './submission.js';
export type {
  Condition,
  ConditionContext,
  DocumentRule,
  FieldRule,
  SchemaValidator,
  SubmissionRules,
  ValidateOptions,
  ValidationError,
  ValidationResult,
} from './submission.js';
export { messageFor } from './messages.js';
export { computeFees } from './fees.js';
export type { FeeLine, FeeOptions, FeePayload, FeeResult, FeeTotal, LocalFeeOverrides } from './fees.js';
export { tieredAmount, unitCount, type FeeBand, type TieredAmount } from './fee-rules.js';
export { formatVnd, formatAmount, type Currency } from './money.js';
export { amountInWords } from './money-words.js';
export { createWorkingCalendar, addDays, weekday } from './calendar.js';
export type { CalendarDay, CalendarOptions, WorkingCalendar } from './calendar.js';
export { projectHolidays, type ProjectedHoliday } from './holiday-projection.js';
export { solarToLunar, lunarToSolar, lunarNewYear, type LunarDate } from './lunar.js';
export { computeDeadline } from './deadline.js';
export type { Deadline, DeadlineOptions, DeadlineResult, DeadlineStep, Duration, Pause, ProcessingTimeSpec } from './deadline.js';
export { DEFAULT_OFFICE_HOURS, type OfficeHours } from './deadline-hours.js';
export { durationText, type DurationUnit } from './deadline-texts.js';
export { parseVietnamTime, type VietnamTime } from './vietnam-time.js';
export { DOSSIER_STATUSES, DOSSIER_ACTIONS, FINAL_STATUSES, availableActions, statusByCode } from './lifecycle-statuses.js';
export type { ActionRule, ActorRole, DossierAction, DossierStatus, DossierStatusCode } from './lifecycle-statuses.js';
export { openDossier, transition, deadlineOf } from './lifecycle.js';
export type { ActionInput, Actor, Dossier, HistoryEntry, LifecycleEnv, NewDossier, TransitionResult } from './lifecycle.js';
export type { LifecycleError, LifecycleErrorCode } from './lifecycle-errors.js';
export { timeStatus, isOverdue, stepProgress, type Progress, type StepProgress, type TimeState, type TimeStatus } from './lifecycle-progress.js';
export { createDossierCodeGenerator, isPlausibleDossierCode, MemorySequenceStore } from './dossier-code.js';
export type { DossierCodeGenerator, DossierCodeOptions, SequenceStore } from './dossier-code.js';
export { localFeeOverrides, type ProvinceFeeFile } from './fee-overrides.js';
export { splitBundle, type BundleMember, type BundlePayload, type MemberSubmission } from './bundle.js';
export { computeSubmissionFees, type FeeModule, type SubmissionFees } from './submission-fees.js';
