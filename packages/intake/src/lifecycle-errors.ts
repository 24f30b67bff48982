import { DOSSIER_ACTIONS, DOSSIER_STATUSES, type DossierAction, type DossierStatus } from './lifecycle-statuses.js';
import type { LocalizedText } from '@thutuc/runtime';

/** Why an action on a dossier was refused, for the officer or applicant who tried it. */

export type LifecycleErrorCode =
  | 'unknown-action'
  | 'bad-time'
  | 'time-order'
  | 'not-allowed'
  | 'forbidden'
  | 'reason-required'
  | 'bad-step'
  | 'step-done'
  | 'bad-extension'
  | 'extension-used'
  | 'deadline'
  | 'already-paid';

export interface LifecycleError {
  code: LifecycleErrorCode;
  params: Record<string, unknown>;
  message: LocalizedText;
}

const ROLES: Record<string, LocalizedText> = {
  applicant: { vi: 'người nộp hồ sơ', en: 'the applicant' },
  reception: { vi: 'bộ phận tiếp nhận và trả kết quả', en: 'the one-stop desk' },
  officer: { vi: 'công chức xử lý', en: 'the processing officer' },
  leader: { vi: 'người có thẩm quyền', en: 'the competent leader' },
  system: { vi: 'hệ thống', en: 'the system' },
};

const actionLabel = (a: unknown) => DOSSIER_ACTIONS[a as DossierAction]?.label ?? { vi: String(a), en: String(a) };
const statusLabel = (s: unknown) => DOSSIER_STATUSES[s as DossierStatus] ?? { vi: String(s), en: String(s) };
const roleLabel = (r: unknown) => ROLES[r as string] ?? { vi: String(r), en: String(r) };

const MESSAGES: Record<LifecycleErrorCode, (p: Record<string, unknown>) => LocalizedText> = {
  'unknown-action': (p) => ({ vi: `Không có thao tác "${String(p.action)}".`, en: `There is no action "${String(p.action)}".` }),
  'bad-time': (p) => ({ vi: `Thời điểm không hợp lệ: "${String(p.at)}".`, en: `Not a valid time: "${String(p.at)}".` }),
  'time-order': (p) => ({ vi: `Thời điểm ${String(p.at)} sớm hơn thao tác trước (${String(p.last)}).`, en: `${String(p.at)} is earlier than the previous action (${String(p.last)}).` }),
  'not-allowed': (p) => ({
    vi: `Không thể "${actionLabel(p.action).vi}" khi hồ sơ đang ở trạng thái "${statusLabel(p.status).vi}".`,
    en: `Cannot "${actionLabel(p.action).en}" while the dossier is "${statusLabel(p.status).en}".`,
  }),
  forbidden: (p) => ({
    vi: `${capitalise(roleLabel(p.role).vi)} không có quyền "${actionLabel(p.action).vi}".`,
    en: `${capitalise(roleLabel(p.role).en)} may not "${actionLabel(p.action).en}".`,
  }),
  'reason-required': (p) => ({ vi: `Cần nêu rõ lý do khi "${actionLabel(p.action).vi}".`, en: `Give a reason to "${actionLabel(p.action).en}".` }),
  'bad-step': (p) => ({ vi: `Thủ tục không có bước số ${String(p.index)}.`, en: `The procedure has no step ${String(p.index)}.` }),
  'step-done': (p) => ({ vi: `Bước số ${String(p.index)} đã hoàn thành.`, en: `Step ${String(p.index)} is already complete.` }),
  'bad-extension': (p) => ({ vi: `Thủ tục không có trường hợp gia hạn số ${String(p.index)}.`, en: `The procedure has no extension ${String(p.index)}.` }),
  'extension-used': (p) => ({ vi: `Đã gia hạn theo trường hợp số ${String(p.index)}.`, en: `Extension ${String(p.index)} is already applied.` }),
  'already-paid': () => ({ vi: 'Hồ sơ đã hoàn thành nghĩa vụ tài chính.', en: 'The dossier is already paid.' }),
  deadline: (p) => ({ vi: `Không tính được thời hạn: ${String(p.vi)}`, en: `The deadline cannot be computed: ${String(p.en)}` }),
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function lifecycleError(code: LifecycleErrorCode, params: Record<string, unknown>): LifecycleError {
  return { code, params, message: MESSAGES[code](params) };
}
