import { readForLookup, type PublicDossierRow } from '../store/lookup-read.js';
import { hit } from '../store/rate-limit.js';
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
 * failures per code, in the database. Counting, checking and reading the dossier's public
 * fields take one statement (store/lookup-read.ts), so a lookup is one round trip when it
 * succeeds. Returns the dossier's id, normalised code and those public fields.
 *
 * The secret is stored as a plain SHA-256: it is random (80 bits, store/secrets.ts), so the
 * hash leaks nothing a guess could recover and a slow KDF would only cost every lookup CPU;
 * the phone digits are the low-entropy proof, which is why failures are limited per code.
 */
export async function authenticateApplicant(ctx: IntakeContext, ip: string, rawCode: string, proof: ApplicantProof): Promise<{ id: string; code: string; dossier: PublicDossierRow }> {
  const { secret, phoneLast4 } = proof;
  if (!secret && !phoneLast4) throw refuse('lookup-invalid');
  const code = rawCode.trim().toUpperCase();
  const now = ctx.now();
  const codeBucket = `lookup-code:${code}`;
  const read = await readForLookup(ctx.db, { code, ipBucket: `lookup-ip:${ip}`, ipWindowMs: MINUTE, codeBucket, codeWindowMs: HOUR, now });
  if (read.ipHits > ctx.limits.lookupsPerIpPerMinute) throw refuse('rate-limited');
  if (read.codeFailures >= ctx.limits.failedLookupsPerCodePerHour) throw refuse('rate-limited');
  const row = read.dossier;
  const matches = secret
    ? sameHash(hashSecret(secret, 'lookup'), row?.secret_hash ?? DUMMY_HASH) && !!row
    : !!row && !!row.phone_last4 && row.phone_last4 === phoneLast4;
  if (!row || !matches) {
    await hit(ctx.db, codeBucket, HOUR, now);
    throw refuse('lookup-not-found');
  }
  const { secret_hash: _hash, phone_last4: _phone, ...dossier } = row;
  return { id: row.id, code, dossier };
}

/** The request body fields every applicant route takes (JSON Schema, for OpenAPI). */
export const APPLICANT_KEY_PROPERTIES = {
  code: { type: 'string', minLength: 6, maxLength: 60 },
  secret: { type: 'string', minLength: 4, maxLength: 40, description: 'Mã tra cứu trên giấy tiếp nhận / the receipt\'s lookup secret' },
} as const;
