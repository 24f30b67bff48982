import jsep, { type Expression } from 'jsep';

// The language is a small subset of JavaScript expression syntax; `in` is added for
// membership tests and the operators the language does not have are removed so they
// fail as syntax errors rather than later.
jsep.addBinaryOp('in', 7);
for (const op of ['%', '|', '^', '&', '<<', '>>', '>>>', '===', '!==', '??']) jsep.removeBinaryOp(op);
for (const op of ['~', '+']) jsep.removeUnaryOp(op);

export type ParseResult = { ast: Expression; error?: undefined } | { ast?: undefined; error: { message: string; index: number } };

export function parseExpression(source: string): ParseResult {
  try {
    return { ast: jsep(source) };
  } catch (error) {
    const e = error as { description?: string; message?: string; index?: number };
    return { error: { message: e.description ?? e.message ?? String(error), index: e.index ?? 0 } };
  }
}
