import type { Procedure } from './generated/model.js';
import type { BundleMember, MemberSubmission } from './bundle.js';
import type { Condition, SubmissionRules, ValidateOptions, ValidationResult } from './submission.js';

/** What a compiled procedure module exports (`thutuc build` → procedures/<id>/index.js). */
export interface ProcedureModule {
  id: string;
  version: string;
  definition: Procedure;
  conditions: Readonly<Record<string, Condition>>;
  rules: SubmissionRules;
  validate(payload: unknown, options?: ValidateOptions): ValidationResult;
  /** Liên thông bundles: the member procedures and how a submission splits between them. */
  members?: readonly BundleMember[];
  split?(payload: unknown, options?: ValidateOptions): MemberSubmission[];
  /** Every version of the procedure and the browser chunk (`procedures/<chunk>.js`) of each. */
  versions?: readonly { version: string; effectiveDate: string; endDate?: string; chunk: string }[];
}
