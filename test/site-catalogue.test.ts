import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, run } from './helpers/pack.js';
// @ts-expect-error plain JS module of the example site
import { startExampleSite } from '../examples/start.js';

/**
 * `thutuc build` into a folder outside the repository, served by the example site: every
 * procedure's browser chunk, and every chunk it imports, must load — a bare
 * `@thutuc/runtime` import left in a chunk would load (200) yet break in browsers, so the
 * chunks are read too.
 */
let out: string;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'thutuc-site-'));
  out = path.join(work, 'catalogue');
  await run(process.execPath, [path.join(root, 'packages/cli/bin/thutuc.js'), 'build', '--out', out], { cwd: root });
  site = await startExampleSite({ catalogueDir: out, elementsDir: path.join(root, 'packages/elements/dist'), dataDir: path.join(work, 'data') });
}, 300_000);

afterAll(async () => {
  await site?.close();
});

const IMPORTS = /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

describe('a catalogue built by thutuc build, served by the example site', () => {
  it('serves the browser chunk of every procedure in the index, and the chunks they import', async () => {
    const index = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')) as { procedures: { id: string }[] };
    expect(index.procedures.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    const queue = index.procedures.map((p) => new URL(`/catalogue/procedures/${p.id}.js`, site.url).href);
    const failures: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (response.status !== 200 || !/javascript/.test(response.headers.get('content-type') ?? '')) {
        failures.push(`${url}: ${response.status} ${response.headers.get('content-type')}`);
        continue;
      }
      for (const match of (await response.text()).matchAll(IMPORTS)) {
        const specifier = match[1] ?? match[2]!;
        if (!specifier.startsWith('.')) failures.push(`${url} imports "${specifier}", which browsers cannot load`);
        else queue.push(new URL(specifier, url).href);
      }
    }
    expect(failures).toEqual([]);
    expect(seen.size).toBeGreaterThan(index.procedures.length);
  });
});
