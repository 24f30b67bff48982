import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script
import { envelopeValidatorModule } from '../scripts/envelope-validator-source.js';

describe('the envelope validator', () => {
  it('is generated from the current schemas/submission.schema.json (npm run gen:types)', async () => {
    const committed = await readFile(new URL('../src/generated/envelope-validator.ts', import.meta.url), 'utf8');
    expect(committed === (await envelopeValidatorModule()), 'stale: run npm run gen:types').toBe(true);
  });
});
