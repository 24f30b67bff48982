import { amountInWords, formatAmount, processingTimeText, type Currency, type FeeLine } from '@thutuc/runtime';
import { CHANNELS, caseDocuments, documentRow, noticeBase } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';
import { clockText } from './text.js';

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */

/** "Đăng ký nhận kết quả tại" by the submission's `delivery`. */
const DELIVERY: Record<string, string> = {
  in_person: 'Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (nhận bản điện tử)',
};

export function receiptContext(d: PaperDossier, options: PaperOptions = {}) {
  const { procedure, submission, receipt } = d;
  const channel = procedure.channels.find((c) => c.channel === submission.channel);
  const files = (id: string) => {
    const list = submission.documents?.[id];
    return Array.isArray(list) ? list.length : 0;
  };
  // Received: what came with files, and the declaration the online form stands in for.
  // Papers only shown at the counter (presentOnly) are not part of the dossier.
  const received = caseDocuments(d).filter((doc) => !doc.presentOnly && (files(doc.id) > 0 || (doc.electronicForm && submission.channel === 'online')));
  return {
    ...noticeBase(d, options, 'receipt'),
    channel: CHANNELS[submission.channel] ?? submission.channel,
    documents: received.map((doc, i) => ({ ...documentRow(doc, i + 1), electronic: files(doc.id) === 0 })),
    timeLimit: channel ? processingTimeText(channel.processingTime).vi : null,
    receivedAt: clockText(receipt.receivedAt),
    appointment: clockText(receipt.appointment?.due),
    provisional: receipt.appointment?.provisional ?? false,
    delivery: (submission.delivery && DELIVERY[submission.delivery]) ?? null,
    fees: feesOf(d),
    // Printed as a QR code (see the `qr` helper); the link itself may carry the lookup secret.
    statusLink: options.statusLink?.trim() || null,
  };
}

/** The fee table: one row per `computeFees` line, in its order, and one total per currency. */
export function feesOf(d: PaperDossier) {
  const { fees } = d.receipt;
  return {
    none: fees.lines.length === 0,
    lines: fees.lines.map((line, i) => ({ no: i + 1, id: line.id, label: line.label.vi, amount: line.amount ?? null, currency: line.currency, ...lineText(line) })),
    totals: fees.summary.map((t) => ({
      currency: t.currency,
      amount: t.amount,
      complete: t.complete,
      // Nothing known yet: "0 đ" would read as free, so the total says it is not determined.
      shown: !t.complete && t.amount === 0 ? 'Chưa xác định' : formatAmount(t.amount, t.currency),
      // Words only for a whole total: a partial sum read out in words would pass for the bill.
      words: t.complete ? amountInWords(t.amount, t.currency as Currency) : null,
      note: t.complete ? null : t.text.vi,
    })),
  };
}

function lineText(line: FeeLine): { shown: string; detail: string | null } {
  if (line.status === 'exempt') {
    const basis = line.exemption?.legalBasis.length ? ` (${line.exemption.legalBasis.join(', ')})` : '';
    return { shown: 'Miễn', detail: `${line.exemption?.reason.vi ?? ''}${basis}`.trim() || null };
  }
  if (line.status === 'local') return { shown: 'Chưa xác định', detail: line.detail?.vi ?? null };
  if (line.status === 'unknown') return { shown: 'Chưa có thông tin', detail: line.detail?.vi ?? null };
  return { shown: formatAmount(line.amount ?? 0, line.currency), detail: line.detail?.vi ?? null };
}
