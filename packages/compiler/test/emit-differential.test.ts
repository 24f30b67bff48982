import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { compile } from 'json-schema-to-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, validatorSource } from '@thutuc/compiler';
import { payloadTypes } from '../src/emit/payload-types.js';
import { createValidator, type Condition, type SchemaValidator, type SubmissionRules, type ValidationResult } from '@thutuc/runtime';
import { fixturePayload as fixtureExample } from './fixture-payload.js';
import { mutatedPayload } from './payload-mutations.js';

/**
 * What the compiler writes itself against what the libraries it replaced wrote from the same
 * payload.schema.json. The schema check against ajv with the options the compiler used
 * (`allErrors`, strict): over every example submission in the catalogue and payloads mutated
 * from them, both give the same verdict and the same errors in the same order, which is all
 * `validate()` reads of them. The payload types against json-schema-to-typescript: the same text.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.join(root, 'test/.tmp/validator-differential');

type Validate = (payload: unknown, options?: { today?: string }) => ValidationResult;

interface Subject {
  id: string;
  schema: Record<string, unknown>;
  generated: SchemaValidator;
  ajv: SchemaValidator;
  examples: unknown[];
  /** The module's validate(), with its field checks written out… */
  validate: Validate;
  /** …and the runtime's own loop over the same rules. */
  looped: Validate;
  rules: SubmissionRules;
}
const subjects: Subject[] = [];

async function addSubjects(input: string, folder: string, extra: Record<string, unknown[]> = {}): Promise<void> {
  const outDir = path.join(out, folder);
  const result = await buildCatalogue({ inputs: [input], outDir, cwd: root, cacheDir: false });
  expect(result.ok).toBe(true);
  const files = result.analysis!.checked.files;
  const ajv = new Ajv2020({ allErrors: true, strict: true, inlineRefs: false, messages: false });
  const { communes } = await import(pathToFileURL(path.join(outDir, 'communes/codes.js')).href);
  for (const id of new Set(files.procedures.map((p) => p.value.id))) {
    const dir = path.join(outDir, 'procedures', id);
    const schema = JSON.parse(await readFile(path.join(dir, 'payload.schema.json'), 'utf8')) as Record<string, unknown>;
    // The generated code alone, as a module the test can import.
    const file = path.join(dir, 'schema-check.js');
    await writeFile(file, `import * as r from '@thutuc/runtime';\n${validatorSource(schema)}\nexport { validateSchema };\n`);
    const { validateSchema } = (await import(pathToFileURL(file).href)) as { validateSchema: SchemaValidator };
    const examples = [...files.examples.filter((e) => e.value.procedure === id).flatMap((e) => e.value.examples.map((x) => x.submission)), ...(extra[id] ?? [])];
    const module = (await import(pathToFileURL(path.join(dir, 'validate.js')).href)) as { validate: Validate; rules: SubmissionRules };
    const { conditions } = (await import(pathToFileURL(path.join(dir, 'conditions.js')).href)) as { conditions: Record<string, Condition> };
    const looped = createValidator(validateSchema, module.rules, conditions, communes) as Validate;
    subjects.push({ id, schema, generated: validateSchema, ajv: ajv.compile(schema) as SchemaValidator, examples, validate: module.validate, looped, rules: module.rules });
  }
}

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await addSubjects('catalogue', 'catalogue');
  // The fixture's example, and one variant for each check beyond the schema, so that every
  // branch of the written-out field checks is compared whatever the random payloads reach.
  const variant = (data: Record<string, unknown>) => ({ ...fixtureExample, data: { ...fixtureExample.data, ...data } });
  await addSubjects('test/fixtures/catalogue', 'fixture', {
    'thu-nghiem.mau': [
      fixtureExample,
      variant({ ngay_sinh: '1899-12-31' }),
      variant({ ngay_sinh: '2026-02-30' }),
      variant({ ho_ten: '   ' }),
      variant({ ma_so_thue: '0100109106', so_ban_sao: 3 }),
      variant({ ma_so_thue: '0100109107' }),
      variant({ so_ban_sao: 3, ly_do: '' }),
      variant({ so_ban_sao: 0 }),
      variant({ dia_chi: { province: '99', commune: '00004', street: 'x' } }),
      variant({ thanh_vien: [{ ho_ten: 'An', co_dinh_danh: false, so_dinh_danh: '001090000456' }, { co_dinh_danh: true }] }),
    ],
  });
}, 120_000);

const errorsOf = (check: SchemaValidator) => (check.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));

function agree(subject: Subject, payload: unknown): void {
  const verdict = subject.ajv(payload);
  expect(subject.generated(payload), `${subject.id}: verdict on ${JSON.stringify(payload)}`).toBe(verdict);
  expect(verdict ? [] : errorsOf(subject.generated), subject.id).toEqual(verdict ? [] : errorsOf(subject.ajv));
}

describe('the generated schema check', () => {
  it('agrees with ajv on every example submission in the catalogue', () => {
    expect(subjects.length).toBeGreaterThan(10);
    let invalid = 0;
    for (const subject of subjects) {
      expect(subject.examples.length, subject.id).toBeGreaterThan(0);
      for (const example of subject.examples) {
        agree(subject, example);
        if (!subject.ajv(example)) invalid++;
      }
    }
    // Most invalid examples break a rule beyond JSON Schema; some must reach the schema check.
    expect(invalid).toBeGreaterThan(0);
  });

  it('agrees with ajv on payloads mutated from the examples: keys dropped and added, wrong types, long astral strings, numbers out of range, bad choices, files', () => {
    let rejected = 0;
    for (const subject of subjects) {
      fc.assert(
        fc.property(mutatedPayload(subject.examples, subject.schema), (payload) => {
          agree(subject, payload);
          if (!subject.ajv(payload)) rejected++;
        }),
        { numRuns: 300 },
      );
    }
    // The mutations must mostly produce invalid payloads, or the comparison proves little.
    expect(rejected).toBeGreaterThan(subjects.length * 150);
  });

  it('gives, through validate(), the verdict and messages the runtime gives from the rules alone', () => {
    const options = { today: '2026-07-20' };
    for (const subject of subjects) {
      for (const example of subject.examples) expect(subject.validate(example, options), subject.id).toEqual(subject.looped(example, options));
      fc.assert(
        fc.property(mutatedPayload(subject.examples, subject.schema), (payload) => {
          expect(subject.validate(payload, options), subject.id).toEqual(subject.looped(payload, options));
        }),
        { numRuns: 1000 },
      );
    }
  });

  it('gives, through validate(), the verdict and messages the runtime gives with documents dropped, added or emptied, in every case and channel', () => {
    const options = { today: '2026-07-20' };
    const verdicts = { valid: 0, invalid: 0 };
    for (const subject of subjects) {
      const properties = subject.schema.properties as Record<string, { enum?: unknown[] }>;
      const choices = (name: string) => properties[name]?.enum ?? [undefined];
      const documents = subject.rules.documents;
      for (const example of subject.examples as Record<string, unknown>[]) {
        if (!example || typeof example !== 'object' || !example.documents || typeof example.documents !== 'object') continue;
        const given = example.documents as Record<string, unknown>;
        for (const kase of choices('case')) {
          for (const channel of choices('channel')) {
            const variants = [given, ...documents.flatMap(({ id, accept }) => {
              const { [id]: _dropped, ...rest } = given;
              const file = { name: `${id}.pdf`, type: accept?.[0] ?? 'application/pdf', size: 1000, sha256: 'a'.repeat(64) };
              return [rest, { ...given, [id]: [] }, { ...given, [id]: [file] }];
            })];
            for (const files of variants) {
              const payload = { ...example, case: kase, channel, documents: files };
              const result = subject.validate(payload, options);
              expect(result, subject.id).toEqual(subject.looped(payload, options));
              verdicts[result.valid ? 'valid' : 'invalid']++;
            }
          }
        }
      }
    }
    // Both answers must come up often, or the comparison proves little.
    expect(verdicts.valid).toBeGreaterThan(100);
    expect(verdicts.invalid).toBeGreaterThan(100);
  });

  it('clears the errors of a previous call when the next payload is valid', () => {
    const subject = subjects.find((s) => s.id === 'ho-tich.dang-ky-khai-sinh')!;
    expect(subject.generated(42)).toBe(false);
    expect(errorsOf(subject.generated)).toEqual([{ instancePath: '', keyword: 'type', params: { type: 'object' } }]);
    expect(subject.generated(subject.examples[0])).toBe(true);
    expect(subject.generated.errors).toBeNull();
  });
});

describe('the payload types', () => {
  it('are the text json-schema-to-typescript wrote, for every procedure of the catalogue and the test fixture', async () => {
    for (const { schema } of subjects) {
      const { $id: _id, $schema: _schema, ...shape } = schema;
      const expected = await compile({ ...shape, title: 'Payload' }, 'Payload', {
        bannerComment: '// header',
        additionalProperties: false,
        ignoreMinAndMaxItems: true,
        unreachableDefinitions: false,
        format: false,
        strictIndexSignatures: true,
      });
      expect(payloadTypes(schema, '// header'), String(schema.$id)).toBe(expected);
    }
  });
});

describe('a schema outside the generator vocabulary', () => {
  const base = { $id: 'x@1.0.0/payload.schema.json', type: 'object', additionalProperties: false, properties: {} as Record<string, unknown> };
  const withField = (field: Record<string, unknown>) => ({ ...base, properties: { data: field } });
  it.each([
    ['a keyword it does not know', withField({ type: 'string', format: 'email' })],
    ['a combinator', withField({ oneOf: [{ type: 'string' }, { type: 'integer' }] })],
    ['a type list', withField({ type: ['string', 'null'] })],
    ['a keyword of another type', withField({ type: 'integer', maxLength: 3 })],
    ['additional properties allowed', withField({ type: 'object', additionalProperties: true })],
    ['a reference to a missing definition', withField({ type: 'array', items: { $ref: '#/$defs/missing' } })],
    ['unique items that are objects', withField({ type: 'array', uniqueItems: true, items: { type: 'object' } })],
    ['an enum of numbers', withField({ type: 'string', enum: [1, 2] })],
    ['a negative length', withField({ type: 'string', maxLength: -1 })],
  ])('stops code generation: %s', (_name, schema) => {
    expect(() => validatorSource(schema)).toThrowError(expect.objectContaining({ name: 'ValidatorCodeError', message: expect.stringContaining('/properties/data') }));
  });
});
