import { describe, expect, it } from 'vitest';
import { age, days, filled, has, isIsoDate, isTaxCode, len, todayInVietnam, ucs2length } from '@thutuc/runtime';

describe('runtime helpers', () => {
  it('accept only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate(20260401)).toBe(false);
  });

  it('count calendar days and full years', () => {
    expect(days('2026-01-31', '2026-03-01')).toBe(29);
    expect(days('2026-03-01', '2026-01-31')).toBe(-29);
    expect(days(undefined, '2026-03-01')).toBeNaN();
    expect(age('2020-02-29', '2026-02-28')).toBe(5);
    expect(age('2020-02-29', '2026-03-01')).toBe(6);
  });

  it('take today in Vietnam (UTC+7), not UTC', () => {
    expect(todayInVietnam(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(todayInVietnam(new Date('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
  });

  it('check tax codes: 10-digit check digit, 13-digit branches, 12-digit personal numbers', () => {
    expect(isTaxCode('0100233488')).toBe(true);
    expect(isTaxCode('0100233487')).toBe(false);
    expect(isTaxCode('0314409058-002')).toBe(true);
    expect(isTaxCode('0314409058-000')).toBe(false);
    expect(isTaxCode('001090000123')).toBe(true);
    expect(isTaxCode('0100000000')).toBe(false);
    expect(isTaxCode('01002334881')).toBe(false);
    expect(isTaxCode('0314409058x002')).toBe(false);
    expect(isTaxCode('0100233488-')).toBe(false);
    expect(isTaxCode('０１００２３３４８８')).toBe(false);
    expect(isTaxCode('٠١٠٠٢٣٣٤٨٨')).toBe(false);
  });

  it('measure emptiness and length of form values', () => {
    expect(filled('')).toBe(false);
    expect(filled([])).toBe(false);
    expect(filled(0)).toBe(true);
    expect(filled(false)).toBe(true);
    expect(len(['a', 'b'])).toBe(2);
    expect(len(undefined)).toBe(0);
    expect(has(['a'], 'a')).toBe(true);
    expect(has(undefined, 'a')).toBe(false);
  });

  it('count string length in code points, as JSON Schema does', () => {
    expect(ucs2length('Nguyễn')).toBe(6);
    expect(ucs2length('😀a')).toBe(2);
  });
});
