import { randomUUID } from 'node:crypto';
import type { CallbackOutcome, PaymentOrder, PaymentProvider, PaymentStart, QueryOutcome } from './provider.js';
import { hmac512, parseVnpayDate, sameDigest, vnpayDate, vnpayQuery, vnpaySign, vnpaySignatureValid } from './vnpay-sign.js';

export interface VnpayConfig {
  /** The merchant's terminal code (vnp_TmnCode). */
  tmnCode: string;
  /** The merchant's secret for HMAC-SHA512 (vnp_HashSecret). */
  hashSecret: string;
  /** The payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html. */
  paymentUrl: string;
  /** The transaction API for `querydr`, e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction. */
  apiUrl?: string;
  /** Where VNPay sends the browser back (this server's /api/payments/vnpay/return); else the order's. */
  returnUrl?: string;
  /** Minutes an order stays payable (default 15). */
  expireMinutes?: number;
}

/** VNPay's order description: no diacritics or special characters. */
const orderInfo = (code: string) => `Thanh toan phi le phi ho so ${code.replace(/[^0-9A-Za-z.-]/g, '')}`;

/** VNPay (cổng thanh toán VNPAY), protocol 2.1.0: a signed redirect, a signed return and IPN, `querydr`. */
export function vnpayProvider(config: VnpayConfig): PaymentProvider {
  return {
    name: 'vnpay',
    start(order: PaymentOrder): PaymentStart {
      const params: Record<string, string> = {
        vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: config.tmnCode,
        // VNPay counts in hundredths of a đồng.
        vnp_Amount: String(order.amount * 100), vnp_CurrCode: 'VND', vnp_TxnRef: order.ref,
        vnp_OrderInfo: orderInfo(order.dossierCode), vnp_OrderType: 'other', vnp_Locale: order.lang === 'en' ? 'en' : 'vn',
        vnp_ReturnUrl: config.returnUrl ?? order.returnUrl ?? '', vnp_IpAddr: order.clientIp ?? '127.0.0.1',
        vnp_CreateDate: vnpayDate(order.createdAt),
        vnp_ExpireDate: vnpayDate(new Date(order.createdAt.getTime() + (config.expireMinutes ?? 15) * 60_000)),
      };
      const query = vnpayQuery(params);
      return { provider: 'vnpay', redirectUrl: `${config.paymentUrl}?${query}&vnp_SecureHash=${vnpaySign(params, config.hashSecret)}` };
    },
    verifyCallback(params: Record<string, string>): CallbackOutcome {
      if (!vnpaySignatureValid(params, config.hashSecret) || params.vnp_TmnCode !== config.tmnCode) return { valid: false };
      const cents = Number(params.vnp_Amount);
      const raw = Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith('vnp_') && k !== 'vnp_SecureHash'));
      const paidAt = parseVnpayDate(params.vnp_PayDate);
      return {
        valid: true, ref: params.vnp_TxnRef ?? '',
        // A fractional đồng cannot match any order: NaN compares unequal to every amount.
        amount: Number.isInteger(cents) && cents % 100 === 0 ? cents / 100 : Number.NaN,
        success: params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00',
        ...(params.vnp_TransactionNo ? { providerRef: params.vnp_TransactionNo } : {}), ...(paidAt ? { paidAt } : {}), raw,
      };
    },
    async query(order: PaymentOrder): Promise<QueryOutcome> {
      if (!config.apiUrl) throw new Error('VNPay apiUrl is not configured');
      const body: Record<string, string> = {
        vnp_RequestId: randomUUID().replace(/-/g, '').slice(0, 32), vnp_Version: '2.1.0', vnp_Command: 'querydr', vnp_TmnCode: config.tmnCode,
        vnp_TxnRef: order.ref, vnp_OrderInfo: `Truy van giao dich ${order.ref}`, vnp_TransactionDate: vnpayDate(order.createdAt),
        vnp_CreateDate: vnpayDate(new Date()), vnp_IpAddr: '127.0.0.1',
      };
      // querydr signs a pipe-joined list of fields in a fixed order, not the sorted query string.
      const signed = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
      body.vnp_SecureHash = hmac512(signed.map((k) => body[k]).join('|'), config.hashSecret);
      const response = await fetch(config.apiUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json()) as Record<string, string>;
      const fields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];
      const expected = hmac512(fields.map((k) => answer[k] ?? '').join('|'), config.hashSecret);
      if (!sameDigest(expected, answer.vnp_SecureHash ?? '')) throw new Error('VNPay querydr answer has a bad signature');
      if (answer.vnp_ResponseCode === '91') return { found: false, success: false };
      if (answer.vnp_ResponseCode !== '00') throw new Error(`VNPay querydr failed: ${answer.vnp_ResponseCode}`);
      const cents = Number(answer.vnp_Amount);
      return {
        found: true, success: answer.vnp_TransactionStatus === '00', amount: cents / 100,
        ...(answer.vnp_TransactionNo ? { providerRef: answer.vnp_TransactionNo } : {}),
      };
    },
  };
}

