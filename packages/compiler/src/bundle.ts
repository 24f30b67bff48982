import { cp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserImport from '@rollup/plugin-terser';
import { fileURLToPath } from 'node:url';
import { rollup, type Plugin, type PreRenderedChunk, type RollupLog } from 'rollup';
import { browserDefinition, definitionOfModule } from './browser-definition.js';

/**
 * The browser half of a build: `<dir>/procedures/<id>/index.js` → `<dir>/browser/procedures/<id>.js`,
 * one lazy chunk per procedure (what `<thutuc-form catalogue-base=".../browser/">` loads) plus
 * the chunk they share (the runtime). A chunk carries only what a form reads of the definition
 * (see browserDefinition), and only its own procedure: a liên thông bundle imports its members'
 * chunks (`./<member>.js`) instead of sharing a chunk with them, so opening the member's form
 * never downloads the bundle or another member. Provincial fee amounts and commune names are copied
 * beside them, since `<thutuc-form province="01">` reads `overrides/01.json` and its address picker
 * `communes/01.json` from the same base.
 *
 * The generated modules import `@thutuc/runtime`: the copy a project has installed is
 * bundled, else (an output folder outside any project) the one this compiler depends on.
 * Returns the number of procedure chunks.
 */
export async function bundleBrowserChunks(dir: string): Promise<number> {
  const procedures = path.join(dir, 'procedures');
  const ids = (await readdir(procedures, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out = path.join(dir, 'browser');
  await rm(out, { recursive: true, force: true });
  if (ids.length === 0) return 0;
  const input = Object.fromEntries(ids.map((id) => [`procedures/${id}`, path.join(procedures, id, 'index.js')]));
  const bundle = await rollup({
    input,
    plugins: [runtimeFallback(), procedureChunks(path.resolve(procedures)), nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
    onwarn: quiet,
    preserveEntrySignatures: 'strict',
  });
  try {
    await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].js', chunkFileNames: chunkName, sourcemap: true });
  } finally {
    await bundle.close();
  }
  // Data the form fetches on demand from the same base: a province's council-set fee amounts,
  // a province's commune names once it is chosen.
  for (const data of ['overrides', 'communes']) {
    await cp(path.join(dir, data), path.join(out, data), { recursive: true, filter: (from) => !from.endsWith('.js') && !from.endsWith('.ts') }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  return ids.length;
}

/**
 * Members' modules stay outside a bundle's chunk (imported as their own chunks), every
 * `definition.js` is cut to its browser part, and the commune codes stay out: a page would
 * download every province's codes (2.3 KB gzip) to check one address, while the form already
 * loads the chosen province's list for its picker and passes it to `validate` as
 * `options.communes`. Servers import the Node modules, which check against the codes.
 */
function procedureChunks(procedures: string): Plugin {
  const memberIndex = /^\.\.\/([^/]+)\/index\.js$/;
  // Replaced in place rather than by an empty module, which would still be a chunk of its own to fetch.
  const codesImport = /^import \{ communes \} from '\.\.\/\.\.\/communes\/codes\.js';$/m;
  // The quick first pass before the collector saves microseconds a server counts and a form
  // validating once per change does not; the collector alone gives the same verdict and errors
  // (packages/compiler/test/emit-differential.test.ts), in fewer bytes.
  const quickPass = /^export function validate\(payload, options = \{\}\) \{\n[\s\S]*?\n\}$/m;
  return {
    name: 'thutuc-procedure-chunks',
    resolveId(source, importer) {
      const member = memberIndex.exec(source);
      if (!member || !importer || path.dirname(path.dirname(importer)) !== procedures) return null;
      return { id: `./${member[1]}.js`, external: true };
    },
    async load(id) {
      if (path.basename(id) !== 'definition.js' || path.dirname(path.dirname(id)) !== procedures) return null;
      const definition = browserDefinition(definitionOfModule(await readFile(id, 'utf8')));
      return `export const definition = ${JSON.stringify(definition)};\n`;
    },
    transform(code, id) {
      if (path.basename(id) !== 'validate.js' || path.dirname(path.dirname(id)) !== procedures) return null;
      // Every generated validate.js has the quick pass: if the template changes shape, stop here
      // rather than ship chunks that silently keep it.
      if (!quickPass.test(code)) this.error(`${id}: the quick first pass of validate() was not found`);
      return { code: code.replace(codesImport, 'const communes = undefined;').replace(quickPass, 'export const validate = collect;'), map: null };
    },
  };
}

// The plugin's types describe its CommonJS build; Node's ESM import gets the function itself.
const terser = terserImport as unknown as typeof terserImport.default;

/** Bundles the compiler's own @thutuc/runtime when none resolves from the output folder, so no chunk keeps a bare import browsers cannot load. */
function runtimeFallback(): Plugin {
  return {
    name: 'thutuc-runtime-fallback',
    async resolveId(source, importer, options) {
      if (source !== '@thutuc/runtime' && !source.startsWith('@thutuc/runtime/')) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (found && !found.external) return found;
      return fileURLToPath(import.meta.resolve(source));
    },
  };
}

const runtimeFile = /[\\/]runtime[\\/]dist[\\/]/;

/** The shared chunk of @thutuc/runtime code every form loads is `chunks/runtime-<hash>.js`; others keep Rollup's name. */
function chunkName(chunk: PreRenderedChunk): string {
  return chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => runtimeFile.test(id)) ? 'chunks/runtime-[hash].js' : 'chunks/[name]-[hash].js';
}

function quiet(warning: RollupLog, warn: (w: RollupLog) => void): void {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}
