import type { Procedure } from '@thutuc/runtime/model';
import type { Condition, FeePayload, FeeResult, PlaceNames, SubmissionRules } from '@thutuc/runtime';

/**
 * The dossier as the official papers see it: the procedure, what the applicant submitted,
 * and what the desk decided on receipt. Builders read only this, so a server that already
 * holds a dossier (with its own code, fees and appointment) prints the same papers as the CLI.
 */

/**
 * The papers of one dossier: Mẫu 01–05 of Circular 03/2025/TT-VPCP (Phụ lục I) and the filled
 * declaration form. Mẫu 06 (from the dossier's history) and Mẫu 07 (many dossiers) have
 * renderers of their own: `renderControlSheet`, `renderRegister`.
 */
export const PAPER_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'stop', 'declaration'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

/** The issuing desk, printed top left: the governing body, then the unit. */
export interface PaperDesk {
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân phường Ba Đình". */
  parent: string;
  /** Default "Bộ phận Tiếp nhận và Trả kết quả". */
  unit?: string;
  /** Place name for "…, ngày … tháng … năm …". */
  place?: string;
  /** Phone applicants call with questions (supplement request). */
  phone?: string;
  /** The officer who receives the dossier and signs. */
  officer?: string;
}

/** A submission payload as the compiled validators accept it (the fee engine's shape). */
export type PaperSubmission = FeePayload;

/** What the desk recorded on receipt. */
export interface PaperReceipt {
  dossierCode: string;
  /** Vietnam time, e.g. `2026-07-20T10:00:00+07:00`. */
  receivedAt: string;
  /** The appointment (`computeDeadline`'s `due`), absent when it could not be computed. */
  appointment?: { due: string; provisional: boolean };
  /** Exactly what `computeFees` returned for this submission. */
  fees: FeeResult;
  /** Ids of required documents the submission lacks (for the supplement request). */
  missingDocuments: string[];
}

export interface PaperDossier {
  procedure: Procedure;
  submission: PaperSubmission;
  receipt: PaperReceipt;
  desk: PaperDesk;
  /** Names of provinces and communes, so addresses print names rather than codes. */
  places?: PlaceNames;
}

/** What only some papers need. */
export interface PaperOptions {
  /** Supplement request, refusal, apology, stop notice: the reason, as the officer words it. */
  reason?: string;
  /**
   * Receipt: the status lookup link the paper's QR code opens. The applicant's own copy may
   * carry the lookup secret in the link's fragment (`#…`), which browsers never send to a server.
   */
  statusLink?: string;
  /** Apology: the extended appointment (Vietnam time). */
  newAppointment?: string;
  /** The date printed in "…, ngày … tháng … năm …"; default the receipt time. */
  issuedAt?: string;
}

export type Conditions = Readonly<Record<string, Condition>>;

/** What papers need of a compiled procedure module: its definition and its compiled rules. */
export interface CompiledProcedure {
  definition: Procedure;
  conditions: Conditions;
  rules: SubmissionRules;
}
