import { readFile } from 'node:fs/promises';
import { validatorSource } from '../../compiler/dist/emit/validator.js';

/** The text of src/generated/envelope-validator.ts for the current envelope schema. */
export async function envelopeValidatorModule() {
  const schema = JSON.parse(await readFile(new URL('../../../schemas/submission.schema.json', import.meta.url), 'utf8'));
  return `// @ts-nocheck
// Generated from schemas/submission.schema.json by packages/intake/scripts/gen-envelope-validator.js. Do not edit.
import * as r from '@thutuc/runtime';
${validatorSource(schema)}
export const validateEnvelope: ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null } = validateSchema;
`;
}
