#!/usr/bin/env node
// Writes custom-elements.json — the element's attributes, properties, events, parts and CSS
// properties, for editors and framework wrappers — from the TypeScript sources, with
// custom-elements-manifest.config.mjs. `node scripts/bundle.js` (the build) runs it too.
//
//   node scripts/manifest.js              writes packages/elements/custom-elements.json
//   node scripts/manifest.js --out <dir>  writes <dir>/custom-elements.json
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const elements = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Analyzes src/ and writes custom-elements.json into `outDir` (the package folder by default). */
export async function writeManifest(outDir = elements) {
  // The analyzer joins --outdir onto its working directory, so it takes a relative path.
  const outdir = path.relative(elements, path.resolve(outDir)) || '.';
  await cli({ argv: ['analyze', '--quiet', '--outdir', outdir], cwd: elements });
  return path.join(outDir, 'custom-elements.json');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const written = await writeManifest(at > 0 ? path.resolve(process.argv[at + 1]) : elements);
  console.log(`✓ ${written}`);
}
