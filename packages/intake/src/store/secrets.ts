import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to applicants: the lookup secret printed on the receipt and the one-time
 * supplement link. They are random (80 bits and more), so a plain SHA-256 is enough to store
 * them: there is nothing to guess from the hash, and lookups stay cheap.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud and typed by people

/** e.g. `7KQ4-MZ2D-9XWP-3HRT` (16 symbols of 32 = 80 bits). */
export function newLookupSecret(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i]! % 32];
  return out.match(/.{4}/g)!.join('-');
}

/** Spaces, dashes and case do not matter when someone types the secret back. */
export function normaliseSecret(secret: string): string {
  return secret.toUpperCase().replace(/[\s-]/g, '');
}

export function hashSecret(secret: string, purpose: string): string {
  return createHash('sha256').update(`${purpose}|${normaliseSecret(secret)}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const newToken = (): string => randomBytes(24).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(`token|${token}`).digest('hex');

/**
 * The lookup secret sealed with the submission's Idempotency-Key: a retried submit (same key,
 * same body) gets its secret back, and nobody holding only the database can read it.
 */
function keyFrom(idempotencyKey: string): Buffer {
  return createHash('sha256').update(`lookup-secret-box|${idempotencyKey}`).digest();
}

export function sealSecret(secret: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(idempotencyKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openSecret(box: string, idempotencyKey: string): string | undefined {
  try {
    const raw = Buffer.from(box, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(idempotencyKey), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export const hashIdempotencyKey = (key: string): string => createHash('sha256').update(`idempotency|${key}`).digest('hex');
