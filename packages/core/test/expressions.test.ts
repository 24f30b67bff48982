import { describe, expect, it } from 'vitest';
import { compileExpression, procedureScope, type Procedure } from '@thutuc/core';
import * as runtime from '@thutuc/runtime';

/** A procedure with one field of each kind the language distinguishes. */
const procedure = {
  channels: [{ channel: 'online' }, { channel: 'in_person' }],
  cases: [{ id: 'dung-han' }, { id: 'qua-han' }],
  delivery: ['post'],
  form: {
    sections: [
      {
        fields: [
          { id: 'ho_ten', type: 'text' },
          { id: 'so_ban_sao', type: 'number' },
          { id: 'ngay_sinh', type: 'date' },
          { id: 'co_cha', type: 'boolean' },
          { id: 'quan_he', type: 'choice', options: [{ value: 'cha' }, { value: 'me' }, { value: 'khac' }] },
          { id: 'doi_tuong', type: 'multi_choice', options: [{ value: 'ho_ngheo' }, { value: 'khuyet_tat' }] },
          { id: 'noi_cu_tru', type: 'address' },
          { id: 'con', type: 'group', fields: [{ id: 'ten', type: 'text' }, { id: 'ngay_sinh_con', type: 'date' }] },
        ],
      },
    ],
  },
} as unknown as Procedure;
const scope = procedureScope(procedure);

/** Runs compiled text the way the generated module does; test code only. */
function run(source: string, data: Record<string, unknown>, ctx: Record<string, unknown> = {}) {
  const compiled = compileExpression(source, scope, 'boolean');
  expect(compiled.problems).toEqual([]);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('r', `return (d, c, it) => ${compiled.js};`)(runtime) as (d: unknown, c: unknown) => unknown;
  return fn(data, { today: '2026-03-02', channel: 'online', ...ctx });
}

const problemsOf = (source: string, expected: 'boolean' | 'number' = 'boolean') =>
  compileExpression(source, scope, expected).problems.map((p) => p.code);

describe('the condition language', () => {
  it('compares numbers, strings, booleans and dates', () => {
    expect(run('so_ban_sao > 0 && ho_ten == "An"', { so_ban_sao: 2, ho_ten: 'An' })).toBe(true);
    expect(run('co_cha == true || !co_cha', {})).toBe(true);
    expect(run('ngay_sinh >= date("2026-01-01")', { ngay_sinh: '2026-02-10' })).toBe(true);
    expect(run('ngay_sinh >= date("2026-01-01")', { ngay_sinh: '2025-12-31' })).toBe(false);
  });

  it('counts days and years from dates, relative to today', () => {
    expect(run('days(ngay_sinh, today()) <= 60', { ngay_sinh: '2026-01-01' })).toBe(true);
    expect(run('days(ngay_sinh, today()) <= 60', { ngay_sinh: '2025-12-31' })).toBe(false);
    expect(run('age(ngay_sinh) < 6', { ngay_sinh: '2020-03-03' })).toBe(true);
    expect(run('age(ngay_sinh) < 6', { ngay_sinh: '2020-03-02' })).toBe(false);
  });

  it('tests membership in literal lists and in multi-choice answers', () => {
    expect(run('quan_he in ["cha", "me"]', { quan_he: 'me' })).toBe(true);
    expect(run('quan_he in ["cha", "me"]', { quan_he: 'khac' })).toBe(false);
    expect(run('"ho_ngheo" in doi_tuong', { doi_tuong: ['ho_ngheo'] })).toBe(true);
    expect(run('"ho_ngheo" in doi_tuong', {})).toBe(false);
  });

  it('reads address parts, list lengths and the context', () => {
    expect(run('noi_cu_tru.province == "01"', { noi_cu_tru: { province: '01' } })).toBe(true);
    expect(run('noi_cu_tru.province == "01"', {})).toBe(false);
    expect(run('len(con) >= 2', { con: [{}, {}] })).toBe(true);
    expect(run('channel == "online" && case == "qua-han"', {}, { case: 'qua-han' })).toBe(true);
  });

  it('treats a missing value as equal to nothing and never throws', () => {
    expect(run('so_ban_sao > 0', {})).toBe(false);
    expect(run('ho_ten != "An"', {})).toBe(true);
    expect(run('ho_ten == null', {})).toBe(true);
    expect(run('filled(ho_ten)', { ho_ten: '  ' })).toBe(false);
  });

  it('rejects a date compared with a number', () => {
    expect(problemsOf('ngay_sinh > 5')).toEqual(['TT4003']);
  });

  it('suggests the field a typo meant', () => {
    const [p] = compileExpression('so_ban_sa > 0', scope).problems;
    expect(p).toMatchObject({ code: 'TT4002', params: { name: 'so_ban_sa' } });
    expect((p!.params.hint as { en: string }).en).toBe(' Did you mean `so_ban_sao`?');
  });

  it('checks string literals against the options of a choice', () => {
    expect(problemsOf('quan_he == "bo"')).toEqual(['TT4009']);
    expect(problemsOf('quan_he in ["cha", "ong"]')).toEqual(['TT4009']);
    expect(problemsOf('"ngheo" in doi_tuong')).toEqual(['TT4009']);
    expect(problemsOf('case == "dung_han"')).toEqual(['TT4009']);
  });

  it('refuses what is not part of the language', () => {
    expect(problemsOf('ho_ten[0] == "a"')).toEqual(['TT4007']);
    expect(problemsOf('constructor.constructor("alert(1)")()')).toEqual(['TT4007']);
    expect(problemsOf('__proto__ == null')).toEqual(['TT4002']);
    expect(problemsOf('so_ban_sao % 2 == 0')).toEqual(['TT4001']);
    expect(problemsOf('a = 1')).toEqual(['TT4001']);
    expect(problemsOf('alert(1)')).toEqual(['TT4005']);
  });

  it('checks the type of the whole expression', () => {
    expect(problemsOf('so_ban_sao')).toEqual(['TT4008']);
    expect(problemsOf('so_ban_sao * 2', 'number')).toEqual([]);
    expect(problemsOf('co_cha', 'number')).toEqual(['TT4008']);
  });

  it('checks operand types of logic and arithmetic', () => {
    expect(problemsOf('ho_ten && co_cha')).toEqual(['TT4004']);
    expect(problemsOf('ho_ten + 1 > 2')).toEqual(['TT4004']);
    expect(problemsOf('!so_ban_sao')).toEqual(['TT4004']);
  });

  it('writes string literals as JSON, so text cannot break out into code', () => {
    const compiled = compileExpression('ho_ten == "\\"); alert(1); ("', scope);
    expect(compiled.js).toBe('(d.ho_ten === "\\"); alert(1); (")');
  });

  it('gives the offset of a syntax error', () => {
    expect(compileExpression('so_ban_sao > ', scope).problems[0]).toMatchObject({ code: 'TT4001', index: 13 });
  });
});
