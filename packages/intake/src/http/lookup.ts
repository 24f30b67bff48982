import type { FastifyInstance } from 'fastify';
import type { DocumentRule, ProcedureModule } from '@thutuc/runtime';
import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle-statuses.js';
import { stepProgress, timeStatus } from '../lifecycle-progress.js';
import type { Dossier } from '../lifecycle.js';
import { paymentOf, type PaymentView } from '../payment/view.js';
import { resultAnswer, type ResultAnswer } from '../result-delivery.js';
import { deliveryFactsOf } from '../store/results.js';
import { vietnamIso } from '../time.js';
import { workingDaysLeft } from '../working-days.js';
import { APPLICANT_KEY_PROPERTIES, authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA } from './reasons.js';

const LOOKUP_BODY = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: {
    ...APPLICANT_KEY_PROPERTIES,
    phoneLast4: { type: 'string', pattern: '^[0-9]{4}$', description: '4 số cuối điện thoại đã khai / last 4 digits of the phone given' },
  },
} as const;

/**
 * POST /api/lookup: the public status of one dossier for whoever holds its code and secret.
 * It shows the procedure, the status, the dates, the progress through the declared steps, what
 * the applicant must do (for a supplement: which documents, with their upload rules) and how
 * the result will arrive — never names, ID numbers, addresses or files (Law 91/2025/QH15).
 * An unknown code and a wrong secret get the same answer; attempts are limited per IP and
 * failures per code, in the database.
 */
export function registerLookup(app: FastifyInstance, ctx: IntakeContext): void {
  app.post<{ Body: { code: string; secret?: string; phoneLast4?: string } }>(
    '/api/lookup',
    { schema: { summary: 'Tra cứu hồ sơ / Look up a dossier', body: LOOKUP_BODY, response: { '4xx': PROBLEM_SCHEMA } } },
    async (req) => {
      const { code, dossier: row } = await authenticateApplicant(ctx, req.ip, req.body.code, req.body);
      const now = vietnamIso(ctx.now());
      const procedure = await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
      const state = row.state as unknown as Dossier;
      const status = row.status as DossierStatus;
      const steps = procedure?.definition.steps ?? [];
      const progress = stepProgress(state, steps, { calendar: ctx.catalogue.calendar, steps });
      const receipt = row.receipt;
      const dueDate = state.due ?? (status === 'submitted' ? receipt.appointmentDate : undefined) ?? null;
      const time = timeStatus(state, now);
      const open = time.state === 'on-time' || time.state === 'overdue' || time.state === 'not-started';
      const payment = await paymentOf(ctx, row, procedure, row.orders);
      const result = resultAnswer(status, row.delivery_record ?? undefined, deliveryFactsOf(procedure, row.delivery ?? undefined, row.has_result));
      return {
        code,
        procedure: { id: row.procedure_id, title: receipt.procedure?.title ?? procedure?.definition.title },
        status: { code: DOSSIER_STATUSES[status].code, label: { vi: DOSSIER_STATUSES[status].vi, en: DOSSIER_STATUSES[status].en } },
        submittedAt: receipt.receivedAt ?? vietnamIso(new Date(row.submitted_at)),
        ...(state.receivedAt ? { acceptedAt: state.receivedAt } : {}),
        dueDate,
        time: { ...time, ...(open && dueDate ? { workingDaysLeft: workingDaysLeft(ctx.catalogue.calendar, now.slice(0, 10), dueDate.slice(0, 10)) } : {}) },
        overdue: row.overdue,
        progress: { done: progress.done, total: progress.total, steps: progress.steps.map((s) => ({ title: s.title, done: s.done, state: s.state, ...(s.due ? { due: s.due } : {}) })) },
        todo: applicantTodo(status, state, result, payment),
        ...(status === 'supplement_requested' ? { supplement: supplementAsked(state, procedure) } : {}),
        payment,
        result,
      };
    },
  );
}

type SupplementState = Dossier & { supplement?: { documents?: string[] } };

/**
 * The documents a supplement request asks for, with their upload rules so the status page can
 * check files before sending them. Officers name documents by id or by name; when nothing they
 * wrote names one of the procedure's documents, every uploadable document is offered.
 */
function supplementAsked(state: SupplementState, procedure: ProcedureModule | undefined) {
  const asked = state.supplement?.documents ?? [];
  const rules = (procedure?.rules.documents ?? []).filter((d) => !d.presentOnly && !d.electronicForm);
  const named = (text: string, d: DocumentRule) => d.id === text || d.name.vi.trim().toLowerCase() === text.trim().toLowerCase();
  const matched = rules.filter((d) => asked.some((text) => named(text, d)));
  const offered = matched.length ? matched : rules;
  const last = lastSupplementRequest(state);
  return {
    reason: last?.reason ?? null,
    requested: asked.map((text) => rules.find((d) => named(text, d))?.name ?? { vi: text }),
    documents: offered.map((d) => ({ id: d.id, name: d.name, ...(d.accept ? { accept: d.accept } : {}), ...(d.maxBytes ? { maxBytes: d.maxBytes } : {}), ...(d.maxFiles ? { maxFiles: d.maxFiles } : {}) })),
  };
}

/** The officer's latest supplement request: its reason is what the applicant is told. */
const lastSupplementRequest = (state: Dossier) => state.history.findLast((h) => h.action === 'request_supplement');

const PAY_ONLINE = { vi: 'Thanh toán phí, lệ phí trực tuyến trên trang tra cứu này.', en: 'Pay the fees online on this status page.' };

/** What the applicant must do next, in words (and for a supplement: which documents); fees due online come first. */
function applicantTodo(status: DossierStatus, state: SupplementState, result: ResultAnswer | null, payment: PaymentView): { vi: string; en: string; documents?: string[] } | null {
  if (payment.state === 'due' && status !== 'supplement_requested') return PAY_ONLINE;
  switch (status) {
    case 'supplement_requested': {
      const last = lastSupplementRequest(state);
      const reason = last?.reason?.vi ? ` ${last.reason.vi}` : '';
      return {
        vi: `Nộp bổ sung giấy tờ ngay trên trang tra cứu này hoặc theo liên kết đã gửi cho quý vị.${reason}`, en: `Send the missing documents on this status page or through the link you were sent.${last?.reason?.en ? ` ${last.reason.en}` : reason}`,
        ...(state.supplement?.documents ? { documents: state.supplement.documents } : {}),
      };
    }
    case 'payment_requested':
      return { vi: 'Thực hiện nghĩa vụ tài chính theo thông báo.', en: 'Pay as notified.' };
    case 'processed':
      return resultTodo(result) ?? { vi: 'Kết quả đã có; cơ quan đang chuẩn bị trả theo hình thức quý vị đã chọn.', en: 'The result is ready; the office is preparing its delivery as you chose.' };
    case 'returned':
      return resultTodo(result);
    default:
      return null;
  }
}

/** Where the result is, once its delivery is recorded. */
function resultTodo(result: ResultAnswer | null): { vi: string; en: string } | null {
  if (!result?.ready) return null;
  switch (result.method) {
    case 'online':
      return { vi: 'Tải kết quả điện tử trên trang tra cứu này.', en: 'Download the electronic result on this status page.' };
    case 'post':
      return { vi: `Kết quả được gửi qua ${result.carrier}, mã vận đơn ${result.tracking}.`, en: `The result was sent by ${result.carrier}, tracking number ${result.tracking}.` };
    case 'in_person':
      return { vi: `Nhận kết quả tại ${result.place}, theo lịch hẹn ${result.appointment?.slice(0, 16).replace('T', ' ')}.`, en: `Collect the result at ${result.place}, by appointment on ${result.appointment?.slice(0, 16).replace('T', ' ')}.` };
    default:
      return null;
  }
}
