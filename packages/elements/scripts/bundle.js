#!/usr/bin/env node
// Bundles the elements for browsers:
//
//   dist/thutuc.js               <thutuc-form>, ESM, for <script type="module">, with scripts it loads when needed:
//                                thutuc-address.js (the address picker, for forms with an address field),
//                                thutuc-en.js (English strings, for lang="en"),
//                                thutuc-draft-migration.js (when a draft of an older version is met)
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

const plugins = () => [minifyStyles(), nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })];

/**
 * The stylesheets (`*.styles.js`, static css`` text) without the indentation and the spaces
 * around punctuation, which terser leaves in template literals: about 0.1 KB gzip of thutuc.js.
 * Spaces between selectors stay (they are descendant combinators).
 */
function minifyStyles() {
  const minify = (text) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'thutuc-minify-styles',
    transform(code, id) {
      if (!id.endsWith('.styles.js')) return null;
      // map: null keeps lines as they were mapped; only the stylesheet's own columns move.
      return { code: code.replace(/css`([^`$\\]*)`/g, (_, text) => `css\`${minify(text)}\``), map: null };
    },
  };
}
const quiet = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

const BUNDLES = [
  // `lazy`: modules the element imports only when needed, each bundled into a script of its own
  // beside the element's (self-contained, so a page that loads thutuc.js?v=2 does not load the
  // element's code a second time through a chunk's `import "./thutuc.js"`).
  {
    input: 'dist/form-bundle.js',
    name: 'thutuc',
    global: 'Thutuc',
    lazy: { 'dist/form/draft-migration.js': 'thutuc-draft-migration.js', 'dist/form/address/address-picker.js': 'thutuc-address.js', 'dist/i18n-en.js': 'thutuc-en.js' },
  },
  { input: 'dist/register-status.js', name: 'thutuc-status', global: 'ThutucStatus', lazy: { 'dist/i18n-en.js': 'thutuc-en.js' } },
];

/** What tsc wrote in dist/ → each element's script, as ESM and as a classic script, in `outDir`. */
export async function bundleElements(outDir = path.join(elements, 'dist')) {
  for (const b of BUNDLES) {
    const lazy = new Map(Object.entries(b.lazy).map(([input, file]) => [path.join(elements, input), file]));
    for (const [input, file] of lazy) await write(input, { file: path.join(outDir, file), format: 'es', sourcemap: true });
    // ESM: the lazy modules stay outside, imported from the scripts just written when used.
    await write(path.join(elements, b.input), { file: path.join(outDir, `${b.name}.js`), format: 'es', sourcemap: true, paths: (id) => `./${lazy.get(id)}` }, [...lazy.keys()]);
    // A classic script cannot import: everything in one file.
    await write(path.join(elements, b.input), { file: path.join(outDir, `${b.name}.iife.js`), format: 'iife', name: b.global, sourcemap: true, inlineDynamicImports: true });
  }
}

async function write(input, output, external = []) {
  const bundle = await rollup({ input, plugins: plugins(), onwarn: quiet, external });
  await bundle.write(output);
  await bundle.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await bundleElements();
  // Loaded here only: the analyzer brings TypeScript along, which bundling alone does not need.
  const { writeManifest } = await import('./manifest.js');
  await writeManifest();
  console.log(`✓ elements bundled: ${path.relative(root, path.join(elements, 'dist/thutuc.js'))}, thutuc.iife.js, thutuc-status.js, thutuc-status.iife.js, custom-elements.json (${Math.round(performance.now() - started)} ms)`);
}
