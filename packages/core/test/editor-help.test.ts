import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeSource, schemas } from '@thutuc/core';

/**
 * The schemas speak to editors (yaml-language-server reads `markdownEnumDescriptions` and
 * `defaultSnippets`): a note for each online level, and fee templates that are valid once their
 * placeholders are filled with their defaults — the project's own strict validator accepts the
 * keywords and ignores them.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIRTH = 'catalogue/ho-tich/dang-ky-khai-sinh.yaml';
const procedure = schemas['procedure.schema.json'] as unknown as {
  properties: { onlineLevel: { enum: string[]; type: string; markdownEnumDescriptions: string[] } };
  $defs: { fee: { defaultSnippets: { label: string; body: Record<string, unknown> }[] } };
};

/** What the editor inserts when the user accepts every default: `${1:x}` → x, `${2|a,b|}` → a, `"^${3:10000}"` → 10000. */
function inserted(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
    return text.startsWith('^') ? JSON.parse(text.slice(1)) : text;
  }
  if (Array.isArray(value)) return value.map(inserted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inserted(v)]));
  return value;
}

function schemaErrors(text: string): string[] {
  const result = analyzeSource({ file: BIRTH, bytes: new TextEncoder().encode(text) });
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.line}:${d.column} ${d.message.en}`);
}

describe('editor help in the procedure schema', () => {
  it('gives each online level a note of its own in both languages, and a type editors can complete', () => {
    const { enum: values, type, markdownEnumDescriptions: notes } = procedure.properties.onlineLevel;
    expect(type).toBe('string');
    expect(notes).toHaveLength(values.length);
    expect(new Set(notes).size).toBe(values.length);
    for (const note of notes) expect(note).toMatch(/^\*\*[^*]+\*\*.*\n\n\*[A-Z]/s);
  });

  it('offers fee templates that validate once inserted into a channel', () => {
    const snippets = procedure.$defs.fee.defaultSnippets;
    expect(snippets.map((s) => s.label)).toEqual(['Phí cố định · Fixed fee', 'Phí theo bản · Per-copy fee', 'Chưa có thông tin · Not stated']);
    const source = readFileSync(path.join(root, BIRTH), 'utf8');
    expect(schemaErrors(source)).toEqual([]);
    for (const snippet of snippets) {
      const doc = parseDocument(source);
      const fee = inserted(snippet.body) as Record<string, unknown>;
      // The template names a placeholder document id; the officer picks one of the file's.
      if (fee.legalBasis) fee.legalBasis = ['tt-281-2016-btc'];
      (doc.getIn(['channels', 0, 'fees']) as { add(v: unknown): void }).add(doc.createNode(fee));
      expect(schemaErrors(doc.toString({ lineWidth: 0 })), snippet.label).toEqual([]);
    }
  });

  it('still refuses a fee written in words, with a Vietnamese message', () => {
    const source = readFileSync(path.join(root, BIRTH), 'utf8').replace('amount: 8000', 'amount: tám nghìn');
    const errors = analyzeSource({ file: BIRTH, bytes: new TextEncoder().encode(source) }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message.vi).toMatch(/số/);
  });
});
