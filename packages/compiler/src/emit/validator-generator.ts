import { ThutucError, patternCheck } from '@thutuc/runtime';
import { ModuleConstants, member, pathCode, pointerSegment, type PathPart } from './validator-code.js';

/**
 * A submission schema → the source of a validator specialised for the small vocabulary
 * submission-schema.ts writes. It reports exactly the errors ajv (`allErrors: true`) reports,
 * in ajv's order — type checks, enum, then the keywords of the type's group in ajv's rule
 * order — so `validate()` gives the same verdict and messages as before, with code a fraction
 * of the size and nothing compiled from strings at runtime. Anything outside the vocabulary
 * stops the build: a validator must never check less than its schema says.
 */

/** The schema holds something the generator does not handle; the build fails with TT5002. */
export class ValidatorCodeError extends ThutucError {
  override name = 'ValidatorCodeError';
}

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'title', '$comment']);
const ROOT_ONLY = new Set(['$schema', '$id', '$defs']);

/**
 * Keywords allowed beside `type`, by type, in the order ajv checks them (its validation
 * vocabulary before its applicators, except `items`, which ajv puts before `uniqueItems`).
 */
const KEYWORDS: Record<string, readonly string[]> = {
  string: ['enum', 'maxLength', 'minLength', 'pattern'],
  number: ['maximum', 'minimum'],
  integer: ['maximum', 'minimum'],
  boolean: [],
  array: ['maxItems', 'minItems', 'items', 'uniqueItems'],
  object: ['required', 'additionalProperties', 'properties'],
};

/** ajv's checkDataType with `strictNumbers` (its default). */
function isType(type: string, x: string): string {
  switch (type) {
    case 'string':
      return `typeof ${x} == "string"`;
    case 'boolean':
      return `typeof ${x} == "boolean"`;
    case 'number':
      return `typeof ${x} == "number" && isFinite(${x})`;
    case 'integer':
      return `typeof ${x} == "number" && !(${x} % 1) && !isNaN(${x}) && isFinite(${x})`;
    case 'array':
      return `Array.isArray(${x})`;
    default:
      return `${x} && typeof ${x} == "object" && !Array.isArray(${x})`;
  }
}

/** Whether `keyword` is checked only for data of the type's group (ajv's `RULES.rules`). */
const inGroup = (keyword: string) => keyword !== 'enum';

/** Whether `n` fits where the schema wants a count: a non-negative integer. */
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

export function generateValidator(root: Schema): string {
  const constants = new ModuleConstants();
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  const defNames = new Map<string, string>();
  const defCode: string[] = [];
  let vars = 1;

  const fail = (at: string, what: string): never => {
    throw new ValidatorCodeError({ vi: `lược đồ hồ sơ có ${what} tại ${at || '/'}, trình kiểm tra chưa hỗ trợ`, en: `the payload schema has ${what} at ${at || '/'}, which the validator generator does not support` });
  };
  const error = (path: readonly PathPart[], keyword: string, params: string) => `E = err(E, ${pathCode(path)}, "${keyword}", ${params});`;

  /** A `$ref` becomes a call of the definition's function, generated once. */
  function ref(schema: Schema, x: string, path: readonly PathPart[], at: string): string {
    for (const key of Object.keys(schema)) if (key !== '$ref' && !ANNOTATIONS.has(key)) fail(at, `"${key}" beside "$ref"`);
    const target = /^#\/\$defs\/([^/~]+)$/.exec(String(schema.$ref))?.[1];
    if (target === undefined || !Object.hasOwn(defs, target)) return fail(at, `"$ref": ${JSON.stringify(schema.$ref)}`);
    let name = defNames.get(target);
    if (!name) {
      name = `d${defNames.size}`;
      defNames.set(target, name);
      const saved = vars;
      vars = 1;
      const body = node(defs[target]!, 'x0', [{ name: 'a' }, { name: 'i' }], `/$defs/${target}`);
      vars = saved;
      defCode.push(`function ${name}(x0, a, i, E) {\n${body}\nreturn E;\n}`);
    }
    // The function gets its path as a prefix and a last part, so a loop passes its index
    // without building the path string for items that turn out valid.
    const last = path.at(-1);
    const [prefix, tail] = last && 'name' in last ? [path.slice(0, -1), last.name] : [path, '""'];
    return `E = ${name}(${x}, ${pathCode(prefix)}, ${tail}, E);`;
  }

  function node(schema: Schema, x: string, path: readonly PathPart[], at: string): string {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return fail(at, 'a schema that is not an object');
    if ('$ref' in schema) return ref(schema, x, path, at);
    const type = schema.type;
    if (typeof type !== 'string' || !(type in KEYWORDS)) return fail(at, `"type": ${JSON.stringify(type)}`);
    const allowed = KEYWORDS[type]!;
    const used: string[] = [];
    for (const key of Object.keys(schema)) {
      if (key === 'type' || ANNOTATIONS.has(key) || (at === '' && ROOT_ONLY.has(key))) continue;
      if (!allowed.includes(key)) fail(at, `"${key}" on a "${type}" value`);
      used.push(key);
    }
    const ordered = allowed.filter((k) => used.includes(k));
    const grouped = ordered.filter(inGroup);
    // ajv checks the type first unless the type's own keywords are present (then the type
    // error is the else-branch of their group, after enum); integer has no group of its own.
    const typeFirst = grouped.length === 0 || type === 'integer';
    const code: string[] = [];
    const typeError = error(path, 'type', `{type: "${type}"}`);
    if (typeFirst) code.push(`if (!(${isType(type, x)})) ${typeError}`);
    if (used.includes('enum')) code.push(enumCheck(schema.enum, x, path, at));
    if (grouped.length) {
      // Required properties are read once, up front: `required` and their own checks use the
      // same variable (a form's data is often a dictionary-mode object, where every read is a
      // hash lookup). The others are read where they are checked, which minifies better.
      const loaded = loadProperties(schema.properties, schema.required, x);
      const checks = [...(loaded.size ? [`const ${[...loaded].map(([name, v]) => `${v} = ${member(x, name)}`).join(', ')};`] : []), ...grouped.map((k) => keyword(k, schema, x, path, at, loaded))].join('\n');
      const guard = type === 'integer' ? isType('number', x) : isType(type, x);
      code.push(`if (${guard}) {\n${checks}\n}${typeFirst ? '' : ` else ${typeError}`}`);
    }
    return code.join('\n');
  }

  function enumCheck(values: unknown, x: string, path: readonly PathPart[], at: string): string {
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) return fail(at, 'an "enum" that is not a list of strings');
    const list = constants.list(values);
    const test = values.length <= 8 ? values.map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ') : `${list}.includes(${x})`;
    return `if (!(${test})) ${error(path, 'enum', `{allowedValues: ${list}}`)}`;
  }

  /** Required property name → the variable its value is read into up front (see node). */
  function loadProperties(properties: unknown, required: unknown, x: string): Map<string, string> {
    const loaded = new Map<string, string>();
    if (!properties || typeof properties !== 'object' || Array.isArray(properties) || !Array.isArray(required)) return loaded;
    for (const name of Object.keys(properties)) if (required.includes(name)) loaded.set(name, `x${vars++}`);
    return loaded;
  }

  function keyword(key: string, schema: Schema, x: string, path: readonly PathPart[], at: string, loaded: ReadonlyMap<string, string>): string {
    const value = schema[key];
    const count = () => (isCount(value) ? value : fail(at, `"${key}": ${JSON.stringify(value)}`));
    const limit = () => (typeof value === 'number' && Number.isFinite(value) ? value : fail(at, `"${key}": ${JSON.stringify(value)}`));
    switch (key) {
      // Lengths count code points (ajv's ucs2length), never more than UTF-16 units: the
      // counting runs only when the unit count alone cannot decide.
      case 'maxLength':
        return `if (${x}.length > ${count()} && ucs(${x}) > ${value}) ${error(path, key, `{limit: ${value}}`)}`;
      case 'minLength':
        return `if (${x}.length < ${2 * count()} && ucs(${x}) < ${value}) ${error(path, key, `{limit: ${value}}`)}`;
      case 'pattern': {
        if (typeof value !== 'string') return fail(at, '"pattern" that is not a string');
        // The patterns every form uses have a runtime function answering the same, faster.
        const check = patternCheck(value);
        const test = check ? `${constants.runtime(check[0])}(${[x, ...check.slice(1)].join(', ')})` : `${constants.pattern(value)}.test(${x})`;
        return `if (!${test}) ${error(path, key, `{pattern: ${JSON.stringify(value)}}`)}`;
      }
      case 'maximum':
        return `if (${x} > ${limit()}) ${error(path, key, `{comparison: "<=", limit: ${value}}`)}`;
      case 'minimum':
        return `if (${x} < ${limit()}) ${error(path, key, `{comparison: ">=", limit: ${value}}`)}`;
      case 'maxItems':
        return `if (${x}.length > ${count()}) ${error(path, key, `{limit: ${value}}`)}`;
      case 'minItems':
        return `if (${x}.length < ${count()}) ${error(path, key, `{limit: ${value}}`)}`;
      case 'uniqueItems':
        return uniqueItems(schema, x, path, at);
      case 'items':
        return items(value as Schema, x, path, at);
      case 'required':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return fail(at, '"required" that is not a list of names');
        return value.map((name: string) => `if (${loaded.get(name) ?? member(x, name)} === undefined) ${error(path, key, `{missingProperty: ${JSON.stringify(name)}}`)}`).join('\n');
      case 'additionalProperties':
        if (value !== false) return fail(at, `"additionalProperties": ${JSON.stringify(value)}`);
        return additionalProperties(schema, x, path);
      default:
        return properties(value, x, path, at, loaded);
    }
  }

  /** ajv's loop for scalar items: from the end, the first repeat reports both indices. */
  function uniqueItems(schema: Schema, x: string, path: readonly PathPart[], at: string): string {
    const itemType = (schema.items as Schema | undefined)?.type;
    if (schema.uniqueItems !== true || !['string', 'number', 'integer', 'boolean'].includes(itemType as string)) return fail(at, '"uniqueItems" on items that are not one scalar type');
    const [i, seen, item] = [`i${vars}`, `s${vars}`, `v${vars++}`];
    return `if (${x}.length > 1) {\nconst ${seen} = {};\nfor (let ${i} = ${x}.length; ${i}--;) {\nconst ${item} = ${x}[${i}];\nif (!(${isType(itemType as string, item)})) continue;\nif (typeof ${seen}[${item}] == "number") { ${error(path, 'uniqueItems', `{i: ${i}, j: ${seen}[${item}]}`)} break; }\n${seen}[${item}] = ${i};\n}\n}`;
  }

  function items(schema: Schema, x: string, path: readonly PathPart[], at: string): string {
    const [i, item] = [`i${vars}`, `x${vars++}`];
    const body = node(schema, item, [...path, { text: '/' }, { name: i }], `${at}/items`);
    return `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\nconst ${item} = ${x}[${i}];\n${body}\n}`;
  }

  function additionalProperties(schema: Schema, x: string, path: readonly PathPart[]): string {
    const names = Object.keys((schema.properties ?? {}) as Schema);
    const key = `k${vars++}`;
    const report = error(path, 'additionalProperties', `{additionalProperty: ${key}}`);
    if (names.length === 0) return `for (const ${key} in ${x}) ${report}`;
    if (names.length <= 8) return `for (const ${key} in ${x}) if (!(${names.map((n) => `${key} === ${JSON.stringify(n)}`).join(' || ')})) ${report}`;
    // Keys mostly come in the schema's order (forms and JSON keep it): each is first compared
    // with the name after the last one found, and only looked up when it is not that one.
    const { list, index } = constants.keys(names);
    const [next, found] = [`j${vars}`, `f${vars++}`];
    return `{\nlet ${next} = 0;\nfor (const ${key} in ${x}) {\nif (${key} === ${list}[${next}]) ${next}++;\nelse {\nconst ${found} = ${index}.get(${key});\nif (${found} === undefined) ${report}\nelse ${next} = ${found} + 1;\n}\n}\n}`;
  }

  function properties(value: unknown, x: string, path: readonly PathPart[], at: string, loaded: ReadonlyMap<string, string>): string {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(at, '"properties" that is not an object');
    return Object.entries(value as Record<string, Schema>)
      .map(([name, sub]) => {
        const v = loaded.get(name) ?? `x${vars++}`;
        const body = node(sub, v, [...path, { text: pointerSegment(name) }], `${at}/properties${pointerSegment(name)}`);
        return loaded.has(name) ? `if (${v} !== undefined) {\n${body}\n}` : `{\nconst ${v} = ${member(x, name)};\nif (${v} !== undefined) {\n${body}\n}\n}`;
      })
      .join('\n');
  }

  const body = node(root, 'x0', [], '');
  return [
    'const err = r.schemaError;',
    'const ucs = r.ucs2length;',
    constants.code(),
    ...defCode,
    `function validateSchema(x0) {\nlet E = null;\n${body}\nvalidateSchema.errors = E;\nreturn E === null;\n}`,
  ]
    .filter(Boolean)
    .join('\n');
}
