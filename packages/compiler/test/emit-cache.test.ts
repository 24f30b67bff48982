import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
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
});
