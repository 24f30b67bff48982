import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * The envelope schema uses more of JSON Schema (examples, titles, maxProperties, schemas under
 * additionalProperties) than the compiler's payload validators support, so its validator is
 * ajv's standalone code, generated here at development time and committed.
 */
function ajvSource(schema) {
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: false }, allErrors: true, strict: true, inlineRefs: false, messages: false });
  let code = standaloneCode.default(ajv, ajv.compile(withoutDescriptions(schema)));
  code = code.split('require("ajv/dist/runtime/ucs2length").default').join('r.ucs2length');
  const leftover = /require\(("[^"]+")\)/.exec(code);
  if (leftover) throw new Error(`unsupported runtime helper ${leftover[1]}`);
  return renumber(code)
    .replace(/^"use strict";/, '')
    .replace(/export const validate = (\w+);export default \w+;/, 'const validateSchema = $1;');
}

/** Descriptions serve docs; the validator only needs the rules (field names under `properties` stay). */
function withoutDescriptions(node) {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'description' || k === '$schema') && typeof v === 'string') continue;
      out[k] = withoutDescriptions(v);
    }
    return out;
  }
  return node;
}

/** ajv's generated names renumbered in order of appearance, so the output depends on the schema alone. */
function renumber(code) {
  const names = new Map();
  const next = new Map();
  return code.replace(/"(?:[^"\\]|\\.)*"|(\.)?\b(validate|schema|pattern|func|formats|wrapper)(\d+)\b/g, (whole, dot, prefix) => {
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

/** The text of src/generated/envelope-validator.ts for the current envelope schema. */
export async function envelopeValidatorModule() {
  const schema = JSON.parse(await readFile(new URL('../../../schemas/submission.schema.json', import.meta.url), 'utf8'));
  return `// @ts-nocheck
// Generated from schemas/submission.schema.json by packages/intake/scripts/gen-envelope-validator.js. Do not edit.
import * as r from '@thutuc/runtime';
${ajvSource(schema)}
export const validateEnvelope: ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null } = validateSchema;
`;
}
