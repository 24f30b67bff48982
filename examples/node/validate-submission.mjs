#!/usr/bin/env node
// Validates a submission (JSON) against a compiled procedure, as an agency server would.
import { readFile } from 'node:fs/promises';

const [id, file, ...rest] = process.argv.slice(2);
const lang = rest.includes('--lang') && rest[rest.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
if (!id || !file) {
  console.error('usage: validate-submission.mjs <procedure id> <submission.json> [--lang en]');
  process.exit(2);
}

const { procedures } = await import('@thutuc/catalogue');
const entry = procedures.find((p) => p.id === id);
if (!entry) {
  console.error(`unknown procedure: ${id} (known: ${procedures.map((p) => p.id).join(', ')})`);
  process.exit(2);
}

let submission;
try {
  submission = JSON.parse(await readFile(file, 'utf8'));
} catch (error) {
  console.error(`${file}: ${error.message}`);
  process.exit(2);
}

const { validate, definition } = await import(`@thutuc/catalogue/procedures/${id}`);
const result = validate(submission);
if (result.valid) {
  console.log(lang === 'vi' ? `✓ Hồ sơ hợp lệ: ${definition.title.vi}` : `✓ Valid submission: ${definition.title.en ?? definition.title.vi}`);
} else {
  for (const error of result.errors) console.log(`${error.path}: ${error.message[lang]}`);
}
process.exit(result.valid ? 0 : 1);
