#!/usr/bin/env node
// Bundles the elements for browsers:
//
//   dist/thutuc.js               <thutuc-form>, ESM, for <script type="module"> and bundlers that want one file
//   dist/thutuc.iife.js          <thutuc-form>, classic script, for <script src> embedding
//   dist/thutuc-status.js        <thutuc-status>, ESM (a page of its own: a form page never loads it)
//   dist/thutuc-status.iife.js   <thutuc-status>, classic script
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

const BUNDLES = [
  { input: 'dist/form-bundle.js', name: 'thutuc', global: 'Thutuc' },
  { input: 'dist/register-status.js', name: 'thutuc-status', global: 'ThutucStatus' },
];

/** What tsc wrote in dist/ → each element's script, as ESM and as a classic script, in `outDir`. */
export async function bundleElements(outDir = path.join(elements, 'dist')) {
  for (const b of BUNDLES) {
    const bundle = await rollup({ input: path.join(elements, b.input), plugins: plugins(), onwarn: quiet });
    await bundle.write({ file: path.join(outDir, `${b.name}.js`), format: 'es', sourcemap: true });
    await bundle.write({ file: path.join(outDir, `${b.name}.iife.js`), format: 'iife', name: b.global, sourcemap: true });
    await bundle.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await bundleElements();
  // Loaded here only: the analyzer brings TypeScript along, which bundling alone does not need.
  const { writeManifest } = await import('./manifest.js');
  await writeManifest();
  console.log(`✓ elements bundled: ${path.relative(root, path.join(elements, 'dist/thutuc.js'))}, thutuc.iife.js, thutuc-status.js, thutuc-status.iife.js, custom-elements.json (${Math.round(performance.now() - started)} ms)`);
}
