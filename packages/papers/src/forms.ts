/**
 * The seven one-stop forms of Circular 03/2025/TT-VPCP, Phụ lục I (in force 15 September 2025),
 * which replaced the six of Circular 01/2018/TT-VPCP. Names and numbering were checked against
 * a listing of the appendix, not against the circular's own text: see docs/papers.md.
 */
export const CIRCULAR = 'Thông tư số 03/2025/TT-VPCP';

export const FORMS = {
  receipt: { number: '01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
  supplement: { number: '02', name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
  refusal: { number: '03', name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
  apology: { number: '04', name: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết' },
  stop: { number: '05', name: 'Thông báo dừng giải quyết hồ sơ' },
  control: { number: '06', name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
  register: { number: '07', name: 'Sổ theo dõi hồ sơ' },
} as const;

export type FormKind = keyof typeof FORMS;

/** What a form prints above its letterhead: "Mẫu số 01 – Phụ lục I, Thông tư số 03/2025/TT-VPCP". */
export function formOf(kind: FormKind) {
  const form = FORMS[kind];
  return { number: form.number, name: form.name, citation: `Mẫu số ${form.number} – Phụ lục I, ${CIRCULAR}` };
}
