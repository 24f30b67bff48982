#!/usr/bin/env node
// Bundles the desk for browsers into dist/app/: desk.js (one ES module, Lit included) beside
// index.html and desk.css, the folder @thutuc/intake serves under /desk/.
// Input is what `tsc -b` wrote; nothing here compiles TypeScript.
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const desk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleDesk(outDir = path.join(desk, 'dist/app')) {
  await mkdir(outDir, { recursive: true });
  const bundle = await rollup({
    input: path.join(desk, 'dist/index.js'),
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }), terser({ format: { comments: false } })],
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
    },
  });
  await bundle.write({ file: path.join(outDir, 'desk.js'), format: 'es', sourcemap: true });
  await bundle.close();
  await cp(path.join(desk, 'app'), outDir, { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await bundleDesk();
  console.log(`✓ desk bundled: packages/desk/dist/app/ (${Math.round(performance.now() - started)} ms)`);
}
