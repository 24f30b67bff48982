import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { diagnostic, type Diagnostic, type LocalizedText } from '../diagnostics/diagnostic.js';
import { schemas } from '../generated/schemas.js';
import { isPlainNumberNode, type ParsedSource } from '../source/parse.js';
import { didYouMean } from '../suggest.js';
import { KIND_SCHEMAS, KINDS, isKind, type Kind, type KindModel } from './kinds.js';
import { ANNOTATION_KEYWORDS, around, schemaMessage } from './schema-messages.js';

let ajv: Ajv2020 | undefined;
const validators = new Map<Kind, ValidateFunction>();

/** Compiled once per process: the catalogue's own schemas, checked strictly. */
function validatorFor(kind: Kind): ValidateFunction {
  let validate = validators.get(kind);
  if (validate) return validate;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
    // What editors read (yaml-language-server, VS Code); `errorMessage` is worded into diagnostics below.
    ajv.addVocabulary(ANNOTATION_KEYWORDS);
    for (const [file, schema] of Object.entries(schemas)) ajv.addSchema(schema as object, file);
  }
  validate = ajv.getSchema(KIND_SCHEMAS[kind])!;
  validators.set(kind, validate);
  return validate;
}

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { vi: 'chuỗi ký tự', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  integer: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true/false', en: 'true/false' },
  object: { vi: 'đối tượng (các cặp khóa: giá trị)', en: 'a mapping (key: value pairs)' },
  array: { vi: 'danh sách (các dòng "- …")', en: 'a list ("- …" lines)' },
  null: { vi: 'rỗng', en: 'empty' },
};

function typeWord(type: string): LocalizedText {
  return TYPE_WORDS[type] ?? { vi: type, en: type };
}

function describeValue(value: unknown): LocalizedText {
  if (value === null || value === undefined) return { vi: 'giá trị rỗng', en: 'an empty value' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof value === 'object') return { vi: 'một đối tượng', en: 'a mapping' };
  const shown = JSON.stringify(value).slice(0, 60);
  if (typeof value === 'string') return { vi: `chuỗi ${shown}`, en: `the string ${shown}` };
  if (typeof value === 'number') return { vi: `số ${shown}`, en: `the number ${shown}` };
  return { vi: shown, en: shown };
}

function joinBoth(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { vi: a.vi + b.vi, en: a.en + b.en };
}

const COMPARISON_WORDS: Record<string, LocalizedText> = {
  '>=': { vi: 'lớn hơn hoặc bằng', en: 'at least' },
  '<=': { vi: 'nhỏ hơn hoặc bằng', en: 'at most' },
  '>': { vi: 'lớn hơn', en: 'greater than' },
  '<': { vi: 'nhỏ hơn', en: 'less than' },
};

function firstExample(schema: unknown): string {
  const examples = (schema as { examples?: unknown[] } | undefined)?.examples;
  return examples && examples.length > 0 ? JSON.stringify(examples[0]) : '—';
}

/**
 * In `{ vi: Tiếp nhận, xem xét hồ sơ }` the comma ends the value, so "xem xét hồ sơ" reads as
 * a key. Inside a flow mapping, an unknown key right after a plain text value gets a hint to
 * quote the whole text.
 */
function flowHint(source: ParsedSource, path: string, property: string): LocalizedText | undefined {
  const parent = source.nodeAt(path) as { flow?: boolean; items?: { key?: { value?: unknown }; value?: { value?: unknown; type?: string } }[] } | undefined;
  if (!parent?.flow || !Array.isArray(parent.items)) return undefined;
  const index = parent.items.findIndex((pair) => pair.key?.value === property);
  const before = index > 0 ? parent.items[index - 1]?.value : undefined;
  if (!before || typeof before.value !== 'string' || before.type !== 'PLAIN') return undefined;
  const joined = `${before.value}, ${property}`;
  return {
    vi: ` Trong { … }, dấu phẩy, dấu hai chấm và dấu # ngắt nội dung: nếu \`${property}\` thuộc nội dung phía trước, hãy đặt cả chuỗi trong dấu nháy, ví dụ "${joined}".`,
    en: ` Inside { … }, a comma, colon or # ends the text: if \`${property}\` belongs to the text before it, put the whole text in quotes, e.g. "${joined}".`,
  };
}

/**
 * Turns one ajv error into a diagnostic that points at the YAML node it is about, worded by the
 * schema's own `errorMessage` when it has one (the editor shows that text for the same mistake);
 * the specific hint (did you mean, quote it) follows it.
 */
function toDiagnostic(error: ErrorObject, source: ParsedSource): Diagnostic | undefined {
  const generic = genericDiagnostic(error, source);
  const worded = schemaMessage(error);
  if (!generic || !worded) return generic;
  if (error.keyword === 'additionalProperties') {
    const property = (error.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    // A comma that split a flow mapping's text is the real story; the schema's wording would hide it.
    if (flowHint(source, error.instancePath, property)) return generic;
    const hint = didYouMean(property, allowed);
    return { ...generic, message: around({ vi: `Khóa \`${property}\` không có ở đây. `, en: `The key \`${property}\` is not allowed here. ` }, worded, hint) };
  }
  // The fourth part of a good message: what was actually written.
  const got = describeValue(error.data);
  const received = { vi: ` Nhận được ${got.vi}.`, en: ` Got ${got.en}.` };
  const hint =
    error.keyword === 'enum' && typeof error.data === 'string'
      ? didYouMean(error.data, (error.params as { allowedValues: unknown[] }).allowedValues.map(String))
      : { vi: '', en: '' };
  return { ...generic, message: around({ vi: '', en: '' }, worded, joinBoth(received, hint)) };
}

function genericDiagnostic(error: ErrorObject, source: ParsedSource): Diagnostic | undefined {
  const at = (pointer: string, key = false) => source.locate(pointer, { key });
  const path = error.instancePath;
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing `then` branch reports the real problem
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return diagnostic('TT2002', at(`${path}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`, true), {
        property,
        hint: flowHint(source, path, property) ?? didYouMean(property, allowed),
      });
    }
    case 'type': {
      const expected = String((error.params as { type: string | string[] }).type).split(',');
      let got = describeValue(error.data);
      // `code: 1.001193` is read as a number; the fix is quoting it.
      if (expected.includes('string') && isPlainNumberNode(source.nodeAt(path))) {
        const raw = String((source.nodeAt(path) as { source?: string } | undefined)?.source ?? error.data);
        got = joinBoth(got, { vi: ` — hãy đặt trong dấu nháy: "${raw}"`, en: ` — put it in quotes: "${raw}"` });
      }
      const words = expected.map(typeWord);
      return diagnostic('TT2003', at(path), {
        expected: { vi: words.map((w) => w.vi).join(' hoặc '), en: words.map((w) => w.en).join(' or ') },
        got,
      });
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
      const got = describeValue(error.data);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, (error.params as { allowedValues: string[] }).allowedValues.map(String)) : { vi: '', en: '' };
      return diagnostic('TT2004', at(path), { got: joinBoth(got, hint), allowed });
    }
    case 'const':
      return diagnostic('TT2009', at(path), { allowed: JSON.stringify((error.params as { allowedValue: unknown }).allowedValue) });
    case 'pattern':
      return diagnostic('TT2005', at(path), { pattern: (error.params as { pattern: string }).pattern, example: firstExample(error.parentSchema) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      return diagnostic('TT2006', at(path), { comparison: COMPARISON_WORDS[comparison] ?? comparison, limit });
    }
    case 'minLength':
    case 'minItems':
      return diagnostic('TT2007', at(path), { comparison: COMPARISON_WORDS['>=']!, limit: (error.params as { limit: number }).limit });
    case 'maxLength':
    case 'maxItems':
      return diagnostic('TT2007', at(path), { comparison: COMPARISON_WORDS['<=']!, limit: (error.params as { limit: number }).limit });
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return diagnostic('TT2008', at(path), { i: j, j: i });
    }
    case 'propertyNames':
      return undefined; // forbidden keys are reported by the parser (TT1011)
    default:
      return diagnostic('TT2010', at(path), { keyword: error.keyword });
  }
}

/**
 * Several missing properties of one mapping make one diagnostic, not one each; a schema that
 * says why they are needed (its `errorMessage`) adds its reason after the list.
 */
function missingProperties(errors: ErrorObject[], source: ParsedSource): Diagnostic[] {
  const missing = new Map<string, { path: string; properties: string[]; reason?: LocalizedText }>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const reason = schemaMessage(error);
    const key = `${error.instancePath}|${reason?.en ?? ''}`;
    const entry = missing.get(key) ?? { path: error.instancePath, properties: [], reason };
    entry.properties.push((error.params as { missingProperty: string }).missingProperty);
    missing.set(key, entry);
  }
  return [...missing.values()].map(({ path, properties, reason }) => {
    const d = diagnostic('TT2001', source.locate(path), { property: [...new Set(properties)].join('`, `') });
    return reason ? { ...d, message: around({ vi: `${d.message.vi} `, en: `${d.message.en} ` }, reason) } : d;
  });
}

export type ValidatedDocument =
  | { [K in Kind]: { kind: K; value: KindModel[K]; source: ParsedSource } }[Kind];

/**
 * Validate a parsed file against the schema of its `kind`. Returns the typed document
 * when it is valid, and the diagnostics either way.
 */
export function validateSource(source: ParsedSource): { document?: ValidatedDocument; diagnostics: Diagnostic[] } {
  const value = source.value as Record<string, unknown> | undefined;
  if (!value) return { diagnostics: [] };
  // A bundle is a procedure with members: same schema, same pipeline, checked further for its mappings.
  const kind = value.kind === 'bundle' ? 'procedure' : value.kind;
  if (!isKind(kind)) {
    const where = Object.hasOwn(value, 'kind') ? source.locate('/kind') : { file: source.file, line: 1, column: 1 };
    return { diagnostics: [diagnostic('TT1015', where, { expected: [...KINDS, 'bundle'].map((k) => `\`${k}\``).join(', ') })] };
  }
  const validate = validatorFor(kind);
  if (validate(value)) {
    return { document: { kind, value, source } as unknown as ValidatedDocument, diagnostics: [] };
  }
  const diagnostics = missingProperties(validate.errors ?? [], source);
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'required') continue;
    const d = toDiagnostic(error, source);
    if (!d) continue;
    const key = `${d.code}|${d.line}|${d.column}|${d.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  return { diagnostics };
}
