import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ActorRole } from '../lifecycle-statuses.js';

/**
 * Officers of the one-stop system. Each belongs to one agency (the identifier its dossier
 * codes start with) and holds roles: reception (bộ phận một cửa), processing (chuyên viên),
 * leadership (lãnh đạo ký duyệt), admin (manages accounts). Passwords are kept as scrypt hashes.
 */
export const OFFICER_ROLES = ['reception', 'processing', 'leadership', 'admin'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** The lifecycle's actor for each role that acts on dossiers. */
export const ACTOR_OF: Record<OfficerRole, ActorRole | undefined> = { reception: 'reception', processing: 'officer', leadership: 'leader', admin: undefined };

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: OfficerRole[];
}

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const USERNAME = /^[a-z0-9._-]{3,64}$/;
const AGENCY = /^[0-9A-Z.]{1,35}$/;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, 64, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface NewOfficer {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: OfficerRole[];
  password: string;
}

export async function createOfficer(db: Kysely<Database>, o: NewOfficer): Promise<{ ok: true; officer: Officer } | { ok: false; error: { vi: string; en: string } }> {
  if (!USERNAME.test(o.username)) return { ok: false, error: { vi: 'Tên đăng nhập chỉ gồm a–z, 0–9, . _ - (3–64 ký tự).', en: 'User names are 3–64 of a–z, 0–9, . _ -.' } };
  if (!AGENCY.test(o.agencyCode)) return { ok: false, error: { vi: 'Mã định danh cơ quan không hợp lệ ([0-9A-Z.]{1,35}).', en: 'Not a valid agency identifier ([0-9A-Z.]{1,35}).' } };
  if (o.password.length < 10) return { ok: false, error: { vi: 'Mật khẩu cần ít nhất 10 ký tự.', en: 'Passwords need at least 10 characters.' } };
  const row = await db
    .insertInto('officers')
    .values({ username: o.username, display_name: o.displayName, agency_code: o.agencyCode, roles: JSON.stringify(o.roles), password_hash: await hashPassword(o.password) })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { ok: false, error: { vi: `Tên đăng nhập ${o.username} đã có.`, en: `The user name ${o.username} is taken.` } };
  return { ok: true, officer: { id: String(row.id), username: o.username, displayName: o.displayName, agencyCode: o.agencyCode, roles: o.roles } };
}

/** A precomputed hash to verify against for unknown users, so both failures take as long. */
let decoy: Promise<string> | undefined;

export async function checkLogin(db: Kysely<Database>, username: string, password: string): Promise<Officer | undefined> {
  const row = await db.selectFrom('officers').selectAll().where('username', '=', username).executeTakeFirst();
  decoy ??= hashPassword(randomBytes(12).toString('hex'));
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoy));
  if (!row || !ok) return undefined;
  return officerOf(row);
}

export function officerOf(row: { id: string | number; username: string; display_name: string; agency_code: string; roles: unknown }): Officer {
  return { id: String(row.id), username: row.username, displayName: row.display_name, agencyCode: row.agency_code, roles: row.roles as OfficerRole[] };
}
