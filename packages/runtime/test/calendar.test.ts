import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSource, type HolidayCalendar } from '@thutuc/core';
import { addDays, createWorkingCalendar, lunarNewYear, lunarToSolar, projectHolidays, solarToLunar, weekday } from '@thutuc/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = 'catalogue/shared/holidays/2026.yaml';
const data = analyzeSource({ file, bytes: readFileSync(path.join(root, file)) }).document!.value as HolidayCalendar;
const calendar = createWorkingCalendar([data]);
const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết on the Vietnamese dates, including years when China (UTC+8) differs', () => {
    const tet: Record<number, string> = {
      1985: '1985-01-21', // China: 20 February
      2007: '2007-02-17', // China: 18 February
      2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
      2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06',
      2030: '2030-02-02', // China: 3 February
    };
    for (const [year, date] of Object.entries(tet)) expect(lunarNewYear(+year)).toBe(date);
    expect(lunarNewYear(2007)).not.toBe('2007-02-18');
  });

  it('agrees with the 2026 calendar on Tết eve and on 10/3 lunar', () => {
    const hungKings = data.off.find((d) => d.name.vi.startsWith('Giỗ Tổ'))!.date;
    expect(lunarToSolar(10, 3, 2026)).toBe(hungKings);
    const tetEve = data.off.find((d) => d.name.vi.includes('tháng Chạp'))!;
    expect(solarToLunar(tetEve.date)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(tetEve.name.vi).toContain('29 tháng Chạp');
  });

  it('knows leap months and Giỗ Tổ of other years', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 3, 2023, true)).toBeUndefined(); // 2023 repeats month 2, not 3
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
  });

  it('converts back and forth, one lunar day per solar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (offset) => {
        const iso = addDays('1968-01-01', offset);
        const l = solarToLunar(iso);
        const next = solarToLunar(addDays(iso, 1));
        const step = next.day === l.day + 1 || (next.day === 1 && (l.day === 29 || l.day === 30));
        return lunarToSolar(l.day, l.month, l.year, l.leap) === iso && step && l.day >= 1 && l.day <= 30;
      }),
    );
  });
});

describe('the working-day calendar', () => {
  it('takes every day off and every swapped working Saturday of the 2026 data', () => {
    for (const d of data.off) expect(calendar.day(d.date)).toMatchObject({ working: false, name: d.name, provisional: true });
    for (const d of data.workdays ?? []) {
      expect(isWeekend(d.date)).toBe(true);
      expect(calendar.day(d.date)).toMatchObject({ working: true, reason: 'workday' });
    }
    expect(calendar.day('2026-02-14')).toMatchObject({ working: false, reason: 'weekend' });
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23'); // over Tết
    expect(calendar.nextWorkingDay('2026-04-29')).toBe('2026-05-04'); // over 30/4–1/5
    expect(calendar.nextWorkingDay('2026-08-28')).toBe('2026-09-03'); // over 2/9 with the 31/8 swap
    expect(calendar.years).toEqual([2026]);
  });

  it('projects the same 2026 holidays as the published data, apart from announced swaps', () => {
    const published = data.off.filter((d) => d.kind !== 'swap').map((d) => d.date).sort();
    expect(projectHolidays(2026, isWeekend).map((h) => h.date)).toEqual(published);
  });

  it('projects a year without data, provisionally, with compensatory days for weekend holidays', () => {
    const c2027 = calendar.day('2027-02-05');
    expect(c2027).toMatchObject({ working: false, reason: 'holiday', provisional: true });
    expect(c2027.name?.vi).toBe('Tết Âm lịch (29 tháng Chạp)');
    // mùng 1 and 2 fall on Saturday 6 and Sunday 7 Feb 2027 → two compensatory days after mùng 4
    expect(['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((d) => calendar.isWorkingDay(d))).toEqual([false, false, false, false]);
    expect(calendar.day('2027-02-11').reason).toBe('compensatory');
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
    expect(calendar.isWorkingDay('2027-04-16')).toBe(false); // Giỗ Tổ 2027
    expect(calendar.day('2027-05-03').name?.vi).toBe('Nghỉ bù Ngày Quốc tế lao động'); // 1/5/2027 is a Saturday
    expect(calendar.day('2027-03-10')).toMatchObject({ working: true, provisional: true });
  });

  it('lets the weekend be configured', () => {
    const sundaysOnly = createWorkingCalendar([data], { weekend: [0] });
    expect(sundaysOnly.isWorkingDay('2026-03-07')).toBe(true);
    expect(sundaysOnly.isWorkingDay('2026-03-08')).toBe(false);
    expect(() => createWorkingCalendar([], { weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(createWorkingCalendar([data], { project: false }).isWorkingDay('2027-02-08')).toBe(true);
  });

  it('counts working days from a day off as from the next working day', () => {
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrow(RangeError);
  });
});

describe('working-day arithmetic (properties)', () => {
  const start = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2025-06-01', n));
  const count = fc.integer({ min: 0, max: 300 });
  const offDays = new Set(data.off.map((d) => d.date));

  it('lands on a working day: never a weekend unless swapped, never a holiday', () => {
    fc.assert(
      fc.property(start, count, (d, n) => {
        const r = calendar.addWorkingDays(d, n);
        const swapped = (data.workdays ?? []).some((w) => w.date === r);
        return calendar.isWorkingDay(r) && !offDays.has(r) && (swapped || !isWeekend(r)) && r >= d;
      }),
    );
  });

  it('is monotonic in n, and strictly so from a working day', () => {
    fc.assert(
      fc.property(start, count, count, (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = calendar.addWorkingDays(d, lo);
        const y = calendar.addWorkingDays(d, hi);
        return x <= y && (lo === hi || !calendar.isWorkingDay(d) || x < y);
      }),
    );
  });

  it('adds up: a + b working days equal a then b, from a working day', () => {
    fc.assert(
      fc.property(start, count, count, (d, a, b) => {
        const w = calendar.addWorkingDays(d, 0);
        return calendar.addWorkingDays(w, a + b) === calendar.addWorkingDays(calendar.addWorkingDays(w, a), b);
      }),
    );
  });

  it('skips exactly the days that are not working days', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const end = calendar.addWorkingDays(d, n);
        let working = 0;
        for (let x = addDays(d, 1); x <= end; x = addDays(x, 1)) if (calendar.isWorkingDay(x)) working++;
        return working === n;
      }),
    );
  });
});
