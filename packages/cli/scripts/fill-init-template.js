#!/usr/bin/env node
// Fills templates/init/ (what `thutuc init` copies into a new project) from this repository's
// catalogue, so a new project starts from the real shared data — agencies, document types,
// provinces, their communes (with the source's licence), the holiday calendars — and one small real procedure with its example
// submissions, never from a copy that drifts. Run by `npm run build` and `prepack`.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = path.resolve(cli, '../../catalogue');

/** The example procedure: in-person only, no uploads required, one fee line — easy to read. */
export const EXAMPLE_PROCEDURE = 'chung-thuc/chung-thuc-chu-ky';

async function filesIn(dir, prefix = '') {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesIn(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)])));
  return nested.flat();
}

/**
 * Each file is replaced by rename and only when it differs, so a `thutuc init` or `npm pack`
 * running at the same time (tests do) always reads whole files.
 */
export async function fillInitTemplate(target = path.join(cli, 'templates/init')) {
  const holidays = (await readdir(path.join(catalogue, 'shared/holidays'))).filter((name) => /^\d{4}\.yaml$/.test(name));
  const communes = (await readdir(path.join(catalogue, 'shared/communes'))).filter((name) => /^\d{2}-[a-z-]+\.yaml$|^README\.md$/.test(name));
  const wanted = [
    'shared/agencies.yaml',
    'shared/document-types.yaml',
    'shared/provinces.yaml',
    `${EXAMPLE_PROCEDURE}.yaml`,
    `${EXAMPLE_PROCEDURE}.examples.yaml`,
    ...holidays.map((name) => `shared/holidays/${name}`),
    ...communes.map((name) => `shared/communes/${name}`),
  ].map((file) => path.join('catalogue', file));
  for (const rel of wanted) {
    const text = await readFile(path.join(catalogue, path.relative('catalogue', rel)), 'utf8');
    const file = path.join(target, rel);
    if ((await readFile(file, 'utf8').catch(() => undefined)) === text) continue;
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
  }
  for (const rel of await filesIn(target)) if (!wanted.includes(rel) && !rel.endsWith('.tmp')) await rm(path.join(target, rel), { force: true });
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await fillInitTemplate();
