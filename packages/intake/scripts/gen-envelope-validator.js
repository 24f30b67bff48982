#!/usr/bin/env node
// Writes src/generated/envelope-validator.ts: schemas/submission.schema.json as ajv standalone
// code, so the server checks envelopes without compiling code from strings at run time.
// `npm run gen:types` runs it; a test fails when the file is stale.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { envelopeValidatorModule } from './envelope-validator-source.js';

const out = fileURLToPath(new URL('../src/generated/envelope-validator.ts', import.meta.url));
await writeFile(out, await envelopeValidatorModule());
console.log(`wrote ${out}`);
