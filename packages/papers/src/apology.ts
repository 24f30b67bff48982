import { agencyLetter } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';
import { clockText } from './text.js';

/**
 * Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Circular 01/2018 called it
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả"). The first appointment is the receipt's; the
 * extended one is the officer's decision (`newAppointment`), else a dotted line.
 */
export function apologyContext(d: PaperDossier, options: PaperOptions = {}) {
  return {
    ...agencyLetter(d, options, 'apology'),
    appointment: clockText(d.receipt.appointment?.due),
    newAppointment: clockText(options.newAppointment),
  };
}
