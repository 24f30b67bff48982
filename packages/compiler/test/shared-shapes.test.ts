import { describe, expect, it } from 'vitest';
import { validatorSource } from '@thutuc/compiler';
import { payloadTypes } from '../src/emit/payload-types.js';

const schema = (id: string, maxLength = 20) => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${id}@1.0.0/payload.schema.json`,
  type: 'object',
  properties: { data: { type: 'object', properties: { ho_ten: { type: 'string', maxLength, description: 'Họ tên' } }, additionalProperties: false } },
  required: ['data'],
  additionalProperties: false,
});

describe('procedures of the same shape', () => {
  it('get the validator code each would get alone, with their own $id', () => {
    const first = validatorSource(schema('thu-nghiem.mot'));
    const second = validatorSource(schema('thu-nghiem.hai'));
    expect(first).toContain('thu-nghiem.mot@1.0.0');
    expect(second).toContain('thu-nghiem.hai@1.0.0');
    expect(second).not.toContain('thu-nghiem.mot');
    expect(second).toBe(first.split('thu-nghiem.mot@').join('thu-nghiem.hai@'));
    expect(validatorSource(schema('thu-nghiem.hai', 30))).toContain('30');
  });

  it('get the same payload type under their own header', async () => {
    const a = await payloadTypes(schema('thu-nghiem.mot'), '// Thủ tục Một');
    const b = await payloadTypes(schema('thu-nghiem.hai'), '// Thủ tục Hai');
    expect(a.startsWith('// Thủ tục Một\n')).toBe(true);
    expect(b).toBe(a.replace('// Thủ tục Một', '// Thủ tục Hai'));
    expect(b).toContain('ho_ten?: string');
  });
});
