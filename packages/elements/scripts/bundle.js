#!/usr/bin/env node
// Bundles the elements for browsers:
//
//   dist/thutuc.js        ESM, for <script type="module"> and bundlers that want one file
//   dist/thutuc.iife.js   classic script, for <script src> embedding
//   custom-elements.json  the element's public API, from the sources (scripts/manifest.js)
//
// The procedures' chunks (<catalogue>/browser/procedures/<id>.js) are written by `thutuc build`.
// Input is what `tsc -b` wrote; nothing here compiles TypeScript.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const elements = path.resolve(here, '..');

const plugins = () => [nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }), terser({ format: { comments: false } })];
const quiet = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** dist/index.js (from tsc) → thutuc.js (ESM) and thutuc.iife.js in `outDir`. */
export async function bundleElements(outDir = path.join(elements, 'dist')) {
  const bundle = await rollup({ input: path.join(elements, 'dist/index.js'), plugins: plugins(), onwarn: quiet });
  await bundle.write({ file: path.join(outDir, 'thutuc.js'), format: 'es', sourcemap: true });
  await bundle.write({ file: path.join(outDir, 'thutuc.iife.js'), format: 'iife', name: 'Thutuc', sourcemap: true });
  await bundle.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await bundleElements();
  // Loaded here only: the analyzer brings TypeScript along, which bundling alone does not need.
  const { writeManifest } = await import('./manifest.js');
  await writeManifest();
  console.log(`✓ elements bundled: ${path.relative(root, path.join(elements, 'dist/thutuc.js'))}, thutuc.iife.js, custom-elements.json (${Math.round(performance.now() - started)} ms)`);
}
