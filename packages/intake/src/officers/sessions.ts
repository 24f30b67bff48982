import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { refuse } from '../http/reasons.js';
import { hashToken } from '../store/secrets.js';
import { officerOf, type Officer } from './accounts.js';

/**
 * Officer sessions: a random token in an HTTP-only, SameSite=Strict cookie, stored in the
 * database only as a hash (so any intake process can check it, and a database leak gives no
 * usable cookie). Each session carries a CSRF token the desk sends back in `X-CSRF-Token` on
 * every state-changing request.
 */
export const SESSION_COOKIE = 'thutuc_session';
const LIFETIME_MS = 8 * 3_600_000;

export interface SessionInfo {
  officer: Officer;
  csrfToken: string;
}

export async function openSession(db: Kysely<Database>, officer: Officer, reply: FastifyReply, secureCookie: boolean): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + LIFETIME_MS);
  await db.insertInto('sessions').values({ id_hash: hashToken(token), officer_id: officer.id, csrf_token: csrfToken, expires_at: expires }).execute();
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/api/officer', expires });
  return { officer, csrfToken };
}

export async function closeSession(db: Kysely<Database>, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/api/officer' });
}

/** The signed-in officer, or a 401 refusal; state-changing methods also need the CSRF token. */
export async function requireOfficer(db: Kysely<Database>, req: FastifyRequest): Promise<SessionInfo> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw refuse('no-session');
  const row = await db
    .selectFrom('sessions')
    .innerJoin('officers', 'officers.id', 'sessions.officer_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'officers.id', 'officers.username', 'officers.display_name', 'officers.agency_code', 'officers.roles'])
    .where('sessions.id_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now()) throw refuse('no-session');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const sent = req.headers['x-csrf-token'];
    const a = Buffer.from(typeof sent === 'string' ? sent : '');
    const b = Buffer.from(row.csrf_token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw refuse('csrf');
  }
  return { officer: officerOf(row), csrfToken: row.csrf_token };
}

export async function pruneSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
