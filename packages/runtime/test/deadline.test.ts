import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSource, type HolidayCalendar } from '@thutuc/core';
import { addDays, computeDeadline, createWorkingCalendar, parseVietnamTime, type Deadline, type DeadlineOptions, type ProcessingTimeSpec } from '@thutuc/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = 'catalogue/shared/holidays/2026.yaml';
const data = analyzeSource({ file, bytes: readFileSync(path.join(root, file)) }).document!.value as HolidayCalendar;
const calendar = createWorkingCalendar([data]);
const nameOf = (date: string) => data.off.find((d) => d.date === date)!.name.vi;

function deadline(receivedAt: string, time: ProcessingTimeSpec, options?: DeadlineOptions): Deadline {
  const r = computeDeadline(receivedAt, time, calendar, options);
  if (!r.ok) throw new Error(r.error.en);
  return r.deadline;
}
const wd = (value: number, more: Partial<ProcessingTimeSpec> = {}): ProcessingTimeSpec => ({ value, unit: 'working_day', ...more });
const skipped = (d: Deadline) => d.steps.filter((s) => s.kind === 'skip').map((s) => s.date);

describe('deadlines over the 2026 holidays', () => {
  it('7 working days from Friday 24/4/2026 10:00 skip Giỗ Tổ, its compensatory day, 30/4 and 1/5 → 8/5', () => {
    const d = deadline('2026-04-24T10:00', wd(7));
    expect(d.due).toBe('2026-05-08T17:00:00+07:00');
    expect(d.receivedAt).toBe('2026-04-24T10:00:00+07:00');
    expect(d.counted).toEqual(['2026-04-28', '2026-04-29', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08']);
    expect(skipped(d)).toEqual(['2026-04-25', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
    const messages = d.steps.map((s) => s.message.vi);
    for (const day of ['2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01']) expect(messages.some((m) => m.endsWith(nameOf(day)))).toBe(true);
    expect(messages[0]).toBe('Tiếp nhận hồ sơ lúc 10:00 thứ Sáu, 24/04/2026');
    expect(messages).toContain('Không tính thứ Bảy, 25/04/2026: nghỉ cuối tuần');
    expect(messages).toContain('Bắt đầu tính: thứ Ba, 28/04/2026 là ngày làm việc thứ 1');
    expect(messages.at(-1)).toBe('Hẹn trả kết quả: 17:00 thứ Sáu, 08/05/2026 (sau 7 ngày làm việc)');
    expect(d.steps.at(-1)!.message.en).toBe('Result due: 17:00 on Friday 8 May 2026 (after 7 working days)');
    expect(d.provisional).toBe(true); // the 2026 calendar is marked provisional
  });

  it('20 working days received before Tết end on 17/3/2026, with the five Tết days named', () => {
    const d = deadline('2026-02-10T09:00', wd(20));
    expect(d.dueDate).toBe('2026-03-17');
    const tet = data.off.filter((o) => o.name.vi.startsWith('Tết Âm lịch')).map((o) => o.date);
    expect(tet).toHaveLength(5);
    for (const day of tet) expect(skipped(d)).toContain(day);
    expect(d.counted).toHaveLength(20);
  });

  it('5 working days from 27/8/2026 skip the swapped 31/8 and 1–2/9 → 8/9; a swapped Saturday counts', () => {
    expect(deadline('2026-08-27T09:00', wd(5)).dueDate).toBe('2026-09-08');
    const saturday = deadline('2026-08-21T10:00', wd(1));
    expect(saturday.dueDate).toBe('2026-08-22');
    expect(saturday.steps.some((s) => s.kind === 'workday' && s.message.vi.includes('ngày làm bù'))).toBe(true);
  });

  it('counts the day of receipt for a same-day procedure received by the cut-off, else the next working day', () => {
    const sameDay = wd(1, { sameDayCutoff: '15:00' });
    expect(deadline('2026-04-24T14:30', sameDay).due).toBe('2026-04-24T17:00:00+07:00');
    expect(deadline('2026-04-24T15:00', sameDay).dueDate).toBe('2026-04-24');
    const late = deadline('2026-04-24T15:00:01', sameDay);
    expect(late.dueDate).toBe('2026-04-28'); // next working day after the Giỗ Tổ weekend
    expect(late.steps[1]!.message.vi).toBe('Nhận sau 15:00: trả kết quả từ ngày làm việc tiếp theo');
    expect(deadline('2026-04-25T09:00', sameDay).dueDate).toBe('2026-04-28'); // filed online on a Saturday
    // an offset is converted to Vietnam time: 08:30Z is 15:30 in Hà Nội
    expect(deadline('2026-04-24T08:30:00Z', sameDay).dueDate).toBe('2026-04-28');
    expect(deadline('2026-04-24T14:30', wd(0)).dueDate).toBe('2026-04-24');
    expect(deadline('2026-04-24T14:30', wd(1)).dueDate).toBe('2026-04-28');
  });

  it('counts calendar days from the next day and moves an end on a day off to the next working day', () => {
    const d = deadline('2026-04-20T10:00', { value: 10, unit: 'day' });
    expect(d.counted.at(-1)).toBe('2026-04-30');
    expect(d.dueDate).toBe('2026-05-04');
    expect(d.steps.find((s) => s.kind === 'moved')!.message.vi).toContain(nameOf('2026-04-30'));
    expect(deadline('2026-01-05T08:00', { value: 30, unit: 'day' }).dueDate).toBe('2026-02-04');
  });

  it('does not count days while a supplement is awaited', () => {
    const paused = deadline('2026-04-24T10:00', wd(7), { pauses: [{ from: '2026-05-05', to: '2026-05-06T09:30' }] });
    expect(paused.dueDate).toBe('2026-05-12');
    expect(paused.steps.filter((s) => s.kind === 'pause')).toHaveLength(1);
    expect(paused.counted).not.toContain('2026-05-05');
  });

  it('applies the extensions a procedure declares, by index', () => {
    const time = wd(7, { extensions: [{ value: 2, unit: 'working_day', reason: { vi: 'Cần xác minh', en: 'Verification needed' } }] });
    const d = deadline('2026-04-24T10:00', time, { extensions: [0] });
    expect(d.dueDate).toBe('2026-05-12');
    expect(d.steps.find((s) => s.kind === 'extension')!.message.vi).toBe('Gia hạn thêm 2 ngày làm việc: Cần xác minh');
    const bad = computeDeadline('2026-04-24T10:00', time, calendar, { extensions: [3] });
    expect(bad).toEqual({ ok: false, error: { vi: 'Thủ tục không có trường hợp gia hạn số 3.', en: 'The procedure has no extension number 3.' } });
  });

  it('counts working hours inside office hours', () => {
    expect(deadline('2026-08-28T10:00', { value: 8, unit: 'hour' }).due).toBe('2026-09-03T10:00:00+07:00');
    expect(deadline('2026-03-02T18:00', { value: 4, unit: 'hour' }).due).toBe('2026-03-03T11:30:00+07:00');
  });

  it('refuses a timestamp that is not a real instant, in both languages', () => {
    for (const bad of ['2026-02-30T10:00', '24/04/2026', '2026-04-24T25:00', '']) {
      const r = computeDeadline(bad, wd(7), calendar);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.vi).toMatch(/^Thời điểm không hợp lệ/);
    }
    expect(computeDeadline('2026-04-24T10:00', { value: -1, unit: 'working_day' }, calendar).ok).toBe(false);
    expect(parseVietnamTime('2026-04-24T10:00+07:00')).toMatchObject({ date: '2026-04-24', time: '10:00' });
  });

  it('always ends on a working day after the receipt, having counted exactly n days (property)', () => {
    const receipt = fc.tuple(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 23 })).map(([n, h]) => `${addDays('2026-01-01', n)}T${String(h).padStart(2, '0')}:15`);
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 40 }), (at, n) => {
        const d = deadline(at, wd(n));
        return calendar.isWorkingDay(d.dueDate) && d.dueDate > at.slice(0, 10) && d.counted.length === n && d.counted.every((c) => calendar.isWorkingDay(c));
      }),
    );
  });
});
