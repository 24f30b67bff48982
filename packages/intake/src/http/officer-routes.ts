import type { FastifyInstance } from 'fastify';
import { checkLogin, createOfficer, OFFICER_ROLES, type OfficerRole } from '../officers/accounts.js';
import { deskViewOf, historyLabels } from '../officers/desk-view.js';
import { OFFICER_ACTIONS, performAction, type ActionRequest, type OfficerAction } from '../officers/actions.js';
import type { Dossier } from '../lifecycle.js';
import { closeSession, openSession, requireOfficer } from '../officers/sessions.js';
import { ordersOf, paymentOf } from '../payment/view.js';
import { hit } from '../store/rate-limit.js';
import { latestDelivery, latestResult } from '../store/results.js';
import type { IntakeContext } from './context.js';
import { registerOfficerInbox } from './officer-inbox.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const TEXT = { type: 'object', required: ['vi'], additionalProperties: false, properties: { vi: { type: 'string', minLength: 1, maxLength: 2000 }, en: { type: 'string', maxLength: 2000 } } } as const;
const ERRORS = { '4xx': PROBLEM_SCHEMA } as const;
const CODE_PARAM = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 60 } } } as const;

export interface OfficerRouteOptions {
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookie: boolean;
  /** The public base URL, for links in notices (e.g. https://dichvucong.example.gov.vn). */
  publicUrl: string;
}

/**
 * The officers' API under /api/officer: sign in and out, the agency's dossiers, their files and
 * papers, and the lifecycle actions. Every route needs a session; every POST also needs the
 * session's CSRF token; every query is limited to the officer's agency.
 */
export function registerOfficerRoutes(app: FastifyInstance, ctx: IntakeContext, options: OfficerRouteOptions): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/officer/login',
    { schema: { summary: 'Đăng nhập cán bộ / Officer sign-in', body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', maxLength: 64 }, password: { type: 'string', maxLength: 200 } } }, response: ERRORS } },
    async (req, reply) => {
      if ((await hit(ctx.db, `login-ip:${req.ip}`, 60_000, ctx.now())) > 20) throw refuse('rate-limited');
      const officer = await checkLogin(ctx.db, req.body.username, req.body.password);
      if (!officer) throw refuse('login-failed');
      const session = await openSession(ctx.db, officer, reply, options.secureCookie);
      return { officer: session.officer, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/officer/logout', { schema: { summary: 'Đăng xuất / Sign out', response: ERRORS } }, async (req, reply) => {
    await requireOfficer(ctx.db, req);
    await closeSession(ctx.db, req, reply);
    return { ok: true };
  });

  app.get('/api/officer/session', { schema: { summary: 'Phiên hiện tại / Current session', response: ERRORS } }, async (req) => requireOfficer(ctx.db, req));

  app.post<{ Body: { username: string; displayName?: string; password: string; roles: OfficerRole[] } }>(
    '/api/officer/officers',
    {
      schema: {
        summary: 'Tạo tài khoản cán bộ trong cơ quan / Create an officer of the agency (admin)',
        body: { type: 'object', required: ['username', 'password', 'roles'], additionalProperties: false, properties: { username: { type: 'string' }, displayName: { type: 'string' }, password: { type: 'string' }, roles: { type: 'array', items: { enum: [...OFFICER_ROLES] } } } },
        response: ERRORS,
      },
    },
    async (req, reply) => {
      const { officer } = await requireOfficer(ctx.db, req);
      if (!officer.roles.includes('admin')) throw refuse('forbidden');
      const created = await createOfficer(ctx.db, { username: req.body.username, displayName: req.body.displayName ?? req.body.username, password: req.body.password, roles: req.body.roles, agencyCode: officer.agencyCode });
      if (!created.ok) return reply.code(400).send({ error: { code: 'bad-request', message: created.error } });
      reply.code(201);
      return created.officer;
    },
  );

  registerOfficerInbox(app, ctx);

  const ownDossier = async (agency: string, code: string) => {
    const row = await ctx.db.selectFrom('dossiers').selectAll().where('code', '=', code).where('agency_code', '=', agency).executeTakeFirst();
    if (!row) throw refuse('other-agency');
    return row;
  };

  app.get<{ Params: { code: string } }>('/api/officer/dossiers/:code', { schema: { summary: 'Chi tiết hồ sơ / A dossier', params: CODE_PARAM, response: ERRORS } }, async (req) => {
    const { officer } = await requireOfficer(ctx.db, req);
    const row = await ownDossier(officer.agencyCode, req.params.code);
    const files = await ctx.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', row.id).orderBy('round').orderBy('document_id').orderBy('idx').execute();
    const history = await ctx.db.selectFrom('dossier_history').select(['at', 'action', 'from_status', 'to_status', 'actor_role', 'actor_id', 'reason', 'papers']).where('dossier_id', '=', row.id).orderBy('id').execute();
    const { paper: _paper, ...receipt } = row.receipt as Record<string, unknown>;
    // The dossier's own version: its answers, fees and steps are laid out as it was filed.
    const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
    return {
      ...deskViewOf(officer, procedure?.definition, row.state as unknown as Dossier, row.envelope),
      code: row.code, status: row.status_code, procedure: { id: row.procedure_id, version: row.procedure_version }, envelope: row.envelope, receipt, overdue: row.overdue,
      due: row.due_at ? new Date(row.due_at).toISOString() : null,
      files: files.map((f) => ({ round: f.round, document: f.document_id, index: f.idx, name: f.name, type: f.type, size: Number(f.size), sha256: f.sha256 })),
      history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString(), ...historyLabels(h.action, h.to_status) })),
      payment: { ...(await paymentOf(ctx, row, procedure)), orders: await ordersOf(ctx.db, row.id) },
      // What of the result's delivery is already recorded, so the desk can say what is left to do.
      result: (await latestResult(ctx.db, row.id)) ?? null,
      delivery: (await latestDelivery(ctx.db, row.id)) ?? null,
    };
  });

  app.get<{ Params: { code: string; sha256: string } }>('/api/officer/dossiers/:code/files/:sha256', { schema: { summary: 'Tải tệp / Download a file', response: ERRORS } }, async (req, reply) => {
    const { officer } = await requireOfficer(ctx.db, req);
    const row = await ownDossier(officer.agencyCode, req.params.code);
    const file = await ctx.db.selectFrom('dossier_files').select(['name', 'type']).where('dossier_id', '=', row.id).where('sha256', '=', req.params.sha256).executeTakeFirst();
    const stream = file ? await ctx.blobs.read(req.params.sha256) : undefined;
    if (!file || !stream) throw refuse('not-found');
    return reply.type('application/octet-stream').header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).header('X-Content-Type-Options', 'nosniff').send(stream);
  });

  app.post<{ Params: { code: string; action: string }; Body: ActionRequest }>(
    '/api/officer/dossiers/:code/actions/:action',
    {
      schema: {
        summary: 'Thao tác trên hồ sơ / Act on a dossier',
        description: `action: ${OFFICER_ACTIONS.join(', ')}`,
        params: { type: 'object', required: ['code', 'action'], properties: { code: { type: 'string' }, action: { enum: [...OFFICER_ACTIONS] } } },
        body: { type: 'object', additionalProperties: false, properties: { reason: TEXT, step: { type: 'integer', minimum: 0 }, extension: { type: 'integer', minimum: 0 }, documents: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 300 } } } },
        response: ERRORS,
      },
    },
    async (req) => {
      const { officer } = await requireOfficer(ctx.db, req);
      return performAction(ctx.db, ctx.catalogue, officer, req.params.code, req.params.action as OfficerAction, req.body ?? {}, ctx.now(), options.publicUrl, ctx.payments, ctx.statusPageUrl);
    },
  );
}
