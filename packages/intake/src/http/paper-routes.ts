import type { FastifyInstance, FastifyReply } from 'fastify';
import { formOf, PAPER_KINDS, registerCsv, renderControlSheet, renderPaper, renderRegister, type FormKind, type PaperKind } from '@thutuc/papers';
import type { Dossier, HistoryEntry } from '../lifecycle.js';
import { requireOfficer } from '../officers/sessions.js';
import { controlEntries } from '../papers/control.js';
import { acceptance, paperDossierOf, statusLink } from '../papers/dossier-paper.js';
import { countRegister, registerRows, REGISTER_PAGE_SIZE, type RegisterQuery } from '../papers/register.js';
import { authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const ERRORS = { '4xx': PROBLEM_SCHEMA } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const HTML = { 200: { description: 'Giấy tờ in được (HTML) / A printable paper (HTML)', content: { 'text/html': { schema: { type: 'string' } } } }, ...ERRORS } as const;

/** A paper as its own document: no script may run in it, nothing is cached on the way. */
function sendPaper(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .send(html);
}

/**
 * The papers of Circular 03/2025/TT-VPCP, Phụ lục I, for officers and applicants: the papers
 * each action issued (stored when it was taken, printed again as they were handed out), Mẫu 06
 * live from the history, Mẫu 07 for a period, and the applicant's own copy of Mẫu 01.
 */
export function registerPaperRoutes(app: FastifyInstance, ctx: IntakeContext): void {
  const officerDossier = async (agency: string, code: string) => {
    const row = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).where('agency_code', '=', agency).executeTakeFirst();
    if (!row) throw refuse('other-agency');
    return row;
  };
  const CODE = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 60 } } } as const;

  app.get<{ Params: { code: string } }>(
    '/api/officer/dossiers/:code/papers',
    { schema: { summary: 'Giấy tờ đã cấp cho hồ sơ (Mẫu 01–05) / Papers issued for a dossier', params: CODE, response: ERRORS } },
    async (req) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const row = await officerDossier(officer.agencyCode, req.params.code);
      const papers = await ctx.db.selectFrom('dossier_papers').select(['id', 'kind', 'sha256', 'created_at', 'history_id']).where('dossier_id', '=', row.id).orderBy('id').execute();
      const base = `/api/officer/dossiers/${encodeURIComponent(row.code)}/papers`;
      return {
        papers: papers.map((p) => ({
          id: String(p.id), kind: p.kind, form: formOf(p.kind as FormKind), sha256: p.sha256, createdAt: new Date(p.created_at).toISOString(),
          historyId: p.history_id === null ? null : String(p.history_id), url: `${base}/${p.id}`,
        })),
        control: { form: formOf('control'), url: `${base}/control` },
      };
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/officer/dossiers/:code/papers/control',
    { schema: { summary: 'Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ / The processing control sheet', params: CODE, response: HTML } },
    async (req, reply) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const row = await officerDossier(officer.agencyCode, req.params.code);
      const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
      if (!procedure) throw refuse('not-found');
      const history = await ctx.db.selectFrom('dossier_history').select('entry').where('dossier_id', '=', row.id).orderBy('id').execute();
      const state = row.state as unknown as Dossier;
      const dossier = paperDossierOf(row, procedure, ctx.catalogue, acceptance(state));
      const entries = controlEntries(history.map((h) => h.entry as unknown as HistoryEntry), procedure.definition.steps ?? [], row.channel);
      return sendPaper(reply, renderControlSheet(dossier, entries, { issuedAt: new Date(ctx.now()).toISOString() }));
    },
  );

  app.get<{ Params: { code: string; id: string } }>(
    '/api/officer/dossiers/:code/papers/:id',
    {
      schema: {
        summary: 'In lại giấy tờ đã cấp / Print an issued paper',
        description: 'id: the stored paper\'s id, or a kind (receipt, supplement, refusal, apology, stop) for the latest of that kind; declaration prints the filled declaration form.',
        params: { type: 'object', required: ['code', 'id'], properties: { code: { type: 'string', maxLength: 60 }, id: { type: 'string', maxLength: 20 } } },
        response: HTML,
      },
    },
    async (req, reply) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const row = await officerDossier(officer.agencyCode, req.params.code);
      const { id } = req.params;
      if (id === 'declaration') {
        const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
        const paper = procedure ? renderPaper('declaration', paperDossierOf(row, procedure, ctx.catalogue)) : undefined;
        if (!paper?.ok) throw refuse('not-found');
        return sendPaper(reply, paper.html);
      }
      let q = ctx.db.selectFrom('dossier_papers').select('html').where('dossier_id', '=', row.id);
      if (/^\d{1,18}$/.test(id)) q = q.where('id', '=', id);
      else if ((PAPER_KINDS as readonly string[]).includes(id)) q = q.where('kind', '=', id as PaperKind).orderBy('id', 'desc').limit(1);
      else throw refuse('not-found');
      const stored = await q.executeTakeFirst();
      if (!stored) throw refuse('not-found');
      return sendPaper(reply, stored.html);
    },
  );

  app.get<{ Querystring: { from: string; to: string; format?: 'html' | 'csv'; page?: number } }>(
    '/api/officer/register',
    {
      schema: {
        summary: 'Mẫu 07: Sổ theo dõi hồ sơ của cơ quan trong kỳ / The agency\'s register for a period',
        querystring: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: DATE, to: DATE, format: { enum: ['html', 'csv'] }, page: { type: 'integer', minimum: 1 } } },
        response: ERRORS,
      },
    },
    async (req, reply) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const { from, to, format = 'html' } = req.query;
      if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)) || from > to) throw refuse('bad-request');
      const query: RegisterQuery = { agency: officer.agencyCode, from, to };
      const agency = ctx.catalogue.agencies.find((a) => a.code === officer.agencyCode);
      const desk = { parent: agency?.name.vi ?? officer.agencyCode, officer: officer.displayName };
      if (format === 'csv') {
        const rows = [];
        for (let offset = 0; ; offset += 500) {
          const chunk = await registerRows(ctx.db, ctx.catalogue, query, offset, 500);
          rows.push(...chunk);
          if (chunk.length < 500) break;
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="so-theo-doi-ho-so-${from}-${to}.csv"`)
          .header('Cache-Control', 'no-store')
          .send(registerCsv(rows));
      }
      const total = await countRegister(ctx.db, query);
      const count = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
      const page = Math.min(req.query.page ?? 1, count);
      const offset = (page - 1) * REGISTER_PAGE_SIZE;
      const rows = await registerRows(ctx.db, ctx.catalogue, query, offset, REGISTER_PAGE_SIZE);
      // Query-only links: they resolve against wherever the page was served, so paging keeps
      // working when the server sits behind a reverse proxy under a path prefix.
      const link = (n: number) => `?${new URLSearchParams({ from, to, page: String(n) })}`;
      return sendPaper(reply, renderRegister(rows, {
        desk, from, to, offset: offset + 1,
        page: { number: page, count, total, ...(page > 1 ? { previous: link(page - 1) } : {}), ...(page < count ? { next: link(page + 1) } : {}) },
      }));
    },
  );

  app.post<{ Body: { code: string; secret: string } }>(
    '/api/receipt',
    {
      schema: {
        summary: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) để người nộp in / The applicant\'s printable receipt',
        description: 'The code and the lookup secret travel in the body, never in the address. An unknown code and a wrong secret get the same answer as the lookup.',
        body: {
          type: 'object', required: ['code', 'secret'], additionalProperties: false,
          properties: { code: { type: 'string', minLength: 6, maxLength: 60 }, secret: { type: 'string', minLength: 4, maxLength: 40 } },
        },
        response: HTML,
      },
    },
    async (req, reply) => {
      const { id } = await authenticateApplicant(ctx, req.ip, req.body.code, { secret: req.body.secret });
      const row = await ctx.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
      if (!procedure) throw refuse('lookup-not-found');
      const state = row.state as unknown as Dossier;
      const dossier = paperDossierOf(row, procedure, ctx.catalogue, acceptance(state));
      const link = statusLink(ctx.statusPageUrl, row.code, req.body.secret);
      const paper = renderPaper('receipt', dossier, link ? { statusLink: link } : {});
      if (!paper.ok) throw refuse('lookup-not-found');
      return sendPaper(reply, paper.html);
    },
  );
}
