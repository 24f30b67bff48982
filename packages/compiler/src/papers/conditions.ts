import * as runtime from '@thutuc/core/runtime';
import type { Condition } from '@thutuc/core/runtime';

/**
 * Turns a procedure's compiled conditions (the JavaScript text `checkCatalogue` writes into
 * `conditions.js`) into functions, so tools can compute fees and check documents straight
 * from the YAML without building the catalogue first.
 *
 * This runs in Node only (the CLI and tests), never in a browser: generated modules keep
 * importing ahead-of-time code. The text is safe to evaluate for the same reason it is safe
 * to write into `conditions.js`: every identifier was checked against the procedure's scope
 * and every literal is JSON, so it can only be code the compiler chose to write.
 */
export function compileConditions(texts: Readonly<Record<string, string>>): Record<string, Condition> {
  const out: Record<string, Condition> = {};
  for (const [key, js] of Object.entries(texts)) {
    // Same shape as the template: `(d, c, it) => <expression>`, with the runtime as `r`.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    out[key] = new Function('r', `"use strict"; return (d, c, it) => ${js};`)(runtime) as Condition;
  }
  return out;
}
