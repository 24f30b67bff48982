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
