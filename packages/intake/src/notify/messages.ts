/**
 * Notices to applicants, written to the outbox in the same transaction as the change they
 * announce. Vietnamese by default; English when the submission was made in English. The
 * text names the dossier and what to do, never what the applicant entered.
 */
export type NoticeTemplate = 'receipt' | 'supplement' | 'result' | 'apology' | 'payment' | 'overdue' | 'overdue-desk';

export interface NoticeFacts {
  code: string;
  title: { vi: string; en?: string };
  appointment?: string;
  reason?: string;
  link?: string;
  /** For a payment request: the amount owed, in VND. */
  amount?: number;
}

export interface OutboxMessage {
  channel: 'email' | 'sms';
  recipient: string;
  template: NoticeTemplate;
  lang: 'vi' | 'en';
  payload: Record<string, unknown>;
}

const vnd = (amount?: number) => `${new Intl.NumberFormat('vi-VN').format(amount ?? 0)} đ`;
const day = (iso?: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export function renderNotice(template: NoticeTemplate, lang: 'vi' | 'en', f: NoticeFacts): { subject: string; text: string; sms: string } {
  const title = lang === 'en' ? (f.title.en ?? f.title.vi) : f.title.vi;
  // To the desk's mailbox: Vietnamese, then English, whatever the applicant's language.
  if (template === 'overdue-desk') {
    const text = `Hồ sơ ${f.code} (${f.title.vi}) đã quá hạn giải quyết (hẹn ${day(f.appointment)}): lập Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) và gia hạn trên hệ thống.`;
    const en = `Dossier ${f.code} (${f.title.en ?? f.title.vi}) is overdue (due ${day(f.appointment)}): issue the apology with a new date (form 04) and extend it in the system.`;
    return { subject: `Hồ sơ ${f.code} quá hạn / Dossier ${f.code} overdue`, text: `${text}\n\n${en}`, sms: `Ho so ${f.code} qua han.` };
  }
  if (lang === 'en') {
    switch (template) {
      case 'receipt':
        return { subject: `Dossier ${f.code} received`, text: `Your dossier ${f.code} (${title}) was received.${f.appointment ? ` Expected result: ${day(f.appointment)}.` : ''} Keep the lookup secret from your receipt to follow it.`, sms: `Dossier ${f.code} received.${f.appointment ? ` Result expected ${day(f.appointment)}.` : ''}` };
      case 'supplement':
        return { subject: `Dossier ${f.code}: documents needed`, text: `Your dossier ${f.code} (${title}) needs more documents: ${f.reason ?? ''}\nSend them here: ${f.link ?? ''}`, sms: `Dossier ${f.code} needs more documents. See your e-mail or the one-stop desk.` };
      case 'result':
        return { subject: `Dossier ${f.code}: result ready`, text: `The result of your dossier ${f.code} (${title}) is ready.`, sms: `Dossier ${f.code}: result ready.` };
      case 'overdue':
        return { subject: `Dossier ${f.code}: past its date`, text: `Your dossier ${f.code} (${title}) was due on ${day(f.appointment)} and is not ready yet. The agency will send you an apology with a new date; follow it with your lookup secret.`, sms: `Dossier ${f.code} is past its date (${day(f.appointment)}). A new date will follow.` };
      case 'apology':
        return { subject: `Dossier ${f.code}: delayed`, text: `We apologise: your dossier ${f.code} (${title}) is late.${f.appointment ? ` New date: ${day(f.appointment)}.` : ''} ${f.reason ?? ''}`, sms: `Dossier ${f.code} is delayed.${f.appointment ? ` New date ${day(f.appointment)}.` : ''}` };
      case 'payment':
        return { subject: `Dossier ${f.code}: fees to pay`, text: `Your dossier ${f.code} (${title}) was accepted. Please pay the fees of ${vnd(f.amount)} online: look the dossier up with its code and lookup secret and choose a way to pay.`, sms: `Dossier ${f.code}: please pay ${vnd(f.amount)} online (look it up with your code and secret).` };
    }
  }
  switch (template) {
    case 'receipt':
      return { subject: `Đã tiếp nhận hồ sơ ${f.code}`, text: `Hồ sơ ${f.code} (${title}) đã được tiếp nhận.${f.appointment ? ` Ngày hẹn trả kết quả: ${day(f.appointment)}.` : ''} Hãy giữ mã tra cứu trên giấy tiếp nhận để theo dõi hồ sơ.`, sms: `Ho so ${f.code} da duoc tiep nhan.${f.appointment ? ` Hen tra ket qua ${day(f.appointment)}.` : ''}` };
    case 'supplement':
      return { subject: `Hồ sơ ${f.code}: cần bổ sung giấy tờ`, text: `Hồ sơ ${f.code} (${title}) cần bổ sung: ${f.reason ?? ''}\nNộp bổ sung tại: ${f.link ?? ''}`, sms: `Ho so ${f.code} can bo sung giay to. Xem thu dien tu hoac lien he bo phan mot cua.` };
    case 'result':
      return { subject: `Hồ sơ ${f.code}: đã có kết quả`, text: `Kết quả giải quyết hồ sơ ${f.code} (${title}) đã sẵn sàng.`, sms: `Ho so ${f.code} da co ket qua.` };
    case 'overdue':
      return { subject: `Hồ sơ ${f.code}: đã quá hạn giải quyết`, text: `Hồ sơ ${f.code} (${title}) hẹn trả kết quả ngày ${day(f.appointment)} nhưng chưa giải quyết xong. Cơ quan giải quyết sẽ gửi quý vị Phiếu xin lỗi và hẹn lại ngày trả kết quả; quý vị theo dõi hồ sơ bằng mã tra cứu.`, sms: `Ho so ${f.code} da qua han hen (${day(f.appointment)}). Co quan se gui phieu xin loi va hen lai ngay tra ket qua.` };
    case 'apology':
      return { subject: `Hồ sơ ${f.code}: xin lỗi vì trễ hẹn`, text: `Chúng tôi xin lỗi vì hồ sơ ${f.code} (${title}) bị trễ hẹn.${f.appointment ? ` Ngày hẹn mới: ${day(f.appointment)}.` : ''} ${f.reason ?? ''}`, sms: `Xin loi: ho so ${f.code} bi tre hen.${f.appointment ? ` Hen moi ${day(f.appointment)}.` : ''}` };
    case 'payment':
      return { subject: `Hồ sơ ${f.code}: cần nộp phí, lệ phí`, text: `Hồ sơ ${f.code} (${title}) đã được tiếp nhận. Đề nghị quý vị nộp phí, lệ phí ${vnd(f.amount)} trực tuyến: tra cứu hồ sơ bằng mã hồ sơ và mã tra cứu, rồi chọn hình thức thanh toán.`, sms: `Ho so ${f.code}: de nghi nop phi, le phi ${vnd(f.amount)} truc tuyen (tra cuu bang ma ho so va ma tra cuu).` };
  }
}

/** One outbox row per way the applicant can be reached. */
export function noticesFor(template: NoticeTemplate, contact: { email?: string; phone?: string }, lang: 'vi' | 'en', facts: NoticeFacts): OutboxMessage[] {
  const out: OutboxMessage[] = [];
  const payload = { ...facts } as Record<string, unknown>;
  if (contact.email) out.push({ channel: 'email', recipient: contact.email, template, lang, payload });
  if (contact.phone) out.push({ channel: 'sms', recipient: contact.phone, template, lang, payload });
  return out;
}

export const receiptMessages = (contact: { email?: string; phone?: string }, lang: 'vi' | 'en', facts: NoticeFacts): OutboxMessage[] => noticesFor('receipt', contact, lang, facts);
