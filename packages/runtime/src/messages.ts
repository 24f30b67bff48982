import type { LocalizedText } from './text.js';
/**
 * Plain-language messages for submission errors, in Vietnamese and English.
 * (ajv-i18n has no Vietnamese; these are written for applicants, not developers.)
 */
type Params = Record<string, unknown> | undefined;
type Label = { vi: string; en?: string } | undefined;

const q = (label: Label, lang: 'vi' | 'en') => (label ? `“${(lang === 'en' && label.en) || label.vi}”` : '');

const MESSAGES: Record<string, (p: Params, l: Label) => LocalizedText> = {
  required: (_, l) => ({ vi: `Vui lòng nhập ${q(l, 'vi') || 'thông tin này'}.`, en: `Enter ${q(l, 'en') || 'this information'}.` }),
  choose: (_, l) => ({ vi: `Vui lòng chọn ${q(l, 'vi') || 'một lựa chọn'}.`, en: `Choose ${q(l, 'en') || 'an option'}.` }),
  document: (_, l) => ({ vi: `Vui lòng đính kèm ${q(l, 'vi') || 'giấy tờ này'}.`, en: `Attach ${q(l, 'en') || 'this document'}.` }),
  unexpected: (_, l) => ({ vi: `${q(l, 'vi') || 'Giấy tờ này'} không thuộc trường hợp đã chọn.`, en: `${q(l, 'en') || 'This document'} is not part of the chosen case.` }),
  hidden: (_, l) => ({ vi: `${q(l, 'vi') || 'Trường này'} không áp dụng với các lựa chọn đã khai; hãy bỏ trống.`, en: `${q(l, 'en') || 'This field'} does not apply to your answers; leave it empty.` }),
  unknown: () => ({ vi: 'Thông tin không thuộc biểu mẫu này.', en: 'This information is not part of the form.' }),
  type: (p) => ({ vi: `Giá trị không đúng kiểu (cần ${String(p?.type)}).`, en: `Wrong kind of value (expected ${String(p?.type)}).` }),
  pattern: (_, l) => ({ vi: `${q(l, 'vi') || 'Giá trị'} không đúng định dạng.`, en: `${q(l, 'en') || 'The value'} is not in the right format.` }),
  enum: () => ({ vi: 'Hãy chọn một trong các lựa chọn có sẵn.', en: 'Choose one of the options.' }),
  const: () => ({ vi: 'Giá trị không đúng.', en: 'The value is not the expected one.' }),
  minimum: (p) => ({ vi: `Giá trị phải từ ${String(p?.limit)} trở lên.`, en: `The value must be ${String(p?.limit)} or more.` }),
  maximum: (p) => ({ vi: `Giá trị phải từ ${String(p?.limit)} trở xuống.`, en: `The value must be ${String(p?.limit)} or less.` }),
  exclusiveMinimum: (p) => ({ vi: `Giá trị phải lớn hơn ${String(p?.limit)}.`, en: `The value must be more than ${String(p?.limit)}.` }),
  exclusiveMaximum: (p) => ({ vi: `Giá trị phải nhỏ hơn ${String(p?.limit)}.`, en: `The value must be less than ${String(p?.limit)}.` }),
  minLength: (p) => ({ vi: `Cần ít nhất ${String(p?.limit)} ký tự.`, en: `Use at least ${String(p?.limit)} characters.` }),
  maxLength: (p) => ({ vi: `Không quá ${String(p?.limit)} ký tự.`, en: `Use at most ${String(p?.limit)} characters.` }),
  minItems: (p) => ({ vi: `Cần ít nhất ${String(p?.limit)} mục.`, en: `Add at least ${String(p?.limit)} item(s).` }),
  maxItems: (p) => ({ vi: `Không quá ${String(p?.limit)} mục.`, en: `Add at most ${String(p?.limit)} item(s).` }),
  uniqueItems: () => ({ vi: 'Các lựa chọn bị trùng.', en: 'The choices repeat.' }),
  date: () => ({ vi: 'Ngày không hợp lệ (ngày/tháng/năm có thật).', en: 'Enter a real date.' }),
  province: () => ({ vi: 'Không có tỉnh, thành phố này trong danh mục; hãy chọn lại.', en: 'This province is not in the list; choose it again.' }),
  commune: () => ({ vi: 'Xã, phường này không thuộc tỉnh, thành phố đã chọn; hãy chọn lại.', en: 'This commune is not in the chosen province; choose it again.' }),
  checksum: () => ({ vi: 'Mã số thuế không hợp lệ (sai chữ số kiểm tra).', en: 'The tax code is not valid (wrong check digit).' }),
};

export function messageFor(rule: string, params: Params, label: Label): LocalizedText {
  const make = MESSAGES[rule];
  return make ? make(params, label) : { vi: 'Giá trị không hợp lệ.', en: 'The value is not valid.' };
}
