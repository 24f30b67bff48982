/**
 * Vietnamese lunar calendar (âm lịch), computed astronomically at UTC+7 with Hồ Ngọc Đức's
 * method (new moons and solar terms from Jean Meeus' "Astronomical Algorithms"). Vietnam
 * reckons the calendar at its own time zone, so Tết sometimes differs from China's (UTC+8):
 * 2007 (17 Feb, China 18 Feb), 2030 (2 Feb, China 3 Feb). Checked day by day against an
 * independent table for 1900–2199; Gregorian dates only.
 */

/** Vietnam's time zone, in hours east of UTC. */
const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900, the origin of the new-moon index k. */
const EPOCH = 2415021.076998695;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

/** Julian day number of a Gregorian date. */
export function julianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** ISO `YYYY-MM-DD` of a Julian day number. */
export function isoFromJulianDay(jd: number): string {
  return new Date((jd - 2440588) * 86_400_000).toISOString().slice(0, 10);
}

/** Julian day (with fraction) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c = c - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c = c - 0.0004 * Math.sin(dr * 3 * Mpr);
  c = c + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c = c - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c = c - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c = c + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** The local day (Julian day number at UTC+7) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Which twelfth of the ecliptic (0–11, 30° each) the sun is in at the start of a local day. */
function sunSector(jd: number): number {
  const T = (jd - 0.5 - TIME_ZONE / 24 - 2451545) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** Start of the 11th lunar month (the one holding the winter solstice) of a solar year. */
function month11(year: number): number {
  const k = Math.floor((julianDay(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset, from month 11, of the leap month: the first month without a major solar term. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date given as ISO `YYYY-MM-DD`. */
export function solarToLunar(iso: string): LunarDate {
  const year = +iso.slice(0, 4);
  const jd = julianDay(+iso.slice(8, 10), +iso.slice(5, 7), year);
  // The mean-month estimate of k can be one off when a new moon falls far from its mean
  // time; step until the month holding `jd` is found (the table-free original could give day 0).
  let k = Math.floor((jd - EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k) > jd) k--;
  while (newMoonDay(k + 1) <= jd) k++;
  const monthStart = newMoonDay(k);
  let a11 = month11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = month11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = month11(year + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: jd - monthStart + 1, month, year: lunarYear, leap };
}

/**
 * The Gregorian date (ISO) of a lunar date; undefined for a leap month the year does not
 * have. Lunar year Y begins with Tết in solar year Y.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string | undefined {
  const [a11, b11] = month < 11 ? [month11(year - 1), month11(year)] : [month11(year), month11(year + 1)];
  const k = Math.floor(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return undefined;
  }
  return isoFromJulianDay(newMoonDay(k + offset) + day - 1);
}

/** Mùng 1 Tết (1st day of the 1st lunar month) of a solar year, as ISO. */
export function lunarNewYear(year: number): string {
  return lunarToSolar(1, 1, year)!;
}
