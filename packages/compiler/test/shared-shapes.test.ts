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
  it('get the same validator code, generated once, however their $id and descriptions differ', () => {
    const first = validatorSource(schema('thu-nghiem.mot'));
    const second = validatorSource({ ...schema('thu-nghiem.hai'), description: 'Thủ tục Hai' });
    expect(second).toBe(first);
    expect(first).not.toContain('thu-nghiem.mot');
    expect(validatorSource(schema('thu-nghiem.hai', 30))).toContain('> 30');
  });

  it('get the same payload type under their own header', async () => {
    const a = await payloadTypes(schema('thu-nghiem.mot'), '// Thủ tục Một');
    const b = await payloadTypes(schema('thu-nghiem.hai'), '// Thủ tục Hai');
    expect(a.startsWith('// Thủ tục Một\n')).toBe(true);
    expect(b).toBe(a.replace('// Thủ tục Một', '// Thủ tục Hai'));
    expect(b).toContain('ho_ten?: string');
  });
});
