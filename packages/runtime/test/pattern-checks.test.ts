import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as runtime from '@thutuc/runtime';
import { filled, patternCheck, todayInVietnam } from '@thutuc/runtime';

/**
 * The functions generated validators call in place of some patterns must answer what the
 * regular expression answers (compiled with `u`, as JSON Schema validators do), for every
 * string: against valid samples with any one UTF-16 code unit replaced, dropped or added, and
 * against random strings over the characters the patterns care about.
 */
const PATTERNS: Record<string, string[]> = {
  '^\\d{12}$': ['001090012345'],
  '^(?:\\d{10}|\\d{12}|\\d{10}-\\d{3})$': ['0100109106', '001090012345', '0100109106-001'],
  '^\\d{2}$': ['01'],
  '^\\d{5}$': ['00004'],
  '^\\d{1}$': ['7'],
};

function checkerFor(source: string): (s: string) => boolean {
  const found = patternCheck(source);
  expect(found, source).toBeDefined();
  const [name, ...args] = found!;
  const fn = (runtime as unknown as Record<string, (s: string, ...n: number[]) => boolean>)[name]!;
  return (s) => fn(s, ...args);
}

/** Digits, the tax code's dash, digits of other scripts, white space of every kind, look-alikes that are not. */
const UNITS = ['0', '1', '2', '5', '9', '/', ':', 'a', '-', '+', ' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u180e', '\u2028', '\u202f', '\u3000', '\ufeff', 'ễ', '\ud835', '\udc9c', '٣', '０'];

describe('pattern checks', () => {
  it.each(Object.entries(PATTERNS))('answer as %s does for each sample with any one code unit replaced, dropped or added', (source, samples) => {
    const regex = new RegExp(source, 'u');
    const check = checkerFor(source);
    for (const sample of samples) {
      expect(check(sample), sample).toBe(true);
      for (let i = 0; i <= sample.length; i++) {
        const drop = sample.slice(0, i) + sample.slice(i + 1);
        expect(check(drop), JSON.stringify(drop)).toBe(regex.test(drop));
        for (let unit = 0; unit <= 0xffff; unit++) {
          const c = String.fromCharCode(unit);
          const replaced = sample.slice(0, i) + c + sample.slice(i + 1);
          const added = sample.slice(0, i) + c + sample.slice(i);
          if (check(replaced) !== regex.test(replaced)) expect(check(replaced), JSON.stringify(replaced)).toBe(regex.test(replaced));
          if (check(added) !== regex.test(added)) expect(check(added), JSON.stringify(added)).toBe(regex.test(added));
        }
      }
    }
  });

  it.each(Object.keys(PATTERNS))('answer as %s does for random strings', (source) => {
    const regex = new RegExp(source, 'u');
    const check = checkerFor(source);
    const nearly = fc.string({ unit: fc.constantFrom('0', '5', '9', '-', 'a'), minLength: 9, maxLength: 15 });
    const strings = fc.oneof(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 16 }), nearly, fc.string({ unit: 'binary' }));
    fc.assert(fc.property(strings, (s) => check(s) === regex.test(s)), { numRuns: 5000 });
  });

  it('leave other patterns, and names that only look like a key, to regular expressions', () => {
    expect(patternCheck('^\\d{3,4}$')).toBeUndefined();
    expect(patternCheck('^[A-Z]{2}$')).toBeUndefined();
    expect(patternCheck('^\\d{4}-\\d{2}-\\d{2}$')).toBeUndefined();
    expect(patternCheck('^\\d{0}$')).toBeUndefined();
    expect(patternCheck('constructor')).toBeUndefined();
    expect(patternCheck('__proto__')).toBeUndefined();
  });
});

describe('shortcuts on the valid path', () => {
  it('filled: blank is blank whatever the first character', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...UNITS) }), (s) => filled(s) === (s.trim() !== '')), { numRuns: 5000 });
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      if (filled(c) !== (c.trim() !== '')) expect(filled(c), `U+${unit.toString(16)}`).toBe(c.trim() !== '');
    }
  });

  it('todayInVietnam: the same day as computing it afresh, on either side of midnight in Vietnam', () => {
    const fresh = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    const midnight = Date.UTC(2026, 2, 1, 17); // 00:00 on 2 March in Vietnam
    for (const ms of [midnight - 1, midnight, midnight + 1, midnight - 1, midnight + 86_399_999, midnight + 86_400_000, midnight - 86_400_000, 0, -1]) {
      expect(todayInVietnam(new Date(ms)), String(ms)).toBe(fresh(ms));
    }
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ms) => todayInVietnam(new Date(ms)) === fresh(ms)));
    expect(todayInVietnam()).toBe(fresh(Date.now()));
  });
});
