import type { FastifyInstance } from 'fastify';
import { requireOfficer } from '../officers/sessions.js';
import { confirmTransfer, handleNotification, startPayment, type TransferConfirmation } from '../payment/orders.js';
import type { ProviderName } from '../payment/provider.js';
import { returnPage } from '../payment/return-page.js';
import { paymentOf } from '../payment/view.js';
import { authenticateApplicant } from './applicant-auth.js';
import type { IntakeContext } from './context.js';
import { PROBLEM_SCHEMA, refuse } from './reasons.js';

const ERRORS = { '4xx': PROBLEM_SCHEMA } as const;
/** Every parameter VNPay sends back (return and IPN); all signed but the hash itself. */
const VNPAY_CALLBACK = {
  type: 'object',
  additionalProperties: { type: 'string' },
  properties: Object.fromEntries(
    ['vnp_TmnCode', 'vnp_Amount', 'vnp_BankCode', 'vnp_BankTranNo', 'vnp_CardType', 'vnp_PayDate', 'vnp_OrderInfo', 'vnp_TransactionNo', 'vnp_ResponseCode', 'vnp_TransactionStatus', 'vnp_TxnRef', 'vnp_SecureHashType', 'vnp_SecureHash'].map((k) => [k, { type: 'string' }]),
  ),
} as const;
const IPN_ANSWER = { type: 'object', required: ['RspCode', 'Message'], properties: { RspCode: { type: 'string', enum: ['00', '01', '02', '04', '97', '99'] }, Message: { type: 'string' } } } as const;

/**
 * Level-4 payment: the applicant starts a payment with the dossier code and lookup secret (the
 * amount is the server's); VNPay sends the browser back to the return page and confirms the
 * money through the IPN; an officer confirms a VietQR transfer.
 */
export function registerPayments(app: FastifyInstance, ctx: IntakeContext, options: { publicUrl: string }): void {
  app.post<{ Body: { code: string; secret: string; provider: ProviderName } }>(
    '/api/payments',
    {
      schema: {
        summary: 'Thanh toán phí, lệ phí trực tuyến / Pay a dossier\'s fees online',
        description: 'Số tiền do máy chủ tính theo biểu phí, không nhận từ trình duyệt. / The amount comes from the server\'s fee engine, never from the browser.',
        body: {
          type: 'object', required: ['code', 'secret', 'provider'], additionalProperties: false,
          properties: { code: { type: 'string', minLength: 6, maxLength: 60 }, secret: { type: 'string', minLength: 4, maxLength: 40 }, provider: { enum: ['vnpay', 'vietqr'] } },
        },
        response: ERRORS,
      },
    },
    async (req) => {
      const { id } = await authenticateApplicant(ctx, req.ip, req.body.code, { secret: req.body.secret });
      return startPayment(ctx, { dossierId: id, provider: req.body.provider, clientIp: req.ip, returnUrl: `${options.publicUrl || `${req.protocol}://${req.host}`}/api/payments/vnpay/return` });
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/api/payments/vnpay/return',
    { schema: { summary: 'Trang kết quả thanh toán VNPay / VNPay return page', querystring: VNPAY_CALLBACK } },
    async (req, reply) => {
      const callback = ctx.payments.providers.vnpay?.verifyCallback?.(req.query);
      const order = callback?.valid
        ? await ctx.db.selectFrom('payments').innerJoin('dossiers', 'dossiers.id', 'payments.dossier_id').select(['payments.state', 'payments.amount', 'payments.lines', 'payments.paid_at', 'dossiers.code']).where('payments.order_ref', '=', callback.ref).where('payments.provider', '=', 'vnpay').executeTakeFirst()
        : undefined;
      // The status page configured for the server (THUTUC_STATUS_PAGE_URL, else <public URL>/status.html).
      const page = returnPage(callback?.valid && order ? { order, gatewaySaysPaid: callback.success } : undefined, ctx.statusPageUrl ?? ctx.payments.statusPage);
      return reply.code(page.status).type('text/html; charset=utf-8').header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").send(page.html);
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/api/payments/vnpay/ipn',
    {
      schema: {
        summary: 'Thông báo kết quả thanh toán từ VNPay (IPN) / VNPay payment notification',
        description: 'Kiểm tra chữ ký (97), đơn hàng (01), số tiền (04), đã xác nhận (02). / Checks the signature (97), the order (01), the amount (04), whether already confirmed (02).',
        querystring: VNPAY_CALLBACK,
        response: { 200: IPN_ANSWER },
      },
    },
    async (req) => {
      try {
        return await handleNotification(ctx, 'vnpay', req.query);
      } catch (error) {
        req.log.error({ err: error }, 'VNPay IPN failed');
        return { RspCode: '99', Message: 'Unknown error' };
      }
    },
  );

  app.post<{ Params: { code: string }; Body: TransferConfirmation }>(
    '/api/officer/dossiers/:code/payments/confirm',
    {
      schema: {
        summary: 'Xác nhận đã nhận chuyển khoản VietQR / Confirm a VietQR transfer arrived',
        params: { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 60 } } },
        body: { type: 'object', additionalProperties: false, properties: { reference: { type: 'string', maxLength: 100 }, amount: { type: 'integer', minimum: 1 } } },
        response: ERRORS,
      },
    },
    async (req) => {
      const { officer } = await requireOfficer(ctx.db, req);
      if (!officer.roles.includes('reception')) throw refuse('forbidden');
      await confirmTransfer(ctx, officer, req.params.code, req.body ?? {});
      const row = await ctx.db.selectFrom('dossiers').select(['id', 'channel', 'status', 'status_code', 'receipt', 'procedure_id', 'procedure_version']).where('code', '=', req.params.code).executeTakeFirstOrThrow();
      return { code: req.params.code, status: row.status_code, payment: await paymentOf(ctx, row, await ctx.catalogue.procedureOfDossier(row.procedure_id, row.procedure_version)) };
    },
  );
}
