import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, DossierRow } from '../db/schema.js';
import { transition, type Dossier } from '../lifecycle.js';
import { DOSSIER_STATUSES } from '../lifecycle-statuses.js';
import type { StagedBlob } from '../store/blobs.js';
import { appendHistory, stateWithoutHistory } from '../store/dossiers.js';
import { hashToken } from '../store/secrets.js';
import { vietnamIso } from '../time.js';
import { authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { checkDeclaredFiles, type DeclaredFile } from './file-checks.js';
import { nextPart, readJsonPart, receiveFiles } from './file-parts.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

async function pending(db: Kysely<Database>, token: string) {
  if (!TOKEN.test(token)) throw refuse('supplement-token');
  const row = await db.selectFrom('dossiers').select(['id', 'code', 'procedure_id', 'procedure_version', 'status', 'state']).where('supplement_token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.status !== 'supplement_requested') throw refuse('supplement-token');
  return row;
}

/**
 * The applicant's answer to a supplement request, without an account: either the link the
 * notice carried (a one-time token) or the dossier code and lookup secret, which
 * <thutuc-status> sends inside the first part so the secret never appears in a URL. GET shows
 * what was asked; POST (multipart: a `supplement` part `{ documents }` describing the files,
 * then the files) stores the new files, resumes the time limit and spends any token.
 */
export function registerSupplements(app: FastifyInstance, ctx: IntakeContext): void {
  app.get<{ Params: { token: string } }>('/api/supplements/:token', { schema: { summary: 'Yêu cầu bổ sung / What a supplement request asks', response: { '4xx': PROBLEM_SCHEMA } } }, async (req) => {
    const row = await pending(ctx.db, req.params.token);
    const state = row.state as unknown as Dossier & { supplement?: { documents: string[] } };
    const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
    return { code: row.code, procedure: procedure?.definition.title ?? null, documents: state.supplement?.documents ?? [], reason: state.history.at(-1)?.reason ?? null };
  });

  app.post<{ Params: { token: string } }>(
    '/api/supplements/:token',
    { schema: { summary: 'Nộp bổ sung / Send the supplement', consumes: ['multipart/form-data'], response: { '4xx': PROBLEM_SCHEMA } } },
    async (req) => {
      const row = await pending(ctx.db, req.params.token);
      return receiveSupplement(req, ctx, async () => row, hashToken(req.params.token));
    },
  );

  app.post(
    '/api/supplements',
    {
      schema: {
        summary: 'Nộp bổ sung bằng mã hồ sơ và mã tra cứu / Send the supplement with the dossier code and lookup secret',
        description: 'multipart/form-data: a first part `supplement` `{ code, secret, documents }`, then the files `documents/<id>/<index>` as the form sends them.',
        consumes: ['multipart/form-data'],
        response: { '4xx': PROBLEM_SCHEMA },
      },
    },
    async (req) =>
      receiveSupplement(req, ctx, async (first) => {
        const key = first as { code?: unknown; secret?: unknown };
        if (typeof key.code !== 'string' || typeof key.secret !== 'string' || key.code.length > 60 || key.secret.length > 40) throw refuse('lookup-invalid');
        const { code, dossier } = await authenticateApplicant(ctx, req.ip, key.code, { secret: key.secret });
        if (dossier.status !== 'supplement_requested') throw refuse('action-refused');
        return { ...dossier, code };
      }),
  );
}

type PendingRow = Pick<DossierRow, 'code' | 'procedure_id' | 'procedure_version'> & { id: string };

/**
 * Reads the `supplement` part, finds the dossier it is for (by the link's token or by code and
 * secret inside the part), stores the new files in a new round, resumes the time limit and
 * spends any pending link. With `tokenHash`, the dossier must still hold that token.
 */
async function receiveSupplement(req: FastifyRequest, ctx: IntakeContext, find: (first: unknown) => Promise<PendingRow>, tokenHash?: string) {
  if (!req.isMultipart()) throw refuse('not-multipart');
  const staged: StagedBlob[] = [];
  try {
    const iterator = req.parts({ limits: { fields: 1, fieldSize: ctx.limits.maxEnvelopeBytes, files: ctx.limits.maxFiles + 1 } })[Symbol.asyncIterator]();
    const first = await nextPart(iterator);
    if (!first || first.fieldname !== 'supplement') throw refuse('envelope-missing');
    const value = await readJsonPart(first, ctx.limits.maxEnvelopeBytes);
    const row = await find(value);
    const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
    if (!procedure) throw refuse('unknown-procedure');
    const documents = supplementDocuments(value);
    const known = new Set(procedure.rules.documents.map((d) => d.id));
    for (const id of Object.keys(documents)) if (!known.has(id)) throw refuse('file-undeclared', {}, id);
    const expected = checkDeclaredFiles(documents, procedure.rules.documents, ctx.limits.maxFiles, ctx.limits.maxBodyBytes);
    const received = await receiveFiles(iterator, expected, ctx, staged);
    for (const blob of received.values()) await ctx.blobs.commit(blob);
    staged.length = 0;
    const now = ctx.now();
    return await ctx.db.transaction().execute(async (trx) => {
      let q = trx.selectFrom('dossiers').select(['id', 'status', 'state']).where('id', '=', row.id);
      if (tokenHash) q = q.where('supplement_token_hash', '=', tokenHash);
      const locked = await q.forUpdate().executeTakeFirst();
      if (!locked || locked.status !== 'supplement_requested') throw refuse(tokenHash ? 'supplement-token' : 'action-refused');
      const state = locked.state as unknown as Dossier;
      const result = transition(state, 'supplement', { actor: { role: 'applicant' }, at: vietnamIso(now) }, { calendar: ctx.catalogue.calendar, steps: procedure.definition.steps ?? [] });
      if (!result.ok) throw refuse('action-refused', { reason: { code: result.error.code, message: result.error.message } });
      const round = Number((await trx.selectFrom('dossier_files').select((eb) => eb.fn.max('round').as('r')).where('dossier_id', '=', row.id).executeTakeFirst())?.r ?? 0) + 1;
      const files = [...expected.values()];
      if (files.length) {
        await trx.insertInto('dossier_files').values(files.map((f) => ({ dossier_id: row.id, round, document_id: f.documentId, idx: f.index, name: f.meta.name, type: f.meta.type, size: f.meta.size, sha256: f.meta.sha256 }))).execute();
      }
      const next = result.dossier;
      await trx
        .updateTable('dossiers')
        .set({ status: next.status, status_code: next.statusCode, state: JSON.stringify(stateWithoutHistory(next)), due_at: next.due ? new Date(Date.parse(next.due)) : null, supplement_token_hash: null, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      await appendHistory(trx, row.id, result.entry, []);
      const s = DOSSIER_STATUSES[next.status];
      return { code: row.code, status: { code: s.code, label: { vi: s.vi, en: s.en } }, due: next.due ?? null, files: files.length };
    });
  } finally {
    await Promise.all(staged.map((b) => ctx.blobs.discard(b)));
  }
}

function supplementDocuments(value: unknown): Record<string, DeclaredFile[]> {
  const documents = (value as { documents?: unknown })?.documents;
  const valid =
    documents && typeof documents === 'object' && !Array.isArray(documents) &&
    Object.values(documents).every((list) => Array.isArray(list) && list.length <= 50 && list.every((f) =>
      f && typeof f.name === 'string' && f.name.length > 0 && f.name.length <= 255 && typeof f.type === 'string' && Number.isSafeInteger(f.size) && f.size >= 0 && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256)));
  if (!valid) throw refuse('envelope-malformed');
  return documents as Record<string, DeclaredFile[]>;
}
