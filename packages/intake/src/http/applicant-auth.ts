import { hit, hits } from '../store/rate-limit.js';
import { hashSecret, sameHash } from '../store/secrets.js';
import type { IntakeContext } from './context.js';
import { refuse } from './reasons.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Compared against when the code is unknown, so both failures cost the same. */
const DUMMY_HASH = hashSecret('0000-0000-0000-0000', 'lookup');

export interface ApplicantProof {
  secret?: string | undefined;
  phoneLast4?: string | undefined;
}

/**
 * The applicant's proof of holding a dossier, as the lookup, payment and result routes take it:
 * the code with the receipt's lookup secret (or the last four phone digits, where allowed).
 * An unknown code and a wrong secret get the same refusal; attempts are limited per IP and
 * failures per code, in the database. Returns the dossier's id and normalised code.
 */
export async function authenticateApplicant(ctx: IntakeContext, ip: string, rawCode: string, proof: ApplicantProof): Promise<{ id: string; code: string }> {
  const { secret, phoneLast4 } = proof;
  if (!secret && !phoneLast4) throw refuse('lookup-invalid');
  const code = rawCode.trim().toUpperCase();
  const now = ctx.now();
  if ((await hit(ctx.db, `lookup-ip:${ip}`, MINUTE, now)) > ctx.limits.lookupsPerIpPerMinute) throw refuse('rate-limited');
  if ((await hits(ctx.db, `lookup-code:${code}`, HOUR, now)) >= ctx.limits.failedLookupsPerCodePerHour) throw refuse('rate-limited');
  const row = await ctx.db.selectFrom('dossiers').select(['id', 'secret_hash', 'phone_last4']).where('code', '=', code).executeTakeFirst();
  const matches = secret
    ? sameHash(hashSecret(secret, 'lookup'), row?.secret_hash ?? DUMMY_HASH) && !!row
    : !!row && !!row.phone_last4 && row.phone_last4 === phoneLast4;
  if (!row || !matches) {
    await hit(ctx.db, `lookup-code:${code}`, HOUR, now);
    throw refuse('lookup-not-found');
  }
  return { id: String(row.id), code };
}
