import { ThutucError } from '@thutuc/runtime';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * JSON Schema → validator source code, generated ahead of time by ajv's standalone mode so
 * that nothing is compiled from strings in a browser (strict CSP, no `unsafe-eval`).
 */
let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  ajv ??= new Ajv2020({
    code: { source: true, esm: true, lines: false },
    allErrors: true,
    strict: true,
    // Shared definitions (uploaded files) become one function each instead of a copy per use.
    inlineRefs: false,
    // Messages come from @thutuc/runtime in Vietnamese and English.
    messages: false,
  });
  return ajv;
}

/** Runtime helpers ajv's code may require, and where our runtime provides them. */
const RUNTIME_REQUIRES: Record<string, string> = {
  'require("ajv/dist/runtime/ucs2length").default': 'r.ucs2length',
};

/** ajv wrote code the runtime cannot carry; a bug to report rather than a catalogue mistake. */
export class ValidatorCodeError extends ThutucError {
  override name = 'ValidatorCodeError';
}

/**
 * Returns the body of an ES module that defines `validateSchema`. It expects the runtime to
 * be imported as `r`. Any helper we do not map is refused rather than shipped broken.
 */
export function validatorSource(schema: Record<string, unknown>): string {
  const ajv = instance();
  const id = schema.$id as string;
  ajv.removeSchema(id);
  // Descriptions serve types and docs; the shipped validator only needs the rules.
  const validate = ajv.compile(withoutDescriptions(schema) as Record<string, unknown>);
  let code = standaloneCode.default(ajv, validate);
  ajv.removeSchema(id);
  for (const [from, to] of Object.entries(RUNTIME_REQUIRES)) code = code.split(from).join(to);
  const leftover = /require\(("[^"]+")\)/.exec(code);
  if (leftover) throw new ValidatorCodeError({ vi: `trình kiểm tra cần hàm hỗ trợ chưa có trong runtime: ${leftover[1]}`, en: `unsupported runtime helper ${leftover[1]}` });
  code = renumber(code);
  // Drop ajv's own export lines; the module template exports what it needs.
  code = code.replace(/^"use strict";/, '').replace(/export const validate = (\w+);export default \w+;/, 'const validateSchema = $1;');
  if (!code.includes('const validateSchema = ')) throw new ValidatorCodeError({ vi: 'ajv sinh mã không như dự kiến', en: 'unexpected standalone output' });
  return code;
}

function withoutDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // Under `properties` keys are field names, so only drop string-valued annotations.
      if ((k === 'description' || k === '$schema') && typeof v === 'string') continue;
      out[k] = withoutDescriptions(v);
    }
    return out;
  }
  return node;
}

/**
 * ajv numbers its generated names (validate20, schema31…) with counters shared by every
 * schema the instance compiles, so the same procedure would get different names depending
 * on what was compiled before it. Renumbering them in order of appearance makes the output
 * depend on the procedure alone. String literals and property accesses are left alone.
 */
function renumber(code: string): string {
  const names = new Map<string, string>();
  const next = new Map<string, number>();
  return code.replace(/"(?:[^"\\]|\\.)*"|(\.)?\b(validate|schema|pattern|func|formats|wrapper)(\d+)\b/g, (whole, dot: string | undefined, prefix: string | undefined) => {
    if (!prefix || dot) return whole;
    let name = names.get(whole);
    if (!name) {
      const n = next.get(prefix) ?? 0;
      next.set(prefix, n + 1);
      name = `${prefix}${n}`;
      names.set(whole, name);
    }
    return name;
  });
}
