// @thutuc/runtime — what compiled procedure modules, forms and servers share: small,
// isomorphic, no eval, no YAML or schema compiler. The model types are at `@thutuc/runtime/model`.
export { len, filled, has, days, age, isIsoDate, isTaxCode, todayInVietnam, ucs2length } from './helpers.js';
export { FailureFlag, checkAddress, checkSubmission, createGeneratedValidator, createValidator, documentNeedsCheck, fieldNeedsCheck, hasItems, schemaError } from './submission.js';
export { isDigits, isTaxCodeShape, patternCheck } from './pattern-checks.js';
export type {
  Condition,
  ConditionContext,
  DataCheck,
  DocumentRule,
  ErrorSink,
  FieldRule,
  SchemaError,
  SchemaValidator,
  SubmissionRules,
  ValidateOptions,
  ValidationError,
  ValidationResult,
} from './submission.js';
export { messageFor } from './messages.js';
export { computeFees } from './fees.js';
export { feeAmountText, unitAmountText } from './fee-texts.js';
export type { FeeLine, FeeOptions, FeePayload, FeeResult, FeeTotal, LocalFeeOverrides } from './fees.js';
export { tieredAmount, unitCount, type FeeBand, type TieredAmount } from './fee-rules.js';
export { formatVnd, formatAmount, amountText, type Currency } from './money.js';
export { amountInWords } from './money-words.js';
export { createWorkingCalendar, addDays, weekday } from './calendar.js';
export type { CalendarDay, CalendarOptions, WorkingCalendar } from './calendar.js';
export { projectHolidays, type ProjectedHoliday } from './holiday-projection.js';
export { solarToLunar, lunarToSolar, lunarNewYear, type LunarDate } from './lunar.js';
export { computeDeadline } from './deadline.js';
export type { Deadline, DeadlineOptions, DeadlineResult, DeadlineStep, Duration, Pause, ProcessingTimeSpec } from './deadline.js';
export { DEFAULT_OFFICE_HOURS, type OfficeHours } from './deadline-hours.js';
export { durationText, type DurationUnit } from './deadline-texts.js';
export { shortDate, dateText, dateTimeText } from './date-text.js';
export { parseVietnamTime, vietnamTimestamp, type VietnamTime } from './vietnam-time.js';
export { localFeeOverrides, type ProvinceFeeFile } from './fee-overrides.js';
export { splitBundle, type BundleMember, type BundlePayload, type MemberSubmission } from './bundle.js';
export { computeSubmissionFees, type FeeModule, type SubmissionFees } from './submission-fees.js';
export { NOT_STATED, isTimeUnknown, knownDate, knownTime, processingTimeText, unknownWording, type KnownProcessingTime } from './unknowns.js';
export { LANGS, isLang, localize, bilingual, type Lang, type LocalizedText } from './text.js';
export { ThutucError } from './errors.js';
export { CSV_BOM, csvCell, csvLine } from './csv.js';
export { versionInForce, versionFor, versionEnd, versionPeriod, acceptVersion, SINCE_ALWAYS, type VersionPeriod, type VersionAcceptance } from './versions.js';
export { migrateDraft, type DraftLike, type DraftDefinition, type DraftMigration, type DroppedValue } from './migrate-draft.js';
export { legalDocumentName } from './legal-names.js';
export type { ProcedureModule } from './procedure-module.js';
export { copyRequirementText, validityText } from './document-texts.js';
export { communeMembership, encodeCommuneCodes, placeNames, type PlaceNames, type CommuneCodeTable, type CommuneMembership, type ProvinceCommunes, type ProvinceOptions } from './communes.js';
export { foldVietnamese, indexCommunes, searchCommunes, type CommuneName, type CommuneIndexEntry } from './commune-search.js';
