import type { Procedure } from '@thutuc/runtime/model';
import type { BundleMember, Condition, MemberSubmission, SubmissionRules, ValidateOptions, ValidationResult } from '@thutuc/runtime';

/** What a compiled procedure module exports (packages/catalogue/dist/procedures/<id>/index.js). */
export interface CompiledProcedure {
  id: string;
  version: string;
  definition: Procedure;
  conditions: Readonly<Record<string, Condition>>;
  rules: SubmissionRules;
  validate(payload: unknown, options?: ValidateOptions): ValidationResult;
  /** Liên thông bundles: the member procedures and how a submission splits between them. */
  members?: readonly BundleMember[];
  split?(payload: unknown, options?: ValidateOptions): MemberSubmission[];
}

/** A file the applicant attached, with the metadata the envelope carries. */
export interface AttachedFile {
  file: File;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** What the agency's endpoint answers on success (see README: submission contract). */
export interface Receipt {
  dossierCode: string;
  receivedAt?: string;
  appointmentDate?: string;
  message?: { vi: string; en?: string };
}
