import type { Form, Result, Step } from '@thutuc/core';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, bi, clip, splitText, stripBullet } from './text.js';

export interface PortalStep {
  name: string;
  description: string;
}

const OTHER_AGENCY = /liên thông|phối hợp|cơ quan khác|bảo hiểm xã hội|chuyển (hồ sơ|thông tin|dữ liệu) (cho|đến|sang) (cơ quan|công an|bảo hiểm)/i;
const RECEPTION = /tiếp nhận|nộp hồ sơ|một cửa|bộ phận tiếp nhận/i;

/**
 * Who acts, guessed from the opening words of the step only: the portal has no actor field
 * and most records put the whole process into one step, so this is a starting point.
 */
function actorOf(text: string): Step['actor'] {
  const head = text.slice(0, 300);
  if (OTHER_AGENCY.test(head)) return 'other_agency';
  if (RECEPTION.test(head)) return 'reception';
  return 'officer';
}

/** executionSteps → steps; a description over the schema's limit becomes several numbered parts. */
export function mapSteps(items: readonly PortalStep[], notes: DraftNotes): Step[] {
  const steps: Step[] = [];
  let split = false;
  items.forEach((item, i) => {
    const firstLine = stripBullet(item.description.split('\n')[0] ?? '');
    const title = clip(stripBullet(item.name) || firstLine || `Bước ${i + 1}`, 100);
    const parts = item.description ? splitText(item.description, TEXT_MAX) : [];
    const actor = actorOf(`${item.name} ${item.description}`);
    if (parts.length > 1) split = true;
    if (!parts.length) steps.push({ actor, title: { vi: title } });
    parts.forEach((part, k) => {
      const suffix = parts.length > 1 ? ` (phần ${k + 1}/${parts.length})` : '';
      steps.push({ actor, title: { vi: `${title}${suffix}` }, description: { vi: part } });
    });
  });
  if (steps.length) {
    notes.gap(
      'Trình tự thực hiện chép nguyên văn từ cổng (thường gộp nhiều bước trong một đoạn); người thực hiện (actor) được đoán từ câu chữ, mặc định officer: cần tách bước và kiểm tra.',
      'Steps are the portal’s wording (often several steps in one paragraph); each actor was guessed from the text, officer by default: split and check them.',
    );
  }
  if (split) {
    notes.gap('Một số bước dài hơn 4000 ký tự nên được chia thành nhiều phần.', 'Some steps were longer than 4,000 characters and were split into parts.');
  }
  return steps;
}

export interface PortalResult {
  name: string;
  code: string;
}

const RESULT_CODE = /^(KQ\.[A-Z][0-9A-Z]{1,4}\.\d{3,8}|[0-9A-Z]+(\.[0-9A-Z]+)*-KQ\d+)$/;

/** resultsDetails → results. The schema needs one result, so an empty list gets a placeholder. */
export function mapResults(items: readonly PortalResult[], notes: DraftNotes): Result[] {
  const results = items
    .filter((r) => r.name)
    .map((r): Result => {
      if (r.code && !RESULT_CODE.test(r.code)) {
        notes.gap(`Mã kết quả "${r.code}" không đúng dạng KQ.Gxx.nnnnnn nên chưa ghi.`, `The result code "${r.code}" does not have the KQ.Gxx.nnnnnn shape and was left out.`);
      }
      return { ...(RESULT_CODE.test(r.code) ? { code: r.code } : {}), name: { vi: clip(r.name, TEXT_MAX) } };
    });
  if (results.length) return results;
  notes.gap('Bản ghi không có kết quả thực hiện; results đang là chỗ giữ chỗ, cần ghi tên và mã kết quả.', 'The record names no result; results holds a placeholder: give the result’s name and code.');
  return [{ name: bi('Kết quả giải quyết thủ tục (chưa rõ, cần bổ sung)', 'Result of the procedure (unknown, to be completed)') }];
}

/**
 * The schema needs a form with one field. These four are on every declaration (CT01, the
 * civil-status forms): a start, not the procedure's form.
 */
export function standardForm(notes: DraftNotes): Form {
  notes.gap(
    'Biểu mẫu điện tử mới có phần thông tin người yêu cầu dựng sẵn (họ tên, số định danh, điện thoại, thư điện tử); cần viết biểu mẫu theo mẫu tờ khai chính thức ban hành kèm văn bản pháp luật.',
    'The online form only has a generic applicant section (name, ID number, phone, email): write the form from the official declaration template.',
  );
  return {
    sections: [
      {
        id: 'nguoi-yeu-cau',
        title: bi('Thông tin người yêu cầu', 'Applicant'),
        fields: [
          { id: 'ho_ten', type: 'text', label: bi('Họ, chữ đệm, tên', 'Full name'), required: true },
          { id: 'so_dinh_danh', type: 'citizen_id', label: bi('Số định danh cá nhân', 'Personal identification number'), required: true },
          { id: 'so_dien_thoai', type: 'phone', label: bi('Số điện thoại', 'Phone number') },
          { id: 'email', type: 'email', label: bi('Thư điện tử', 'Email') },
        ],
      },
    ],
  };
}
