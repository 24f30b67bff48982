import { hit, hits } from '../store/rate-limit.js';
import { hashSecret, sameHash } from '../store/secrets.js';
import type { IntakeContext } from './context.js';
import { refuse } from './reasons.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Compared against when the code is unknown, so both failures cost the same. */
const DUMMY_HASH = hashSecret('0000-0000-0000-0000', 'lookup');

export interface ApplicantCredentials {
  code: string;
  secret?: string | undefined;
  /** The lookup alone also accepts the last four digits of the phone given. */
  phoneLast4?: string | undefined;
}

/**
 * The dossier whose code and lookup secret the applicant holds — the one key to everything
 * an applicant does without an account (lookup, supplement, payment, result download). Every
 * route shares the same limits (attempts per IP, failures per code, in the database) and the
 * same answer for an unknown code and a wrong secret, so no route tells more than another.
 */
export async function findApplicantDossier(ctx: IntakeContext, ip: string, credentials: ApplicantCredentials) {
  const { secret, phoneLast4 } = credentials;
  if (!secret && !phoneLast4) throw refuse('lookup-invalid');
  const code = credentials.code.trim().toUpperCase();
  const now = ctx.now();
  if ((await hit(ctx.db, `lookup-ip:${ip}`, MINUTE, now)) > ctx.limits.lookupsPerIpPerMinute) throw refuse('rate-limited');
  if ((await hits(ctx.db, `lookup-code:${code}`, HOUR, now)) >= ctx.limits.failedLookupsPerCodePerHour) throw refuse('rate-limited');
  const row = await ctx.db
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_id', 'status', 'state', 'receipt', 'envelope', 'secret_hash', 'phone_last4', 'submitted_at', 'appointment_at', 'overdue'])
    .where('code', '=', code)
    .executeTakeFirst();
  const matches = secret
    ? sameHash(hashSecret(secret, 'lookup'), row?.secret_hash ?? DUMMY_HASH) && !!row
    : !!row && !!row.phone_last4 && row.phone_last4 === phoneLast4;
  if (!row || !matches) {
    await hit(ctx.db, `lookup-code:${code}`, HOUR, now);
    throw refuse('lookup-not-found');
  }
  return row;
}

export type ApplicantDossier = Awaited<ReturnType<typeof findApplicantDossier>>;

/** The request body fields every applicant route takes (JSON Schema, for OpenAPI). */
export const APPLICANT_KEY_PROPERTIES = {
  code: { type: 'string', minLength: 6, maxLength: 60 },
  secret: { type: 'string', minLength: 4, maxLength: 40, description: 'Mã tra cứu trên giấy tiếp nhận / the receipt\'s lookup secret' },
} as const;
