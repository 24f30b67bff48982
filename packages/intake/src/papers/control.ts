import type { ControlEntry } from '@thutuc/papers';
import type { Step } from '@thutuc/runtime/model';
import type { HistoryEntry } from '../lifecycle.js';
import { DOSSIER_ACTIONS, type ActorRole } from '../lifecycle-statuses.js';

/** Who acted, as Mẫu 06 names the units a dossier passes through. */
const UNITS: Record<ActorRole, string> = {
  applicant: 'Người nộp hồ sơ',
  reception: 'Bộ phận Tiếp nhận và Trả kết quả',
  officer: 'Công chức, viên chức xử lý hồ sơ',
  leader: 'Lãnh đạo cơ quan giải quyết',
  system: 'Hệ thống thông tin giải quyết thủ tục hành chính',
};

const SUBMIT: Record<string, string> = { online: 'Nộp hồ sơ trực tuyến', post: 'Nộp hồ sơ qua dịch vụ bưu chính', in_person: 'Nộp hồ sơ trực tiếp' };

/**
 * Mẫu 06's rows from a dossier's history, oldest first. Each row is judged against the due
 * date in force just before it: none before acceptance, none while a supplement is awaited
 * (the clock is stopped), and the new one after a resumption or an extension.
 */
export function controlEntries(history: readonly HistoryEntry[], steps: readonly Step[], channel: string): ControlEntry[] {
  let due: string | undefined;
  return history.map((entry) => {
    const action =
      entry.action === 'submit'
        ? (SUBMIT[channel] ?? 'Nộp hồ sơ')
        : entry.action === 'complete_step' && entry.step !== undefined && steps[entry.step]
          ? `${DOSSIER_ACTIONS.complete_step.label.vi}: ${steps[entry.step]!.title.vi}`
          : DOSSIER_ACTIONS[entry.action].label.vi;
    const row: ControlEntry = {
      at: entry.at, action, unit: UNITS[entry.actor.role] ?? entry.actor.role,
      ...(entry.actor.name || entry.actor.id ? { person: entry.actor.name ?? entry.actor.id } : {}),
      ...(due ? { due } : {}),
      ...(entry.reason?.vi ? { note: entry.reason.vi } : {}),
    };
    if (entry.action === 'request_supplement') due = undefined;
    if (entry.due) due = entry.due;
    return row;
  });
}
