import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogueBuilder, buildCatalogue } from '@thutuc/compiler';
import { MINIMAL_PROCEDURE as P } from '../../../test/helpers/minimal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('the emit cache on disk', () => {
  it('gives a later build the same output, and misses when a procedure changed', async () => {
    const dir = await mkdtemp(path.join(root, 'test/.tmp/emit-cache-'));
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src/a.yaml'), P);
    const cacheDir = path.join(dir, 'cache');
    const build = (out: string) => buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, out), cwd: root, cacheDir });

    expect((await build('fresh')).ok).toBe(true);
    expect((await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'))).toHaveLength(1);
    expect((await build('cached')).ok).toBe(true);
    expect(await tree(path.join(dir, 'cached'))).toEqual(await tree(path.join(dir, 'fresh')));

    await writeFile(path.join(dir, 'src/a.yaml'), P.replace('amount: 10000', 'amount: 25000'));
    expect((await build('changed')).ok).toBe(true);
    expect(await readFile(path.join(dir, 'changed/procedures/thu-nghiem.toi-thieu/definition.js'), 'utf8')).toContain('"amount": 25000');
    expect((await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'))).toHaveLength(2);
  });

  it("removes entries other compiler or runtime code wrote, and nothing else of the folder", async () => {
    const dir = await mkdtemp(path.join(root, 'test/.tmp/emit-cache-'));
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src/a.yaml'), P);
    const cacheDir = path.join(dir, 'cache');
    const entry = '[["procedures/x/index.js","export {};"]]';
    // Left by an older compiler: a folder of its own code, and the two-letter folders entries once had at the top.
    for (const old of ['0123456789abcdef/ab', 'cd']) {
      await mkdir(path.join(cacheDir, old), { recursive: true });
      await writeFile(path.join(cacheDir, old, `${'e'.repeat(64)}.json`), entry);
    }
    await mkdir(path.join(cacheDir, 'notes'));
    await writeFile(path.join(cacheDir, 'notes/keep.txt'), 'not an entry');
    await writeFile(path.join(cacheDir, 'README'), 'not an entry either');

    expect((await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, 'out'), cwd: root, cacheDir })).ok).toBe(true);
    const left = (await readdir(cacheDir)).sort();
    expect(left).toHaveLength(3);
    expect(left.filter((name) => name !== 'README' && name !== 'notes')[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(left).not.toContain('0123456789abcdef');
    expect(await readFile(path.join(cacheDir, 'notes/keep.txt'), 'utf8')).toBe('not an entry');
    expect((await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'))).toHaveLength(1);
  });

  it('in a catalogue large enough for the build workers: the same output with or without them, cold or from the cache, and a changed file missed', async () => {
    const dir = await mkdtemp(path.join(root, 'test/.tmp/emit-cache-'));
    await mkdir(path.join(dir, 'src'));
    // More files than PARALLEL_THRESHOLD, so a first build analyses, emits and writes in workers.
    for (let n = 0; n < 70; n++) {
      await writeFile(path.join(dir, `src/p${n}.yaml`), P.replace('id: thu-nghiem.toi-thieu', `id: thu-nghiem.p${n}`).replace('code: "1.999998"', `code: "1.${900000 + n}"`));
    }
    const cacheDir = path.join(dir, 'cache');
    const build = (out: string, parallel = true) => buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, out), cwd: root, cacheDir, parallel });
    const alone = await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, 'alone'), cwd: root, cacheDir: false, parallel: false });
    expect(alone.diagnostics).toEqual([]);

    expect((await build('cold')).ok).toBe(true);
    expect((await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'))).toHaveLength(70);
    expect((await build('warm')).ok).toBe(true);
    const expected = await tree(path.join(dir, 'alone'));
    expect(Object.keys(expected).length).toBeGreaterThan(70 * 6);
    expect(await tree(path.join(dir, 'cold'))).toEqual(expected);
    expect(await tree(path.join(dir, 'warm'))).toEqual(expected);
    // No staging folder is left beside the output.
    expect((await readdir(dir)).filter((name) => name.includes('staging'))).toEqual([]);

    await writeFile(path.join(dir, 'src/p7.yaml'), (await readFile(path.join(dir, 'src/p7.yaml'), 'utf8')).replace('amount: 10000', 'amount: 25000'));
    const builder = new CatalogueBuilder({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, 'changed'), cwd: root, cacheDir });
    expect((await builder.build()).ok).toBe(true);
    await builder.close();
    expect(await readFile(path.join(dir, 'changed/procedures/thu-nghiem.p7/definition.js'), 'utf8')).toContain('"amount": 25000');
    expect(await readFile(path.join(dir, 'changed/procedures/thu-nghiem.p8/definition.js'), 'utf8')).toContain('"amount": 10000');
    expect((await readdir(cacheDir, { recursive: true })).filter((f) => String(f).endsWith('.json'))).toHaveLength(71);
  });
});
