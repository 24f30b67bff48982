import { authenticateApplicant, type ApplicantProof } from './applicant-auth.js';
import type { IntakeContext } from './context.js';

export interface ApplicantCredentials extends ApplicantProof {
  code: string;
}

/**
 * The dossier whose code and lookup secret the applicant holds, with what the applicant's
 * routes (lookup, supplement, result download) read of it. The proof is checked by
 * `authenticateApplicant`: one limit and one refusal for every route.
 */
export async function findApplicantDossier(ctx: IntakeContext, ip: string, credentials: ApplicantCredentials) {
  const { id } = await authenticateApplicant(ctx, ip, credentials.code, credentials);
  return ctx.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_id', 'procedure_version', 'channel', 'status', 'state', 'receipt', 'envelope', 'submitted_at', 'appointment_at', 'overdue'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The request body fields every applicant route takes (JSON Schema, for OpenAPI). */
export const APPLICANT_KEY_PROPERTIES = {
  code: { type: 'string', minLength: 6, maxLength: 60 },
  secret: { type: 'string', minLength: 4, maxLength: 40, description: 'Mã tra cứu trên giấy tiếp nhận / the receipt\'s lookup secret' },
} as const;
