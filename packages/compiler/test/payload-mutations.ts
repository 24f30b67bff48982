import fc from 'fast-check';

/**
 * Payloads that differ from real example submissions in a few places, to compare validators
 * where they are most likely to part: at limits, with the wrong types, with names the schema
 * knows and names it does not.
 */

type Json = unknown;
type Path = (string | number)[];

/** Property names and enum values found anywhere in a schema, to mutate with plausible ones. */
function vocabulary(schema: unknown, names = new Set<string>(), values = new Set<string>()): { names: string[]; values: string[] } {
  if (Array.isArray(schema)) for (const s of schema) vocabulary(s, names, values);
  else if (schema && typeof schema === 'object') {
    const s = schema as Record<string, unknown>;
    if (s.properties && typeof s.properties === 'object') for (const n of Object.keys(s.properties)) names.add(n);
    if (Array.isArray(s.enum)) for (const v of s.enum) values.add(String(v));
    for (const v of Object.values(s)) vocabulary(v, names, values);
  }
  return { names: [...names], values: [...values] };
}

/** Strings around the lengths payload schemas use, counted in UTF-16 units or in code points. */
const lengthy = fc
  .tuple(fc.constantFrom(0, 1, 2, 254, 255, 256, 299, 300, 301, 499, 500, 501, 3999, 4000, 4001), fc.constantFrom('a', 'ễ', '𝒜', '😀', '\uD83D', '\uDE00', 'a𝒜'), fc.boolean())
  .map(([n, unit, half]) => unit.repeat(half ? Math.ceil(n / 2) : n));

const numbers = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 1.5, 1899, 1900, 2026, 10485760, 10485761, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
);

/** Values the checks beyond the schema look at: blanks, impossible and bounding dates, tax codes, codes. */
const tricky = fc.constantFrom('', '   ', '2026-02-30', '2024-02-29', '1899-12-31', '1900-01-01', '2026-07-01', '2099-01-01', '0100109106', '0100109107', '0100109106-001', '01', '79', '99', '00004', '26734');

function valueArb(values: string[]): fc.Arbitrary<Json> {
  const scalar = fc.oneof(fc.string(), lengthy, numbers, fc.boolean(), fc.constant(null), tricky, values.length ? fc.constantFrom(...values) : fc.string());
  const file = fc.record(
    { name: fc.oneof(fc.string(), lengthy), type: fc.oneof(fc.constantFrom('application/pdf', 'image/png', 'text/plain'), scalar), size: numbers, sha256: fc.oneof(fc.constant('a'.repeat(64)), fc.stringMatching(/^[0-9a-g]{63,65}$/), scalar), extra: scalar },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(file, { maxLength: 7 }) },
    // Lists of choices, half of them repeating their first item beside whatever else is wrong.
    { weight: 1, arbitrary: fc.tuple(fc.array(scalar, { maxLength: 4 }), fc.boolean()).map(([list, repeat]) => (repeat ? [...list, ...list.slice(0, 1)] : list)) },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), scalar, { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.record({ province: fc.oneof(tricky, scalar), commune: fc.oneof(tricky, scalar), street: scalar }, { requiredKeys: [] }) },
  );
}

interface Mutation {
  kind: 'drop' | 'add' | 'replace' | 'duplicate' | 'root' | 'field';
  at: number;
  key: string;
  value: Json;
}

/** Every path to a value inside the payload, the root included. */
function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function apply(payload: Json, generated: Mutation): Json {
  // A copy, so a value generated once and used by two mutations never ends up inside itself.
  const m = { ...generated, value: structuredClone(generated.value) };
  if (m.kind === 'root') return m.value;
  const all = paths(payload);
  const target = all[m.at % all.length]!;
  const parentPath = target.slice(0, -1);
  let parent = payload as Record<string | number, Json>;
  for (const p of parentPath) parent = parent[p] as Record<string | number, Json>;
  const last = target.at(-1);
  const here = last === undefined ? payload : parent[last];
  switch (m.kind) {
    case 'field':
      // A form field the schema knows, given a value the checks beyond the schema look at.
      if (payload && typeof payload === 'object' && (payload as Record<string, Json>).data && typeof (payload as Record<string, Json>).data === 'object') ((payload as Record<string, Record<string, Json>>).data!)[m.key] = m.value;
      return payload;
    case 'drop':
      if (last === undefined) return payload;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      return payload;
    case 'add':
      // An own property even for `__proto__`, as JSON.parse makes it.
      if (here && typeof here === 'object' && !Array.isArray(here)) Object.defineProperty(here, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(here)) here.push(m.value);
      return payload;
    case 'duplicate':
      if (Array.isArray(here) && here.length) here.push(structuredClone(here[m.at % here.length]));
      return payload;
    default:
      if (last === undefined) return m.value;
      parent[last] = m.value;
      return payload;
  }
}

/** A valid or invalid example with one to four mutations applied. */
export function mutatedPayload(examples: Json[], schema: Json): fc.Arbitrary<Json> {
  const { names, values } = vocabulary(schema);
  const anywhere = fc.record({
    kind: fc.constantFrom<Mutation['kind']>('drop', 'add', 'add', 'replace', 'replace', 'replace', 'duplicate', 'root'),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...names), fc.string(), fc.constantFrom('__proto__', 'constructor', 'a/b~c')),
    value: valueArb(values),
  });
  const field = fc.record({ kind: fc.constant<Mutation['kind']>('field'), at: fc.nat(), key: fc.constantFrom(...names), value: tricky as fc.Arbitrary<Json> });
  const mutation = fc.oneof({ weight: 3, arbitrary: anywhere }, { weight: 1, arbitrary: field });
  return fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([example, mutations]) => {
    // Replacing the whole payload counts only as the first mutation; later ones work inside it.
    const inside = mutations.filter((m, i) => m.kind !== 'root' || i === 0);
    return inside.reduce<Json>((payload, m) => apply(payload, m), structuredClone(example));
  });
}
