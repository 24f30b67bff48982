#!/usr/bin/env node
// Copies the JSON Schemas (the repository's schemas/, their source of truth) into
// packages/core/schemas/, so the published package carries them: catalogue files outside
// this repository point their `# yaml-language-server: $schema=` line at
// node_modules/@thutuc/core/schemas/<kind>.schema.json. Run by `npm run build` and `prepack`.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function copySchemas(target = path.join(core, 'schemas')) {
  await rm(target, { recursive: true, force: true });
  await cp(path.resolve(core, '../../schemas'), target, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await copySchemas();
