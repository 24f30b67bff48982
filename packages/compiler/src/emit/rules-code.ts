import { fieldNeedsCheck, type FieldRule, type SubmissionRules } from '@thutuc/runtime';
import { documentsSource } from './documents-code.js';
import { member, pathCode, type PathPart } from './validator-code.js';

/**
 * The field half of the runtime's submission check (checkFields in @thutuc/runtime's
 * submission.ts) written out for one procedure: the same fields in the same order, the same
 * errors, but each value read by name and each condition called directly, instead of a loop
 * over rule objects that V8 cannot specialise. The runtime runs it in place of its own loop
 * (createGeneratedValidator's `checkData`); a test compares both over every example and mutated ones.
 */

/**
 * Returns the source of `function checkData(d, ctx, errors, communes)` and of
 * `function documentsPresent(files, d, ctx)` (documents-code.ts), using `conditions` (the
 * module's table) and the runtime as `r`.
 */
export function rulesSource(rules: SubmissionRules): string {
  const conditionNames = new Map<string, string>();
  const condition = (key: string) => {
    let name = conditionNames.get(key);
    if (!name) {
      name = `c${conditionNames.size}`;
      conditionNames.set(key, name);
    }
    return name;
  };
  let vars = 0;

  function fieldList(list: readonly FieldRule[], values: string, base: readonly PathPart[], item: string): string {
    return list
      // The runtime's own rule, so the written-out checks leave out exactly the fields its loop does.
      .filter(fieldNeedsCheck)
      .map((f) => field(f, values, [...base, { text: `/${f.id}` }], item))
      .join('\n');
  }

  function field(f: FieldRule, values: string, path: readonly PathPart[], item: string): string {
    const v = `v${vars++}`;
    const at = pathCode(path);
    const call = (key: string) => `${condition(key)}(d, ctx, ${item})`;
    const visible = (f.visibleWhen ?? []).map(call).join(' && ');
    const required = f.required ? '' : f.requiredWhen !== undefined ? call(f.requiredWhen) : undefined;
    const missing = required === undefined ? '' : required === '' ? `errors.push(${at}, "required");` : `if (${required}) errors.push(${at}, "required");`;
    const lines = [`const ${v} = ${member(values, f.id)};`];
    const filledCheck = filledBranch(f, v, path);
    let body = missing ? `if (!r.filled(${v})) { ${missing} }${filledCheck ? ` else ${filledCheck}` : ''}` : filledCheck ? `if (r.filled(${v})) ${filledCheck}` : '';
    if (visible) body = `if (!(${visible})) { if (r.filled(${v})) errors.push(${at}, "hidden"); }${body ? ` else ${body}` : ''}`;
    lines.push(body);
    return `{\n${lines.join('\n')}\n}`;
  }

  /** What a filled-in value of the field's type is checked for, as a block (or nothing). */
  function filledBranch(f: FieldRule, v: string, path: readonly PathPart[]): string {
    const at = pathCode(path);
    switch (f.type) {
      case 'date': {
        const bounds = [
          ...(f.minDate !== undefined ? [`else if (${v} < ${JSON.stringify(f.minDate)}) errors.push(${at}, "minimum", {limit: ${JSON.stringify(f.minDate)}});`] : []),
          ...(f.maxDate !== undefined ? [`else if (${v} > ${JSON.stringify(f.maxDate)}) errors.push(${at}, "maximum", {limit: ${JSON.stringify(f.maxDate)}});`] : []),
        ];
        return `{ if (typeof ${v} == "string") { if (!r.isIsoDate(${v})) errors.push(${at}, "date"); ${bounds.join(' ')} } }`;
      }
      case 'tax_code':
        return `{ if (typeof ${v} == "string" && !r.isTaxCode(${v})) errors.push(${at}, "checksum"); }`;
      case 'address':
        return `{ if (communes !== undefined && ${isObject(v)}) r.checkAddress(${v}, ${at}, communes, errors); }`;
      default: {
        if (f.fields === undefined) return '';
        const [n, entry] = [`n${vars}`, `e${vars++}`];
        const inner = fieldList(f.fields, entry, [...path, { text: '/' }, { name: n }], entry);
        return `{ if (Array.isArray(${v})) for (let ${n} = 0; ${n} < ${v}.length; ${n}++) { const ${entry} = ${v}[${n}]; if (${isObject(entry)}) {\n${inner}\n} } }`;
      }
    }
  }

  const body = fieldList(rules.fields, 'd', [{ text: '/data' }], 'undefined');
  const documents = documentsSource(rules, condition);
  const declarations = [...conditionNames].map(([key, name]) => `const ${name} = conditions[${JSON.stringify(key)}];`);
  return [...declarations, `function checkData(d, ctx, errors, communes) {\n${body}\n}`, documents].join('\n');
}

function isObject(x: string): string {
  return `typeof ${x} == "object" && ${x} !== null && !Array.isArray(${x})`;
}
