import { amountText } from '@thutuc/runtime';
import type { PaymentLine } from './view.js';

export interface ReturnedOrder {
  order: { state: string; amount: string | number; lines: unknown; paid_at: Date | string | null; code: string };
  /** What the signed return parameters say; only the IPN (or an officer) settles the order. */
  gatewaySaysPaid: boolean;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page VNPay's return URL shows: our own record of the order (settled by the IPN), what was
 * paid line by line, and a link back to the status page. A forged or unknown return shows only
 * that the result could not be verified. Plain HTML, no script, every value escaped.
 */
export function returnPage(returned: ReturnedOrder | undefined, statusPage?: string): { status: number; html: string } {
  if (!returned) {
    return { status: 400, html: page('Không xác minh được kết quả thanh toán / The payment result could not be verified', '<p>Chữ ký hoặc mã giao dịch không hợp lệ. Vui lòng tra cứu hồ sơ để xem trạng thái thanh toán.</p><p lang="en">The signature or order reference is not valid. Look up the dossier to see its payment state.</p>') };
  }
  const { order, gatewaySaysPaid } = returned;
  const amount = amountText(Number(order.amount));
  const lines = (order.lines as PaymentLine[])
    .filter((l) => l.amount)
    .map((l) => `<tr><td>${escape(l.label.vi)}${l.label.en ? ` <span lang="en">/ ${escape(l.label.en)}</span>` : ''}</td><td class="n">${escape(amountText(l.amount ?? 0).vi)}</td></tr>`)
    .join('');
  const [title, text] =
    order.state === 'paid'
      ? ['Thanh toán thành công / Payment received', `<p>Đã nhận ${escape(amount.vi)} cho hồ sơ <strong>${escape(order.code)}</strong>.</p><p lang="en">${escape(amount.en)} received for dossier <strong>${escape(order.code)}</strong>.</p>`]
      : order.state === 'pending' && gatewaySaysPaid
        ? ['Đang chờ xác nhận thanh toán / Awaiting confirmation', `<p>VNPay báo đã thanh toán ${escape(amount.vi)} cho hồ sơ <strong>${escape(order.code)}</strong>; hệ thống đang chờ xác nhận.</p><p lang="en">VNPay reports the payment; we are waiting for its confirmation.</p>`]
        : ['Chưa thanh toán / Not paid', `<p>Giao dịch cho hồ sơ <strong>${escape(order.code)}</strong> chưa thành công; quý vị có thể thanh toán lại.</p><p lang="en">The payment for dossier <strong>${escape(order.code)}</strong> did not go through; you may try again.</p>`];
  const table = order.state === 'paid' && lines ? `<table><caption>Các khoản đã nộp / What was paid</caption>${lines}<tr><th>Tổng cộng / Total</th><td class="n">${escape(amount.vi)}</td></tr></table>` : '';
  const link = statusPage ? `<p><a href="${escape(`${statusPage}${statusPage.includes('?') ? '&' : '?'}code=${encodeURIComponent(order.code)}`)}">Xem tình trạng hồ sơ / See the dossier's status</a></p>` : '';
  return { status: 200, html: page(title, text + table + link) };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}.n{text-align:right}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}
