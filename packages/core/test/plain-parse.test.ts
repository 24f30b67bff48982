import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '@thutuc/core';
import { parseWithPositions } from '../src/source/parse.js';
import { plainMapping } from '../src/source/plain-parse.js';

/**
 * Most files are read by js-yaml (plainMapping), ten times faster than the positioned parse;
 * whatever it takes must be what the full parser reads, with nothing the full parser would
 * report. Checked on the catalogue, on mutated copies of it and on scalars whose meaning
 * differs between YAML readers.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const catalogue = readdirSync(path.join(root, 'catalogue'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(path.join(root, 'catalogue', name), 'utf8'));

/** Either the quick reader leaves the text to the full parser, or both read the same clean data. */
function expectSameReading(text: string): boolean {
  const quick = plainMapping(text);
  if (quick === undefined) return false;
  const full = parseWithPositions(text, 'x.yaml');
  expect(full.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([]);
  expect(quick).toStrictEqual(full.value);
  return true;
}

const INSERTS = [':', ': ', '-', '- ', '\t', '"', "'", '#', ' #', ' ', '  ', '\n', '\n  ', '{', '}', '[', ']', ',', '&a ', '*a', '!', '! ', '|', '>', '? ', '\\', '%', '@', '`', '---\n', '...\n', '0x', '.inf', '~', 'null', '__proto__: 1\n', '\r', '\u00a0', '\ufeff', '0b1', '+.5', '-0x1', 'yes', '1_0'];

const mutation = fc.record({
  file: fc.nat(catalogue.length - 1),
  edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), op: fc.nat(3), insert: fc.constantFrom(...INSERTS), width: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
});

function mutate(text: string, edits: { at: number; op: number; insert: string; width: number }[]): string {
  for (const { at, op, insert, width } of edits) {
    const i = Math.floor(at * text.length);
    const eol = text.indexOf('\n', i) + 1;
    if (op === 0) text = text.slice(0, i) + insert + text.slice(i);
    else if (op === 1) text = text.slice(0, i) + text.slice(i + width);
    else if (op === 2 && eol > 0) text = text.slice(0, eol) + ' '.repeat(width - 1) + text.slice(eol);
    else if (eol > 0) text = text.slice(0, eol) + text.slice(eol).replace(/^ +/, (spaces) => spaces.slice(width));
  }
  return text;
}

describe('the quick YAML reader', () => {
  it('reads most catalogue files, each exactly as the full parser does', () => {
    const taken = catalogue.filter(expectSameReading).length;
    // Files with aliases (`*name`) are left to the full parser; the rest are taken.
    expect(taken).toBeGreaterThan(catalogue.length * 0.8);
  });

  it('takes a mutated catalogue file only when the full parser reads the same data without a word', () => {
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        expectSameReading(mutate(catalogue[file]!, edits));
      }),
      { numRuns: 1500, seed: 13 },
    );
  });

  it('gives plain scalars and keys the full parser’s meaning', () => {
    const scalars = ['0b101', '0o17', '017', '0x1F', '1_000', '+1', '-0', '+.5', '-.5', '5.', '1e3', '1.5e-3', '.inf', '-.Inf', '.nan', 'NaN', 'True', 'TRUE', 'tRue', 'yes', 'off', 'y', '~', '', 'Null', '2026-01-01', '12:30', '1:30:00', '-0x1', '+0x1', '0o8', '9007199254740993', '<<', '= x', '"\\x41"', '"\\N"', '"\\_"', "'it''s'", '|\n  a\n  b\n', '>\n  a\n\n  b\n', '>-\n\n  a\n', 'a\n  b', 'a #c', 'a# c', '[a, b,]', '{a: 1,}'];
    for (const scalar of scalars) {
      expectSameReading(`k: ${scalar}\n`);
      expectSameReading(`${scalar.split('\n')[0]}: v\n`);
    }
    // A null key is "" to the full parser and "null" to js-yaml; a complex key is text to both, worded differently.
    for (const text of ['~: v\n', 'null: v\n', ': v\n', '[a]: v\n', '{a: 1}: v\n', '? a\n: v\n', 'a: {[b]: c}\n']) expect(plainMapping(text)).toBeUndefined();
  });

  it('leaves to the full parser what it reports: aliases, tags, forbidden keys, indentation of continued quotes', () => {
    const reported = {
      'a: &x [1]\nb: *x\n': [],
      'a: !!binary aGk=\n': ['TT1010'],
      'a: ! x\n': ['TT1010'],
      '__proto__: 1\n': ['TT1011'],
      'a:\n  - date: "2025-09-0\n2"\n': ['TT1005'],
      'a:\n  - { \ncode: "1" }\n': ['TT1005'],
      'a: "x"#c\n': ['TT1005'],
      '%YAML 1.1\n---\na: yes\n': [],
    };
    for (const [text, codes] of Object.entries(reported)) {
      expect(plainMapping(text), text).toBeUndefined();
      expect([...new Set(parseSource(text, 'x.yaml').diagnostics.map((d) => d.code))], text).toEqual(codes);
    }
  });

  it('still finds line and column for a file it read quickly', () => {
    const parsed = parseSource('kind: procedure\nid: a\nform:\n  sections:\n    - id: b\n', 'x.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.locate('/form/sections/0/id')).toMatchObject({ line: 5, column: 11 });
  });
});
