import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticParams, LocalizedText } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../suggest.js';
import { parseExpression } from './parse.js';
import { BOOLEAN, DATE, NUMBER, STRING, allNames, lookup, typeName, type ExprType, type Scope } from './types.js';

/**
 * Type-checks an expression and, in the same walk, writes it as a JavaScript expression.
 * The emitted text reads the data as `d`, the current group item as `it`, the context
 * (channel, case, delivery, today) as `c`, and calls helpers of @thutuc/runtime as `r`.
 * Identifiers are checked against the scope and string literals go through JSON.stringify,
 * so the output can only be the code this function chose to write.
 */
export interface ExpressionProblem {
  code: DiagnosticCode;
  params: DiagnosticParams;
  /** Character offset in the expression text, when known. */
  index?: number;
}

export interface CompiledExpression {
  type?: ExprType;
  js?: string;
  problems: ExpressionProblem[];
}

const FUNCTIONS: Record<string, { params: string; result: ExprType }> = {
  len: { params: 'chuỗi, danh sách hoặc nhóm / a string, list or group', result: NUMBER },
  today: { params: 'không có tham số / no arguments', result: DATE },
  days: { params: 'hai ngày / two dates', result: NUMBER },
  age: { params: 'một ngày / one date', result: NUMBER },
  date: { params: 'một chuỗi "YYYY-MM-DD" / a "YYYY-MM-DD" string', result: DATE },
  filled: { params: 'một trường / a field', result: BOOLEAN },
};

/** jsep's node types are loose; the walk checks `type` before reading fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Expression = { type: string; value: any; name: any; raw?: string; [key: string]: any };

class Failed extends Error {
  override name = 'ExpressionFailed';
}

function both(t: ExprType): LocalizedText {
  return typeName(t);
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function compileExpression(source: string, scope: Scope, expected: ExprType['kind'] | 'any' = 'boolean'): CompiledExpression {
  const parsed = parseExpression(source);
  if (parsed.error) {
    return { problems: [{ code: 'TT4001', params: { detail: parsed.error.message }, index: parsed.error.index }] };
  }
  const problems: ExpressionProblem[] = [];
  const fail = (code: DiagnosticCode, params: DiagnosticParams): never => {
    problems.push({ code, params });
    throw new Failed();
  };

  /** A string literal compared with a choice must be one of its options. */
  const checkOption = (value: string, t: ExprType) => {
    if ((t.kind === 'string' || t.kind === 'list') && t.options && !t.options.includes(value)) {
      problems.push({
        code: 'TT4009',
        params: { value, field: t.field ?? '?', hint: didYouMean(value, t.options) },
      });
    }
  };

  const walk = (node: Expression): { type: ExprType; js: string } => {
    switch (node.type) {
      case 'Literal': {
        const value = (node as { value: unknown }).value;
        if (typeof value === 'number') return { type: NUMBER, js: JSON.stringify(value) };
        if (typeof value === 'string') return { type: STRING, js: JSON.stringify(value) };
        if (typeof value === 'boolean') return { type: BOOLEAN, js: String(value) };
        if (value === null) return { type: { kind: 'null' }, js: 'null' };
        return fail('TT4007', { construct: String((node as { raw?: string }).raw) });
      }
      case 'Identifier': {
        const name = (node as { name: string }).name;
        if (name === 'true' || name === 'false') return { type: BOOLEAN, js: name };
        const binding = lookup(scope, name);
        if (!binding) return fail('TT4002', { name, hint: didYouMean(name, allNames(scope)) });
        const base = binding.source === 'data' ? 'd' : binding.source === 'item' ? 'it' : 'c';
        return { type: binding.type, js: `${base}.${name}` };
      }
      case 'MemberExpression': {
        const m = node as unknown as { object: Expression; property: Expression; computed: boolean };
        if (m.computed || m.property.type !== 'Identifier') return fail('TT4007', { construct: '[…]' });
        const object = walk(m.object);
        const prop = (m.property as { name: string }).name;
        if (object.type.kind === 'address' && ['province', 'commune', 'street'].includes(prop)) {
          return { type: STRING, js: `${object.js}?.${prop}` };
        }
        return fail('TT4002', {
          name: prop,
          hint: object.type.kind === 'address' ? didYouMean(prop, ['province', 'commune', 'street']) : { vi: '', en: '' },
        });
      }
      case 'CallExpression': {
        const call = node as unknown as { callee: Expression; arguments: Expression[] };
        if (call.callee.type !== 'Identifier') return fail('TT4007', { construct: 'call' });
        const name = (call.callee as { name: string }).name;
        const fn = FUNCTIONS[name];
        if (!fn) return fail('TT4005', { name, hint: didYouMean(name, Object.keys(FUNCTIONS)) });
        const args = call.arguments;
        const wrongArgs = (got: string) => fail('TT4006', { name, expected: fn.params, got });
        switch (name) {
          case 'today':
            if (args.length !== 0) wrongArgs(String(args.length));
            return { type: DATE, js: 'c.today' };
          case 'date': {
            const arg = args[0] as { type: string; value?: unknown } | undefined;
            if (args.length !== 1 || arg?.type !== 'Literal' || typeof arg.value !== 'string' || !isIsoDate(arg.value)) {
              return wrongArgs(args.map((a) => (a as { raw?: string }).raw ?? a.type).join(', ') || '0');
            }
            return { type: DATE, js: JSON.stringify(arg.value) };
          }
          case 'len': {
            if (args.length !== 1) return wrongArgs(String(args.length));
            const a = walk(args[0]!);
            if (!['string', 'list', 'group'].includes(a.type.kind)) return wrongArgs(both(a.type).en);
            return { type: NUMBER, js: `r.len(${a.js})` };
          }
          case 'days': {
            if (args.length !== 2) return wrongArgs(String(args.length));
            const a = walk(args[0]!);
            const b = walk(args[1]!);
            if (a.type.kind !== 'date' || b.type.kind !== 'date') return wrongArgs(`${both(a.type).en}, ${both(b.type).en}`);
            return { type: NUMBER, js: `r.days(${a.js}, ${b.js})` };
          }
          case 'age': {
            if (args.length !== 1) return wrongArgs(String(args.length));
            const a = walk(args[0]!);
            if (a.type.kind !== 'date') return wrongArgs(both(a.type).en);
            return { type: NUMBER, js: `r.age(${a.js}, c.today)` };
          }
          case 'filled': {
            if (args.length !== 1) return wrongArgs(String(args.length));
            const a = walk(args[0]!);
            return { type: BOOLEAN, js: `r.filled(${a.js})` };
          }
        }
        return fail('TT4005', { name, hint: { vi: '', en: '' } });
      }
      case 'UnaryExpression': {
        const u = node as unknown as { operator: string; argument: Expression };
        const arg = walk(u.argument);
        if (u.operator === '!') {
          if (arg.type.kind !== 'boolean') fail('TT4004', { operator: '!', expected: typeName(BOOLEAN), got: both(arg.type) });
          return { type: BOOLEAN, js: `!(${arg.js})` };
        }
        if (u.operator === '-') {
          if (arg.type.kind !== 'number') fail('TT4004', { operator: '-', expected: typeName(NUMBER), got: both(arg.type) });
          return { type: NUMBER, js: `-(${arg.js})` };
        }
        return fail('TT4007', { construct: u.operator });
      }
      case 'BinaryExpression': {
        const b = node as unknown as { operator: string; left: Expression; right: Expression };
        const op = b.operator;
        if (op === 'in') return membership(b.left, b.right);
        const left = walk(b.left);
        const right = walk(b.right);
        if (op === '&&' || op === '||') {
          for (const side of [left, right]) {
            if (side.type.kind !== 'boolean') fail('TT4004', { operator: op, expected: typeName(BOOLEAN), got: both(side.type) });
          }
          return { type: BOOLEAN, js: `(${left.js} ${op} ${right.js})` };
        }
        if (op === '==' || op === '!=') {
          if (left.type.kind === 'null' || right.type.kind === 'null') {
            return { type: BOOLEAN, js: `(${left.js} ${op} ${right.js})` };
          }
          if (left.type.kind !== right.type.kind || !['string', 'number', 'boolean', 'date'].includes(left.type.kind)) {
            fail('TT4003', { left: both(left.type), right: both(right.type), operator: op });
          }
          if (b.right.type === 'Literal' && typeof (b.right as { value: unknown }).value === 'string') {
            checkOption((b.right as { value: string }).value, left.type);
          }
          if (b.left.type === 'Literal' && typeof (b.left as { value: unknown }).value === 'string') {
            checkOption((b.left as { value: string }).value, right.type);
          }
          return { type: BOOLEAN, js: `(${left.js} ${op}= ${right.js})` };
        }
        if (op === '<' || op === '<=' || op === '>' || op === '>=') {
          const comparable = left.type.kind === right.type.kind && (left.type.kind === 'number' || left.type.kind === 'date');
          if (!comparable) fail('TT4003', { left: both(left.type), right: both(right.type), operator: op });
          // ISO dates compare correctly as strings; a missing value compares false either way.
          return { type: BOOLEAN, js: `(${left.js} ${op} ${right.js})` };
        }
        if (op === '+' || op === '-' || op === '*' || op === '/') {
          for (const side of [left, right]) {
            if (side.type.kind !== 'number') fail('TT4004', { operator: op, expected: typeName(NUMBER), got: both(side.type) });
          }
          return { type: NUMBER, js: `(${left.js} ${op} ${right.js})` };
        }
        return fail('TT4007', { construct: op });
      }
      case 'ArrayExpression':
        return fail('TT4007', { construct: '[…] (chỉ dùng sau `in` / only after `in`)' });
      default:
        return fail('TT4007', { construct: node.type });
    }
  };

  /** `x in ["a", "b"]` (value among literals) or `"a" in list_field` (multi-choice holds a value). */
  const membership = (leftNode: Expression, rightNode: Expression): { type: ExprType; js: string } => {
    if (rightNode.type === 'ArrayExpression') {
      const left = walk(leftNode);
      const elements = (rightNode as unknown as { elements: Expression[] }).elements;
      const values: string[] = [];
      for (const e of elements) {
        const lit = e as { type: string; value?: unknown };
        if (lit?.type !== 'Literal' || (typeof lit.value !== 'string' && typeof lit.value !== 'number')) {
          fail('TT4004', { operator: 'in', expected: { vi: 'danh sách giá trị cố định', en: 'a list of literal values' }, got: e?.type ?? '?' });
        }
        if (typeof lit.value === 'string') checkOption(lit.value, left.type);
        values.push(JSON.stringify(lit.value));
      }
      if (!['string', 'number'].includes(left.type.kind)) {
        fail('TT4004', { operator: 'in', expected: { vi: 'chuỗi hoặc số', en: 'a string or number' }, got: both(left.type) });
      }
      return { type: BOOLEAN, js: `[${values.join(', ')}].includes(${left.js})` };
    }
    const left = walk(leftNode);
    const right = walk(rightNode);
    if (right.type.kind !== 'list') {
      fail('TT4004', { operator: 'in', expected: { vi: 'danh sách lựa chọn ở vế phải', en: 'a list on the right' }, got: both(right.type) });
    }
    if (left.type.kind !== 'string') fail('TT4004', { operator: 'in', expected: typeName(STRING), got: both(left.type) });
    if (leftNode.type === 'Literal') checkOption(String((leftNode as { value: unknown }).value), right.type);
    return { type: BOOLEAN, js: `r.has(${right.js}, ${left.js})` };
  };

  try {
    const { type, js } = walk(parsed.ast as Expression);
    if (expected !== 'any' && type.kind !== expected) {
      problems.push({ code: 'TT4008', params: { expected: typeName({ kind: expected } as ExprType), got: both(type) } });
    }
    return problems.length ? { type, problems } : { type, js, problems };
  } catch (error) {
    if (error instanceof Failed) return { problems };
    throw error;
  }
}
