import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every schema that describes a property, found by walking `properties` maps. */
function* propertySchemas(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* propertySchemas(item, `${at}/${i}`);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, schema] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        yield [`${at}/properties/${name}`, schema];
        yield* propertySchemas(schema, `${at}/properties/${name}`);
      }
    } else if (key !== 'examples' && key !== 'if') {
      yield* propertySchemas(value, `${at}/${key}`);
    }
  }
}

describe('the JSON Schemas', async () => {
  const files = (await readdir(path.join(root, 'schemas'))).filter((f) => f.endsWith('.schema.json'));
  const schemas = await Promise.all(files.map(async (f) => [f, JSON.parse(await readFile(path.join(root, 'schemas', f), 'utf8'))] as const));
  const byFile = new Map<string, unknown>(schemas);
  const resolve = (file: string, schema: Record<string, unknown>) => {
    const ref = schema.$ref as string | undefined;
    if (!ref) return schema;
    const [target, pointer] = ref.startsWith('#') ? [file, ref.slice(1)] : ref.split('#');
    let node = byFile.get(target!) as Record<string, unknown> | undefined;
    for (const segment of pointer!.split('/').slice(1)) node = node?.[segment] as Record<string, unknown> | undefined;
    expect(node, `${file}: ${ref}`).toBeDefined();
    return { ...node, ...schema };
  };

  it('declare draft 2020-12', () => {
    for (const [f, s] of schemas) expect(s.$schema, f).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('give every property a title, a Vietnamese and English description, and examples, for editors', () => {
    const missing: string[] = [];
    for (const [file, schema] of schemas) {
      for (const [at, raw] of propertySchemas(schema, file)) {
        const s = resolve(file, raw);
        if (typeof s.title !== 'string' || !s.title.includes(' · ')) missing.push(`${at}: title "vi · en"`);
        if (typeof s.description !== 'string' || !s.description.includes('\n\n')) missing.push(`${at}: description "vi\\n\\nen"`);
        if (!Array.isArray(s.examples) || s.examples.length === 0) missing.push(`${at}: examples`);
      }
    }
    expect(missing).toEqual([]);
  });

  /** Every subschema of the files policy staff edit (the submission envelope is for developers). */
  function* subschemas(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) yield* subschemas(item, `${at}/${i}`);
      return;
    }
    yield [at, node as Record<string, unknown>];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' || key === '$defs') {
        for (const [name, schema] of Object.entries(value as object)) yield* subschemas(schema, `${at}/${key}/${name}`);
      } else if (!['examples', 'defaultSnippets', 'if', 'propertyNames', 'const', 'default'].includes(key)) {
        yield* subschemas(value, `${at}/${key}`);
      }
    }
  }
  const staffSchemas = schemas.filter(([f]) => f !== 'submission.schema.json');

  it('give every list of allowed values a type and a note per value in both languages, for editors', () => {
    const missing: string[] = [];
    for (const [file, schema] of staffSchemas) {
      for (const [at, s] of subschemas(schema, file)) {
        if (!Array.isArray(s.enum)) continue;
        if (s.type !== 'string') missing.push(`${at}: type`);
        const notes = s.markdownEnumDescriptions as string[] | undefined;
        if (notes?.length !== s.enum.length) missing.push(`${at}: one note per value`);
        else if (new Set(notes).size !== notes.length) missing.push(`${at}: a distinct note per value`);
        else for (const note of notes) if (!/^\*\*.+\*\*.*\n\n\*.+\*/s.test(note)) missing.push(`${at}: "**vi** …\\n\\n*en* …": ${note}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('word their own error messages Vietnamese first, then English', () => {
    const found: string[] = [];
    for (const [file, schema] of staffSchemas) {
      for (const [at, s] of subschemas(schema, file)) {
        if (s.errorMessage === undefined) continue;
        found.push(at);
        expect(typeof s.errorMessage, at).toBe('string');
        const [vi, en, ...rest] = (s.errorMessage as string).split('\n\n');
        expect(rest, at).toEqual([]);
        expect(vi, at).toMatch(/[ảạắằẩẫậếềểễệốồổỗộớờởỡợứừửữựđ]/);
        expect(en, at).toMatch(/\b(the|a|an|are|is|needs|takes)\b/i);
      }
    }
    expect(found.length).toBeGreaterThan(20);
  });

  it('have model types that are up to date (npm run gen:types)', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/gen-model-types.js'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
