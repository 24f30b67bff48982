#!/usr/bin/env node
// Bundles the elements for browsers and the compiled catalogue into lazy per-procedure chunks.
//
//   dist/thutuc.js        ESM, for <script type="module"> and bundlers that want one file
//   dist/thutuc.iife.js   classic script, for <script src> embedding
//   <catalogue>/browser/procedures/<id>.js   one chunk per procedure, loaded on demand by
//                         <thutuc-form procedure="<id>" catalogue-base=".../browser/">; the
//                         runtime they share is a chunk of its own.
//   custom-elements.json  the element's public API, from the sources (scripts/manifest.js)
//
// Input is what `tsc -b` and `thutuc build` wrote; nothing here compiles TypeScript.
import { cp, readdir, rm } from 'node:fs/promises';
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

/** <catalogueDist>/procedures/<id>/index.js → <catalogueDist>/browser/procedures/<id>.js + shared chunks. */
export async function bundleCatalogue(catalogueDist) {
  const procedures = path.join(catalogueDist, 'procedures');
  const ids = (await readdir(procedures, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out = path.join(catalogueDist, 'browser');
  await rm(out, { recursive: true, force: true });
  if (ids.length === 0) return 0;
  const input = Object.fromEntries(ids.map((id) => [`procedures/${id}`, path.join(procedures, id, 'index.js')]));
  const bundle = await rollup({ input, plugins: plugins(), onwarn: quiet, preserveEntrySignatures: 'strict' });
  await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true });
  await bundle.close();
  // Provincial fee amounts travel with the chunks: <thutuc-form province="01"> reads them.
  await cp(path.join(catalogueDist, 'overrides'), path.join(out, 'overrides'), { recursive: true }).catch((e) => {
    if (e.code !== 'ENOENT') throw e;
  });
  return ids.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--catalogue');
  const catalogueDist = path.resolve(root, at > 0 ? process.argv[at + 1] : 'packages/catalogue/dist');
  const started = performance.now();
  await bundleElements();
  const count = await bundleCatalogue(catalogueDist);
  // Loaded here only: the analyzer brings TypeScript along, which bundling alone does not need.
  const { writeManifest } = await import('./manifest.js');
  await writeManifest();
  console.log(`✓ elements bundled (dist/thutuc.js, dist/thutuc.iife.js, custom-elements.json) and ${count} procedure chunk(s) in ${path.relative(root, path.join(catalogueDist, 'browser'))} (${Math.round(performance.now() - started)} ms)`);
}
