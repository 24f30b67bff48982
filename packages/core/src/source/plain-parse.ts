import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import { Schema, isScalar, type ScalarTag } from 'yaml';

/** Longest scalar accepted: far above any legal wording, far below what slows the pipeline. */
export const MAX_SCALAR_LENGTH = 100_000;
/** Keys that would reach an object's prototype once the data is used as plain JSON. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Plain scalars (`12`, `0x1F`, `.5`, `true`, `~`) mean what they mean to the full parser: its own
 * YAML 1.2 core tests and constructors, in its order (js-yaml's core schema differs at the edges:
 * `0b101`, `+.5`, `-0x1`). Explicit tags never reach these: such files go to the full parser.
 */
const PLAIN_SCALARS = FAILSAFE_SCHEMA.extend({
  implicit: new Schema({ schema: 'core' }).tags
    .filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test instanceof RegExp)
    .map(
      (tag, i) =>
        new Type(`tag:thutuc.plain,2026:${i}`, {
          kind: 'scalar',
          resolve: (data: unknown) => typeof data === 'string' && tag.test.test(data),
          construct: (data: string) => {
            const value = tag.resolve(data, () => undefined, { intAsBigInt: false });
            return isScalar(value) ? value.value : value;
          },
        }),
    ),
});

/**
 * What the quick reader leaves to the full parser, by the look of the text: directives (a
 * `%YAML 1.1` line changes what `yes` means), a carriage return that does not end a line, a tag
 * where a node starts (`! x`, `!foo`: the full parser words the refusal; `!=` inside an
 * expression is not a tag), an alias (`*name`: the full parser bounds how far aliases expand) and
 * a comment glued to a closing quote or bracket (`"x"#`: an error to the full parser).
 */
const LEFT_TO_FULL_PARSER = /^%|\r(?!\n)|(?:^|[\s,[{])(?:!(?!=)|\*[^\s,[\]{}])|["'\]}]#/m;

/**
 * The data of a YAML file, read quickly (js-yaml builds plain objects straight from its event
 * stream, about ten times faster than building the positioned document), or undefined when the
 * full parser has to read it: anything it would report or read differently. That is, whenever
 * js-yaml refuses the text (syntax errors, duplicate keys, unknown tags, complex keys, any alias:
 * the full parser bounds their expansion), the top level is not a mapping, or the data holds
 * what the full parser reports (forbidden keys, oversized scalars) or names differently (a null
 * key is `""` there, `"null"` here). `test/plain-parse.test.ts` holds the two readers to the
 * same data on the catalogue, on mutated copies of it and on tricky scalars.
 */
export function plainMapping(text: string): Record<string, unknown> | undefined {
  if (LEFT_TO_FULL_PARSER.test(text) || flowSpansLines(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: PLAIN_SCALARS });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return isPlainTree(value, new Set()) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Whether a quoted text or a `[…]`/`{…}` collection goes on past the end of its line. js-yaml
 * does not check how far such continuation lines are indented, the full parser does (and says
 * where), so those files go to the full parser. A line scanner that knows where a node starts
 * (where a quote opens a string rather than sits inside one), comments, and block scalars
 * (`|`, `>`: their lines are text, as far as they are indented past the key or dash before them).
 */
export function flowSpansLines(text: string): boolean {
  let blockParent = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockParent >= 0) {
      if (line.trim() === '' || indent > blockParent) continue;
      blockParent = -1;
    }
    let quote = '';
    let depth = 0;
    let nodeStart = true;
    let parent = indent;
    let token = indent;
    let afterFlow = false;
    for (let i = indent; i < line.length; i++) {
      const c = line[i]!;
      const next = line[i + 1] ?? ' ';
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote && quote === "'" && next === "'") i++;
        else if (c === quote) quote = '';
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') continue;
      const closedFlow = afterFlow;
      afterFlow = false;
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if (depth > 0 && (c === ',' || c === ']' || c === '}')) {
        if (c !== ',') depth--;
        nodeStart = c === ',';
        afterFlow = c !== ',';
        continue;
      }
      if (c === ':' && (next === ' ' || next === '\t' || next === '\r' || (depth > 0 && ',]}'.includes(next)))) {
        // A `[…]` or `{…}` as a key: js-yaml turns it into text its own way.
        if (closedFlow) return true;
        parent = token;
        nodeStart = true;
        continue;
      }
      if (!nodeStart) continue;
      token = i;
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === '-' && (next === ' ' || next === '\t' || next === '\r')) parent = i;
      else if (c === '?' && (next === ' ' || next === '\t' || next === '\r')) return true; // an explicit (complex) key
      else if (c === '|' || c === '>') {
        blockParent = parent;
        break;
      } else nodeStart = false;
    }
    if (quote || depth > 0) return true;
  }
  return false;
}

function isPlainTree(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'string') return value.length <= MAX_SCALAR_LENGTH;
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => isPlainTree(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key) || key === 'null' || key.length > MAX_SCALAR_LENGTH) return false;
    if (!isPlainTree((value as Record<string, unknown>)[key], seen)) return false;
  }
  return true;
}
