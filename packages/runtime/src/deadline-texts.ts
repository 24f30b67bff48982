import type { LocalizedText } from './text.js';
import type { CalendarDay } from './calendar.js';
import { dateText, dateTimeText, shortDate } from './date-text.js';
import type { Text } from './generated/model.js';

/** The sentences of a deadline's explanation, in Vietnamese and English. */

export type DurationUnit = 'working_day' | 'day' | 'hour';

/** `7 ngày làm việc` / `7 working days`. */
export function durationText(value: number, unit: DurationUnit): LocalizedText {
  const one = value === 1;
  if (unit === 'working_day') return { vi: `${value} ngày làm việc`, en: `${value} working day${one ? '' : 's'}` };
  if (unit === 'hour') return { vi: `${value} giờ làm việc`, en: `${value} working hour${one ? '' : 's'}` };
  return { vi: `${value} ngày`, en: `${value} day${one ? '' : 's'}` };
}

const REASONS: Record<string, LocalizedText> = {
  weekend: { vi: 'nghỉ cuối tuần', en: 'weekend' },
  holiday: { vi: 'ngày lễ', en: 'public holiday' },
  compensatory: { vi: 'nghỉ bù', en: 'compensatory day off' },
  swap: { vi: 'nghỉ hoán đổi', en: 'swapped day off' },
};

export const deadlineText = {
  received: (date: string, time: string): LocalizedText => {
    const at = dateTimeText(date, time);
    return { vi: `Tiếp nhận hồ sơ lúc ${at.vi}`, en: `Dossier received at ${at.en}` };
  },
  afterCutoff: (cutoff: string): LocalizedText => ({
    vi: `Nhận sau ${cutoff}: trả kết quả từ ngày làm việc tiếp theo`,
    en: `Received after ${cutoff}: the result is due from the next working day`,
  }),
  beforeCutoff: (cutoff: string): LocalizedText => ({
    vi: `Nhận trước ${cutoff} trong ngày làm việc: ngày tiếp nhận được tính`,
    en: `Received by ${cutoff} on a working day: the day of receipt counts`,
  }),
  dayOffReceipt: (): LocalizedText => ({ vi: 'Nhận vào ngày nghỉ: tính từ ngày làm việc tiếp theo', en: 'Received on a day off: counted from the next working day' }),
  start: (date: string, unit: DurationUnit): LocalizedText => {
    const d = dateText(date);
    return unit === 'day'
      ? { vi: `Bắt đầu tính: ${d.vi} là ngày thứ 1`, en: `Counting starts: ${d.en} is day 1` }
      : { vi: `Bắt đầu tính: ${d.vi} là ngày làm việc thứ 1`, en: `Counting starts: ${d.en} is working day 1` };
  },
  skip: (day: CalendarDay): LocalizedText => {
    const d = dateText(day.date);
    const why = REASONS[day.reason ?? 'holiday'] ?? REASONS.holiday!;
    const name = day.name && day.reason !== 'weekend' ? { vi: day.name.vi, en: day.name.en ?? day.name.vi } : why;
    return { vi: `Không tính ${d.vi}: ${name.vi}`, en: `Not counted: ${d.en} — ${name.en}` };
  },
  workday: (day: CalendarDay): LocalizedText => {
    const d = dateText(day.date);
    return { vi: `Tính ${d.vi}: ngày làm bù${day.name ? ` (${day.name.vi})` : ''}`, en: `Counted: ${d.en}, a swapped working day` };
  },
  pause: (from: string, to: string): LocalizedText => ({
    vi: `Tạm dừng từ ${shortDate(from)} đến ${shortDate(to)} (chờ bổ sung hồ sơ): không tính`,
    en: `Paused from ${shortDate(from)} to ${shortDate(to)} (waiting for a supplement): not counted`,
  }),
  extension: (duration: LocalizedText, reason: Text): LocalizedText => ({
    vi: `Gia hạn thêm ${duration.vi}: ${reason.vi}`,
    en: `Extended by ${duration.en}: ${reason.en ?? reason.vi}`,
  }),
  moved: (last: CalendarDay, date: string): LocalizedText => {
    const [l, d] = [dateText(last.date), dateText(date)];
    const why = last.name ?? REASONS[last.reason ?? 'weekend'] ?? REASONS.weekend!;
    return {
      vi: `Ngày cuối của thời hạn, ${l.vi}, là ngày nghỉ (${why.vi}): chuyển sang ${d.vi} (Điều 148 Bộ luật Dân sự 2015)`,
      en: `The last day, ${l.en}, is a day off (${why.en ?? why.vi}): moved to ${d.en} (Civil Code 2015, Art. 148)`,
    };
  },
  due: (date: string, time: string, count: number, unit: DurationUnit): LocalizedText => {
    const at = dateTimeText(date, time);
    const n = count > 0 && unit !== 'hour' ? durationText(count, unit) : undefined;
    return {
      vi: `Hẹn trả kết quả: ${at.vi}${n ? ` (sau ${n.vi})` : ''}`,
      en: `Result due: ${at.en}${n ? ` (after ${n.en})` : ''}`,
    };
  },
  badTime: (value: unknown): LocalizedText => ({
    vi: `Thời điểm không hợp lệ: "${String(value)}" (cần dạng 2026-04-24T10:00).`,
    en: `Not a valid date and time: "${String(value)}" (expected e.g. 2026-04-24T10:00).`,
  }),
  unknownTime: (raw: string | undefined, unitOnly = false): LocalizedText => ({
    vi: `Không tính được ngày hẹn trả: thủ tục chưa có thông tin về ${unitOnly ? 'đơn vị của thời hạn giải quyết (ngày làm việc hay ngày)' : 'thời hạn giải quyết'}${raw ? ` (nguồn ghi: "${raw}")` : ''}.`,
    en: `Cannot compute an appointment: the ${unitOnly ? "unit of the procedure's processing time (working days or days) is" : "procedure's processing time is"} not stated${raw ? ` (the source says: "${raw}")` : ''}.`,
  }),
  badSpec: (): LocalizedText => ({ vi: 'Thời hạn giải quyết không hợp lệ.', en: 'The processing time is not valid.' }),
  badExtension: (i: unknown): LocalizedText => ({ vi: `Thủ tục không có trường hợp gia hạn số ${String(i)}.`, en: `The procedure has no extension number ${String(i)}.` }),
};
