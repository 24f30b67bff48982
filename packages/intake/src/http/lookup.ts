import type { FastifyInstance } from 'fastify';
import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle-statuses.js';
import { stepProgress, timeStatus } from '../lifecycle-progress.js';
import type { Dossier } from '../lifecycle.js';
import { paymentOf } from '../payment/view.js';
import { vietnamIso } from '../time.js';
import { authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA } from './reasons.js';

const LOOKUP_BODY = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 6, maxLength: 60 },
    secret: { type: 'string', minLength: 4, maxLength: 40, description: 'Mã tra cứu trên giấy tiếp nhận / the receipt\'s lookup secret' },
    phoneLast4: { type: 'string', pattern: '^[0-9]{4}$', description: '4 số cuối điện thoại đã khai / last 4 digits of the phone given' },
  },
} as const;

/**
 * POST /api/lookup: the public status of one dossier for whoever holds its code and secret.
 * It shows the procedure, the status, the dates, the progress through the declared steps and
 * what the applicant must do — never names, ID numbers, addresses or files (Law 91/2025/QH15).
 * An unknown code and a wrong secret get the same answer (see applicant-auth.ts).
 */
export function registerLookup(app: FastifyInstance, ctx: IntakeContext): void {
  app.post<{ Body: { code: string; secret?: string; phoneLast4?: string } }>(
    '/api/lookup',
    { schema: { summary: 'Tra cứu hồ sơ / Look up a dossier', body: LOOKUP_BODY, response: { '4xx': PROBLEM_SCHEMA } } },
    async (req) => {
      const { code, dossier: row } = await authenticateApplicant(ctx, req.ip, req.body.code, req.body);
      const now = ctx.now();
      const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
      const state = row.state as unknown as Dossier;
      const status = row.status as DossierStatus;
      const steps = procedure?.definition.steps ?? [];
      const progress = stepProgress(state, steps, { calendar: ctx.catalogue.calendar, steps });
      const receipt = row.receipt;
      return {
        code,
        procedure: { id: row.procedure_id, title: receipt.procedure?.title ?? procedure?.definition.title },
        status: { code: DOSSIER_STATUSES[status].code, label: { vi: DOSSIER_STATUSES[status].vi, en: DOSSIER_STATUSES[status].en } },
        submittedAt: receipt.receivedAt ?? vietnamIso(new Date(row.submitted_at)),
        ...(state.receivedAt ? { acceptedAt: state.receivedAt } : {}),
        dueDate: state.due ?? (status === 'submitted' ? receipt.appointmentDate : undefined) ?? null,
        time: timeStatus(state, vietnamIso(now)),
        overdue: row.overdue,
        progress: { done: progress.done, total: progress.total, steps: progress.steps.map((s) => ({ title: s.title, done: s.done, ...(s.due ? { due: s.due } : {}) })) },
        todo: applicantTodo(status, state),
        payment: await paymentOf(ctx, row, procedure, row.orders),
      };
    },
  );
}

/** What the applicant must do next, in words (and for a supplement: which documents). */
function applicantTodo(status: DossierStatus, state: Dossier & { supplement?: { documents?: string[] } }): { vi: string; en: string; documents?: string[] } | null {
  switch (status) {
    case 'supplement_requested': {
      const last = [...state.history].reverse().find((h) => h.action === 'request_supplement');
      const reason = last?.reason?.vi ? ` ${last.reason.vi}` : '';
      return {
        vi: `Nộp bổ sung giấy tờ theo liên kết đã gửi cho quý vị.${reason}`, en: `Send the missing documents through the link you were sent.${last?.reason?.en ? ` ${last.reason.en}` : reason}`,
        ...(state.supplement?.documents ? { documents: state.supplement.documents } : {}),
      };
    }
    case 'payment_requested':
      return { vi: 'Thực hiện nghĩa vụ tài chính theo thông báo.', en: 'Pay as notified.' };
    case 'processed':
      return { vi: 'Đến nhận kết quả theo hình thức đã đăng ký.', en: 'Collect the result as you chose.' };
    default:
      return null;
  }
}
