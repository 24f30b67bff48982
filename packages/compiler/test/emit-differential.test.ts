import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { compile } from 'json-schema-to-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, validatorSource } from '@thutuc/compiler';
import { payloadTypes } from '../src/emit/payload-types.js';
import type { SchemaValidator } from '@thutuc/runtime';
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

interface Subject {
  id: string;
  schema: Record<string, unknown>;
  generated: SchemaValidator;
  ajv: SchemaValidator;
  examples: unknown[];
}
const subjects: Subject[] = [];

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  const result = await buildCatalogue({ inputs: ['catalogue'], outDir: out, cwd: root, cacheDir: false });
  expect(result.ok).toBe(true);
  const files = result.analysis!.checked.files;
  const ajv = new Ajv2020({ allErrors: true, strict: true, inlineRefs: false, messages: false });
  for (const id of new Set(files.procedures.map((p) => p.value.id))) {
    const dir = path.join(out, 'procedures', id);
    const schema = JSON.parse(await readFile(path.join(dir, 'payload.schema.json'), 'utf8')) as Record<string, unknown>;
    // The generated code alone, as a module the test can import.
    const file = path.join(dir, 'schema-check.js');
    await writeFile(file, `import * as r from '@thutuc/runtime';\n${validatorSource(schema)}\nexport { validateSchema };\n`);
    const { validateSchema } = (await import(pathToFileURL(file).href)) as { validateSchema: SchemaValidator };
    const examples = files.examples.filter((e) => e.value.procedure === id).flatMap((e) => e.value.examples.map((x) => x.submission));
    subjects.push({ id, schema, generated: validateSchema, ajv: ajv.compile(schema) as SchemaValidator, examples });
  }
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
    const golden = path.join(root, 'test/golden/thu-nghiem/procedures/thu-nghiem.mau/payload.schema.json');
    const schemas = [...subjects.map((s) => s.schema), JSON.parse(await readFile(golden, 'utf8')) as Record<string, unknown>];
    for (const schema of schemas) {
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
