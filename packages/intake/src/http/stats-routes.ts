import type { FastifyInstance } from 'fastify';
import { requireOfficer } from '../officers/sessions.js';
import { computeStatistics } from '../stats/compute.js';
import { statisticsCsv } from '../stats/format.js';
import { parsePeriod } from '../stats/period.js';
import { readTargets, writeTargets } from '../stats/targets.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const ERRORS = { '4xx': PROBLEM_SCHEMA } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const PERCENT = { type: 'number', minimum: 0, maximum: 100 } as const;
const TARGETS = {
  type: 'object', required: ['overall', 'fields'], additionalProperties: false,
  properties: { overall: { anyOf: [PERCENT, { type: 'null' }] }, fields: { type: 'object', maxProperties: 500, propertyNames: { minLength: 1, maxLength: 200 }, additionalProperties: PERCENT } },
} as const;

interface StatsQuery {
  from?: string;
  to?: string;
  format?: 'json' | 'csv';
  lang?: 'vi' | 'en';
}

/**
 * Statistics of the signed-in officer's own agency (never another's): the figures as JSON or
 * CSV, and the online-share targets the agency sets (admins change them).
 */
export function registerStatsRoutes(app: FastifyInstance, ctx: IntakeContext): void {
  app.get<{ Querystring: StatsQuery }>(
    '/api/officer/stats',
    {
      schema: {
        summary: 'Thống kê hồ sơ của cơ quan / The agency\'s statistics',
        description: 'Hồ sơ tiếp nhận trong kỳ (from–to, giờ Việt Nam) theo hình thức, tỷ lệ trực tuyến, đúng hạn / trễ hạn / quá hạn, số ngày làm việc trung bình, yêu cầu bổ sung; theo thủ tục, lĩnh vực, mức độ. / Dossiers received in the period by channel, online share, on time / late / overdue, average working days, supplements; per procedure, field and online level.',
        querystring: { type: 'object', additionalProperties: false, properties: { from: DATE, to: DATE, format: { enum: ['json', 'csv'] }, lang: { enum: ['vi', 'en'] } } },
        response: ERRORS,
      },
    },
    async (req, reply) => {
      const { officer } = await requireOfficer(ctx.db, req);
      const now = ctx.now();
      const period = parsePeriod(req.query.from, req.query.to, now);
      if (!period.ok) throw refuse('bad-request', { errors: [{ path: '/from', message: period.error }] });
      const stats = await computeStatistics(ctx.db, ctx.catalogue, { agency: officer.agencyCode, period: period.period, now });
      reply.header('Cache-Control', 'no-store');
      if (req.query.format !== 'csv') return stats;
      const name = `thong-ke-${officer.agencyCode}-${stats.period.from}-${stats.period.to}.csv`;
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}"`).send(statisticsCsv(stats, req.query.lang ?? 'vi'));
    },
  );

  app.get('/api/officer/stats/targets', { schema: { summary: 'Chỉ tiêu tỷ lệ trực tuyến / Online-share targets', response: ERRORS } }, async (req) => {
    const { officer } = await requireOfficer(ctx.db, req);
    return readTargets(ctx.db, officer.agencyCode);
  });

  app.put<{ Body: { overall: number | null; fields: Record<string, number> } }>(
    '/api/officer/stats/targets',
    { schema: { summary: 'Đặt chỉ tiêu tỷ lệ trực tuyến (quản trị) / Set the online-share targets (admin)', description: 'Thay toàn bộ chỉ tiêu của cơ quan; fields theo mã lĩnh vực, tính bằng %. / Replaces all of the agency\'s targets; fields by field code, in percent.', body: TARGETS, response: ERRORS } },
    async (req) => {
      const { officer } = await requireOfficer(ctx.db, req);
      if (!officer.roles.includes('admin')) throw refuse('forbidden');
      return writeTargets(ctx.db, officer.agencyCode, req.body, officer.username);
    },
  );
}
