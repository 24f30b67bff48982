#!/usr/bin/env node
// Fills templates/init/ (what `thutuc init` copies into a new project) from this repository's
// catalogue, so a new project starts from the real shared data — agencies, document types,
// provinces, the holiday calendars — and one small real procedure with its example
// submissions, never from a copy that drifts. Run by `npm run build` and `prepack`.
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = path.resolve(cli, '../../catalogue');

/** The example procedure: in-person only, no uploads required, one fee line — easy to read. */
export const EXAMPLE_PROCEDURE = 'chung-thuc/chung-thuc-chu-ky';

export async function fillInitTemplate(target = path.join(cli, 'templates/init')) {
  await rm(target, { recursive: true, force: true });
  const files = ['shared/agencies.yaml', 'shared/document-types.yaml', 'shared/provinces.yaml', `${EXAMPLE_PROCEDURE}.yaml`, `${EXAMPLE_PROCEDURE}.examples.yaml`];
  const holidays = await readdir(path.join(catalogue, 'shared/holidays'));
  files.push(...holidays.filter((name) => /^\d{4}\.yaml$/.test(name)).map((name) => `shared/holidays/${name}`));
  for (const file of files) await cp(path.join(catalogue, file), path.join(target, 'catalogue', file));
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await fillInitTemplate();
