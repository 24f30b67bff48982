import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * VNPay's signing rule (payment API 2.1.0): the non-empty `vnp_*` parameters other than the
 * hash itself, sorted by name, each name and value form-encoded (UTF-8, spaces as `+`, as the
 * gateway's own URL encoder does), joined as a query string, then HMAC-SHA512 with the
 * merchant's secret, in hexadecimal.
 */
const UNSIGNED = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** The query string VNPay signs (and the one the payment URL carries before its hash). */
export function vnpayQuery(params: Readonly<Record<string, string | number | undefined>>): string {
  const names = Object.keys(params).filter((k) => k.startsWith('vnp_') && !UNSIGNED.has(k) && params[k] !== undefined && params[k] !== '');
  // URLSearchParams writes application/x-www-form-urlencoded: the same bytes as the gateway's encoder.
  return new URLSearchParams(names.sort().map((k): [string, string] => [k, String(params[k])])).toString();
}

export function vnpaySign(params: Readonly<Record<string, string | number | undefined>>, secret: string): string {
  return hmac512(vnpayQuery(params), secret);
}

export function hmac512(data: string, secret: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** Compares the received hash with ours in constant time; a malformed hash is simply wrong. */
export function vnpaySignatureValid(params: Readonly<Record<string, string | undefined>>, secret: string): boolean {
  return sameDigest(vnpaySign(params, secret), params.vnp_SecureHash ?? '');
}

/** Whether `given` is the SHA-512 HMAC `expected` (hex, any case), compared in constant time. */
export function sameDigest(expected: string, given: string): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));
}

/** `yyyyMMddHHmmss` in Vietnam time (GMT+7), VNPay's date format. */
export function vnpayDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/** The instant a VNPay date (GMT+7) stands for. */
export function parseVnpayDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
