import { ShapeMemo } from './shape-memo.js';
import { generateValidator } from './validator-generator.js';

export { ValidatorCodeError } from './validator-generator.js';

/**
 * JSON Schema → validator source code, generated ahead of time so that nothing is compiled
 * from strings in a browser (strict CSP, no `unsafe-eval`). The same code runs in the Node
 * module and in the procedure's browser chunk.
 */
const byShape = new ShapeMemo<string>();

/**
 * Returns the body of an ES module that defines `validateSchema`. It expects the runtime to
 * be imported as `r`. A schema the generator does not fully understand throws
 * ValidatorCodeError rather than shipping a validator that checks less.
 *
 * Procedures of the same shape (same fields, rules and documents) get the same code, so it is
 * generated once per shape; descriptions and the schema's `$id` do not change the code.
 */
export function validatorSource(schema: Record<string, unknown>): string {
  const { $id: _id, $schema: _schema, ...shape } = schema;
  return byShape.get(JSON.stringify(withoutDescriptions(shape)), () => generateValidator(schema));
}

function withoutDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // Under `properties` keys are field names, so only drop string-valued annotations.
      if (k === 'description' && typeof v === 'string') continue;
      out[k] = withoutDescriptions(v);
    }
    return out;
  }
  return node;
}
