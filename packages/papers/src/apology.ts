import { parseVietnamTime } from '@thutuc/runtime';
import { noticeBase } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';
import { clockText, shortDate } from './text.js';

/**
 * Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. It is issued by the body handling the
 * dossier (the desk's governing body), not by the desk. The first appointment is the
 * receipt's; the new one is the officer's decision (`newAppointment`), else a dotted line.
 */
export function apologyContext(d: PaperDossier, options: PaperOptions = {}) {
  const base = noticeBase(d, options, 'Phiếu xin lỗi và hẹn lại ngày trả kết quả');
  const received = parseVietnamTime(d.receipt.receivedAt);
  return {
    ...base,
    // The handling body signs it, so its name is the letterhead, with a number to fill in.
    header: { ...base.header, parent: null, unit: base.header.parent, number: '……/……' },
    agency: d.desk.parent.trim() || null,
    receivedOn: received ? shortDate(received.date) : null,
    appointment: clockText(d.receipt.appointment?.due),
    newAppointment: clockText(options.newAppointment),
  };
}
