import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.js';
import type { Text } from './generated/model.js';

/**
 * Holidays of a year nobody has published a calendar for yet, projected from Labour Code
 * 45/2019/QH14: Art. 112(1) lists the days, Art. 111(3) gives a compensatory day when a
 * holiday falls on a weekly rest day. Tết follows what the Prime Minister chose for 2026:
 * the last day of the lunar year (29 or 30 tháng Chạp) and mùng 1–4. The National Day's
 * adjacent day is taken as 1 September, as in 2025 and 2026. Swapped days are announced
 * each year and cannot be projected. Everything here is provisional by nature.
 */

export interface ProjectedHoliday {
  date: string;
  kind: 'holiday' | 'compensatory';
  name: Text;
}

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

function shift(iso: string, days: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The projected days off of a solar year, in date order. */
export function projectHolidays(year: number, isWeekend: (iso: string) => boolean): ProjectedHoliday[] {
  const holidays: ProjectedHoliday[] = [];
  const add = (date: string, vi: string, en: string) => holidays.push({ date, kind: 'holiday', name: { vi, en } });

  add(`${year}-01-01`, 'Tết Dương lịch', "New Year's Day");

  const tet = lunarNewYear(year);
  const eve = shift(tet, -1);
  add(eve, `Tết Âm lịch (${solarToLunar(eve).day} tháng Chạp)`, 'Lunar New Year (last day of the lunar year)');
  TET_DAY_NAMES.forEach((day, i) => add(shift(tet, i), `Tết Âm lịch (${day} tháng Giêng)`, `Lunar New Year (day ${i + 1})`));

  const hungKings = lunarToSolar(10, 3, year);
  if (hungKings) add(hungKings, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hung Kings' Commemoration Day");

  add(`${year}-04-30`, 'Ngày Chiến thắng', 'Victory Day');
  add(`${year}-05-01`, 'Ngày Quốc tế lao động', 'International Labour Day');
  add(`${year}-09-01`, 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)');
  add(`${year}-09-02`, 'Quốc khánh', 'National Day');
  holidays.sort((a, b) => (a.date < b.date ? -1 : 1));

  // Each holiday on a weekend gives one compensatory day: the next day that is neither a
  // weekend nor a holiday nor already given (30/4 on Saturday and 1/5 on Sunday → Mon and Tue).
  const taken = new Set(holidays.map((h) => h.date));
  const compensatory: ProjectedHoliday[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = shift(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = shift(d, 1);
    taken.add(d);
    const bare = (s: string | undefined) => (s ?? '').replace(/ \(.*\)$/, '');
    compensatory.push({ date: d, kind: 'compensatory', name: { vi: `Nghỉ bù ${bare(h.name.vi)}`, en: `Compensatory day for ${bare(h.name.en)}` } });
  }
  return [...holidays, ...compensatory].sort((a, b) => (a.date < b.date ? -1 : 1)).filter((h) => h.date.startsWith(`${year}-`));
}
