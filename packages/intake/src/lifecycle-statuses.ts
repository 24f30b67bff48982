/**
 * The national dossier status list (the codes one-stop systems synchronise to the national
 * portal, 1–10) and which action moves a dossier between them, by whom. The flow follows
 * Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP: reception accepts or refuses, an
 * officer processes, the competent leader signs, the desk returns the result.
 */

export const DOSSIER_STATUSES = {
  submitted: { code: 1, vi: 'Mới đăng ký', en: 'Newly submitted' },
  accepted: { code: 2, vi: 'Được tiếp nhận', en: 'Accepted' },
  rejected: { code: 3, vi: 'Không được tiếp nhận', en: 'Not accepted' },
  processing: { code: 4, vi: 'Đang xử lý', en: 'In processing' },
  supplement_requested: { code: 5, vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  payment_requested: { code: 6, vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  withdrawn: { code: 7, vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the applicant' },
  stopped: { code: 8, vi: 'Dừng xử lý', en: 'Processing stopped' },
  processed: { code: 9, vi: 'Đã xử lý xong', en: 'Processed' },
  returned: { code: 10, vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;
export type DossierStatusCode = (typeof DOSSIER_STATUSES)[DossierStatus]['code'];

/** Who acts: the applicant, the one-stop desk, the processing officer, the signing leader, or software. */
export type ActorRole = 'applicant' | 'reception' | 'officer' | 'leader' | 'system';

export type DossierAction =
  | 'accept'
  | 'reject'
  | 'start'
  | 'request_supplement'
  | 'supplement'
  | 'request_payment'
  | 'pay'
  | 'withdraw'
  | 'stop'
  | 'complete_step'
  | 'extend'
  | 'complete'
  | 'deliver';

export interface ActionRule {
  from: readonly DossierStatus[];
  /** The status after the action; undefined keeps the current one. */
  to?: DossierStatus;
  actors: readonly ActorRole[];
  /** A reason must be given (refusal, supplement list, stop). */
  reason?: boolean;
  label: { vi: string; en: string };
}

const OPEN: readonly DossierStatus[] = ['accepted', 'processing', 'supplement_requested', 'payment_requested'];

export const DOSSIER_ACTIONS: Record<DossierAction, ActionRule> = {
  accept: { from: ['submitted'], to: 'accepted', actors: ['reception'], label: { vi: 'Tiếp nhận hồ sơ', en: 'Accept the dossier' } },
  reject: { from: ['submitted'], to: 'rejected', actors: ['reception'], reason: true, label: { vi: 'Từ chối tiếp nhận', en: 'Refuse the dossier' } },
  start: { from: ['accepted'], to: 'processing', actors: ['reception', 'officer', 'system'], label: { vi: 'Chuyển xử lý', en: 'Send for processing' } },
  request_supplement: {
    from: ['accepted', 'processing'], to: 'supplement_requested', actors: ['reception', 'officer'], reason: true,
    label: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Request a supplement' },
  },
  supplement: { from: ['supplement_requested'], to: 'processing', actors: ['applicant', 'reception'], label: { vi: 'Nộp bổ sung hồ sơ', en: 'Supplement the dossier' } },
  request_payment: {
    from: ['accepted', 'processing'], to: 'payment_requested', actors: ['reception', 'officer', 'system'],
    label: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
  },
  // Online payment may come before acceptance (level 4: the applicant pays on filing) or after
  // a request; only a dossier awaiting payment changes status (6 → 4), see `statusAfter`.
  pay: {
    from: ['submitted', 'accepted', 'processing', 'payment_requested'], actors: ['applicant', 'reception', 'system'],
    label: { vi: 'Hoàn thành nghĩa vụ tài chính', en: 'Payment made' },
  },
  withdraw: { from: ['submitted', ...OPEN], to: 'withdrawn', actors: ['applicant'], label: { vi: 'Rút hồ sơ', en: 'Withdraw the dossier' } },
  stop: { from: OPEN, to: 'stopped', actors: ['officer', 'leader'], reason: true, label: { vi: 'Dừng xử lý hồ sơ', en: 'Stop processing' } },
  complete_step: { from: ['accepted', 'processing'], actors: ['applicant', 'reception', 'officer', 'leader', 'system'], label: { vi: 'Hoàn thành bước xử lý', en: 'Complete a step' } },
  extend: { from: ['accepted', 'processing'], actors: ['leader'], label: { vi: 'Gia hạn thời hạn giải quyết', en: 'Extend the time limit' } },
  complete: { from: ['processing'], to: 'processed', actors: ['leader'], label: { vi: 'Ký duyệt, xử lý xong', en: 'Sign off the result' } },
  deliver: { from: ['processed'], to: 'returned', actors: ['reception', 'system'], label: { vi: 'Trả kết quả', en: 'Return the result' } },
};

/** Statuses after which nothing more happens to the dossier. */
export const FINAL_STATUSES: readonly DossierStatus[] = ['rejected', 'withdrawn', 'stopped', 'returned'];

/** The status with the given national code (1–10). */
export function statusByCode(code: number): DossierStatus | undefined {
  return (Object.keys(DOSSIER_STATUSES) as DossierStatus[]).find((s) => DOSSIER_STATUSES[s].code === code);
}

/** Actions the given actor may take on a dossier in the given status. */
export function availableActions(status: DossierStatus, role: ActorRole): DossierAction[] {
  return (Object.keys(DOSSIER_ACTIONS) as DossierAction[]).filter((a) => DOSSIER_ACTIONS[a].from.includes(status) && DOSSIER_ACTIONS[a].actors.includes(role));
}
