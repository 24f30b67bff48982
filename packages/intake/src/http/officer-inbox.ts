import type { FastifyInstance } from 'fastify';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { todayInVietnam } from '@thutuc/runtime';
import type { Database } from '../db/schema.js';
import { DOSSIER_STATUSES, statusByCode } from '../lifecycle-statuses.js';
import { applicantName, applicantNameField, FOLD_FROM, FOLD_TO, foldVietnamese, likeEscape } from '../officers/applicant.js';
import { requireOfficer } from '../officers/sessions.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA } from './reasons.js';

export interface InboxQuery {
  page?: number;
  pageSize?: number;
  /** Old name of pageSize, kept for existing clients. */
  limit?: number;
  status?: number;
  procedure?: string;
  /** Due within this many working days from today (open dossiers whose clock runs). */
  dueWithin?: number;
  overdue?: boolean;
  /** A dossier code (or part of one) or a person's name, with or without diacritics. */
  q?: string;
}

const QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100_000 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    status: { type: 'integer', minimum: 1, maximum: 10 },
    procedure: { type: 'string', maxLength: 200 },
    dueWithin: { type: 'integer', minimum: 0, maximum: 365 },
    overdue: { type: 'boolean' },
    q: { type: 'string', maxLength: 100 },
  },
} as const;

/** Statuses in which the time limit runs (the clock stops for a supplement and after the result). */
const CLOCK_RUNNING = [DOSSIER_STATUSES.accepted.code, DOSSIER_STATUSES.processing.code, DOSSIER_STATUSES.payment_requested.code];

/**
 * GET /api/officer/dossiers: one page of the officer's agency's dossiers, newest first, with
 * the filters the desk's inbox offers. Filtering, counting and paging happen in the database,
 * so an agency with years of dossiers sends the browser one page; the agency condition is part
 * of every query, so no filter or search reaches another agency's dossiers.
 */
export function registerOfficerInbox(app: FastifyInstance, ctx: IntakeContext): void {
  app.get<{ Querystring: InboxQuery }>(
    '/api/officer/dossiers',
    { schema: { summary: 'Hồ sơ của cơ quan, theo trang và bộ lọc / The agency\'s dossiers, paged and filtered', querystring: QUERY, response: { '4xx': PROBLEM_SCHEMA } } },
    async (req) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const query = req.query;
      const pageSize = query.pageSize ?? query.limit ?? 20;
      const page = query.page ?? 1;
      const now = ctx.now();
      const procedures = await ctx.db.selectFrom('dossiers').select('procedure_id').distinct().where('agency_code', '=', officer.agencyCode).orderBy('procedure_id').execute();
      const definitions = new Map(await Promise.all(procedures.map(async (p) => [p.procedure_id, (await ctx.catalogue.procedure(p.procedure_id))?.definition] as const)));
      // The applicant's name is a different field in each procedure's form.
      const nameFields = [...definitions].flatMap(([procedure, definition]) => {
        const field = definition && applicantNameField(definition);
        return field ? [{ procedure, field }] : [];
      });
      const where = (eb: ExpressionBuilder<Database, 'dossiers'>): Expression<SqlBool> => {
        const parts: Expression<SqlBool>[] = [eb('agency_code', '=', officer.agencyCode)];
        if (query.status) parts.push(eb('status_code', '=', query.status));
        if (query.procedure) parts.push(eb('procedure_id', '=', query.procedure));
        if (query.overdue) parts.push(eb.and([eb('status_code', 'in', CLOCK_RUNNING), eb.or([eb('overdue', '=', true), eb('due_at', '<', now)])]));
        if (query.dueWithin !== undefined) {
          const lastDay = ctx.catalogue.calendar.addWorkingDays(todayInVietnam(now), query.dueWithin);
          const before = new Date(Date.parse(`${lastDay}T00:00:00+07:00`) + 86_400_000);
          parts.push(eb.and([eb('status_code', 'in', CLOCK_RUNNING), eb('due_at', '>=', now), eb('due_at', '<', before)]));
        }
        const q = query.q?.trim();
        if (q) {
          const code = `%${likeEscape(q.toUpperCase())}%`;
          const name = `%${likeEscape(foldVietnamese(q))}%`;
          parts.push(
            eb.or([
              eb('code', 'like', code),
              ...nameFields.map(({ procedure, field }) =>
                eb.and([eb('procedure_id', '=', procedure), sql<SqlBool>`translate(dossiers.envelope->'data'->>${field}, ${FOLD_FROM}, ${FOLD_TO}) LIKE ${name}`]),
              ),
            ]),
          );
        }
        return eb.and(parts);
      };
      const [rows, count] = await Promise.all([
        ctx.db
          .selectFrom('dossiers')
          .select(['code', 'procedure_id', 'status_code', 'submitted_at', 'due_at', 'appointment_at', 'overdue', sql<unknown>`receipt->'procedure'->'title'`.as('title'), sql<unknown>`envelope->'data'`.as('data')])
          .where(where)
          .orderBy('submitted_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        ctx.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<string>().as('n')).where(where).executeTakeFirstOrThrow(),
      ]);
      const dossiers = rows.map((r) => {
        const definition = definitions.get(r.procedure_id);
        const status = DOSSIER_STATUSES[statusByCode(r.status_code) ?? 'submitted'];
        const due = r.due_at ? new Date(r.due_at) : null;
        // Before acceptance the receipt's appointment stands in for the due date.
        const appointment = r.status_code === 1 && r.appointment_at ? new Date(r.appointment_at) : null;
        return {
          code: r.code, procedure: r.procedure_id, title: (r.title as { vi: string; en?: string } | null) ?? definition?.title ?? null, applicant: applicantName(definition, r.data),
          status: r.status_code, statusLabel: { vi: status.vi, en: status.en }, submittedAt: new Date(r.submitted_at).toISOString(),
          due: (due ?? appointment)?.toISOString() ?? null, overdue: r.overdue || (!!due && due < now && CLOCK_RUNNING.includes(r.status_code as 2 | 4 | 6)),
        };
      });
      const titles = procedures.map((p) => ({ id: p.procedure_id, title: definitions.get(p.procedure_id)?.title ?? { vi: p.procedure_id } }));
      const statuses = Object.values(DOSSIER_STATUSES).map((st) => ({ code: st.code, label: { vi: st.vi, en: st.en } }));
      return { dossiers, page, pageSize, total: Number(count.n), procedures: titles, statuses };
    },
  );
}
