import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import { buildCatalogue } from '@thutuc/compiler';
import { createIntakeServer, type IntakeOptions, type IntakeServer } from '@thutuc/intake';

/**
 * Shared by the intake suites: a built catalogue, fresh storage on each engine (PGlite in a
 * temporary folder; PostgreSQL as a new database when DATABASE_URL is set), and submissions
 * made the way <thutuc-form> makes them.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PROCEDURE = 'ho-tich.dang-ky-khai-sinh';
const tmp = path.join(root, 'test/.tmp');

export async function buildTestCatalogue(name: string): Promise<string> {
  const outDir = path.join(tmp, name, 'catalogue');
  await rm(path.join(tmp, name), { recursive: true, force: true });
  const result = await buildCatalogue({ inputs: [path.join(root, 'catalogue')], outDir, cwd: root });
  if (!result.ok) throw new Error(`catalogue build failed: ${result.diagnostics.map((d) => d.message.en).join('; ')}`);
  return outDir;
}

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database for one suite (PostgreSQL) or undefined (PGlite). */
  create(): Promise<string | undefined>;
  drop(url: string | undefined): Promise<void>;
}

const adminUrl = process.env.DATABASE_URL;

/** The engines storage suites run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function engines(): Engine[] {
  const list: Engine[] = [{ name: 'pglite', create: async () => undefined, drop: async () => undefined }];
  if (!adminUrl) {
    console.warn('DATABASE_URL is not set: the PostgreSQL runs of the intake suites are skipped (CI sets it).');
    return list;
  }
  list.push({
    name: 'postgres',
    async create() {
      const name = `thutuc_test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async drop(url) {
      if (!url) return;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
      await client.end();
    },
  });
  return list;
}

export async function freshDataDir(name: string): Promise<string> {
  const dir = path.join(tmp, name, `data-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function startServer(options: IntakeOptions): Promise<{ server: IntakeServer; url: string }> {
  const server = await createIntakeServer({ agencyCode: '000.00.01.H38', jobs: false, ...options });
  return { server, url: await server.listen() };
}

export interface Submission {
  body: FormData;
  key: string;
  envelope: Record<string, unknown>;
  files: Map<string, Buffer>;
}

const examples = new Map<string, Record<string, unknown>>();

/** A valid birth registration, with real PDF bytes behind every declared file. */
export function submission(catalogueDir: string, change: (envelope: Record<string, unknown>, files: Map<string, Buffer>) => void = () => {}, fileBytes?: (doc: string, i: number) => Buffer): Promise<Submission> {
  return exampleSubmission(catalogueDir, PROCEDURE, 'truc-tuyen-dung-han-co-cha-me', change, fileBytes);
}

/** A catalogue example of any procedure (`<file>.examples.yaml`), with real bytes behind every declared file. */
export async function exampleSubmission(
  catalogueDir: string, procedureId: string, exampleName: string,
  change: (envelope: Record<string, unknown>, files: Map<string, Buffer>) => void = () => {}, fileBytes?: (doc: string, i: number) => Buffer,
): Promise<Submission> {
  const id = `${procedureId}/${exampleName}`;
  if (!examples.has(id)) {
    const file = path.join(root, 'catalogue', procedureId.split('.')[0]!, `${procedureId.split('.').slice(1).join('.')}.examples.yaml`);
    const doc = parse(await readFile(file, 'utf8')) as { examples: { name: string; submission: Record<string, unknown> }[] };
    examples.set(id, doc.examples.find((e) => e.name === exampleName)!.submission);
  }
  const index = JSON.parse(await readFile(path.join(catalogueDir, 'index.json'), 'utf8')) as { procedures: { id: string; version: string }[] };
  const s = structuredClone(examples.get(id)!);
  const files = new Map<string, Buffer>();
  const documents = (s.documents ?? {}) as Record<string, { name: string; type: string; size: number; sha256: string }[]>;
  for (const [doc, list] of Object.entries(documents)) {
    list.forEach((meta, i) => {
      const bytes = fileBytes?.(doc, i) ?? Buffer.from(`%PDF-1.4 ${doc} ${i} ${randomUUID()}`);
      files.set(`documents/${doc}/${i}`, bytes);
      Object.assign(meta, { type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) });
    });
  }
  const key = randomUUID();
  const envelope: Record<string, unknown> = { procedure: { id: procedureId, version: index.procedures.find((p) => p.id === procedureId)!.version }, ...s, lang: 'vi', clientTime: new Date().toISOString(), idempotencyKey: key };
  change(envelope, files);
  return { body: formOf(envelope, files), key: envelope.idempotencyKey as string, envelope, files };
}

export function formOf(envelope: Record<string, unknown>, files: Map<string, Buffer>, type = 'application/pdf'): FormData {
  const body = new FormData();
  body.append('envelope', new Blob([JSON.stringify(envelope)], { type: 'application/json' }), 'envelope.json');
  for (const [name, bytes] of files) body.append(name, new Blob([new Uint8Array(bytes)], { type }), `${name.replace(/\//g, '-')}.pdf`);
  return body;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export interface Answer {
  status: number;
  json: Record<string, any> | undefined;
  headers: Headers;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Record<string, any> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, headers: response.headers };
}

export const submit = (url: string, s: Pick<Submission, 'body' | 'key'>) => call(`${url}/api/submissions`, { method: 'POST', body: s.body, headers: { 'Idempotency-Key': s.key } });

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  call(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

/** A signed-in officer's cookie and CSRF token. */
export async function login(url: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${url}/api/officer/login`, { method: 'POST', body: JSON.stringify({ username, password }), headers: { 'Content-Type': 'application/json' } });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export const act = (url: string, session: { cookie: string; csrf: string } | undefined, code: string, action: string, body: unknown = {}, csrf = true) =>
  postJson(`${url}/api/officer/dossiers/${encodeURIComponent(code)}/actions/${action}`, body, session ? { Cookie: session.cookie, ...(csrf ? { 'X-CSRF-Token': session.csrf } : {}) } : {});
