import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerSite } from '@thutuc/intake';
import { launch, root } from './site.js';

/**
 * Storybook, built offline as `npm run build-storybook` does: every story — the element's
 * and one per catalogue procedure — renders, and its play function passes.
 */
const out = path.join(root, 'test/.tmp/storybook');
let server: FastifyInstance;
let url: string;
let browser: Browser;
let stories: { id: string; title: string; name: string }[];

beforeAll(async () => {
  const built = await buildCatalogue({ inputs: ['catalogue'], outDir: path.join(root, 'packages/catalogue/dist'), cwd: root });
  expect(built.ok).toBe(true);
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  const generated = run(['packages/elements/scripts/catalogue-stories.js']);
  expect(generated.status, generated.stderr).toBe(0);
  const sb = run(['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', out, '--quiet']);
  expect(sb.status, sb.stderr + sb.stdout).toBe(0);
  const index = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
  server = Fastify();
  registerSite(server, { mounts: [{ prefix: '/', dir: out }] });
  url = await server.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Storybook', () => {
  it('has a story for the element and one for every catalogue procedure', async () => {
    const index = JSON.parse(await readFile(path.join(root, 'packages/catalogue/dist/index.json'), 'utf8')) as { procedures: unknown[] };
    expect(stories.filter((s) => s.title === 'Catalogue')).toHaveLength(index.procedures.length);
    expect(stories.filter((s) => s.title === 'Elements/thutuc-form').map((s) => s.name)).toEqual(expect.arrayContaining(['Vietnamese', 'English', 'Errors', 'Themed']));
    expect(stories.filter((s) => s.title === 'Elements/thutuc-status').map((s) => s.name)).toEqual(['Lookup', 'Processing', 'Supplement Requested', 'Payment Due', 'Result Returned', 'Themed']);
  });

  it('renders every story with its play function passing and no page error', async () => {
    for (const story of stories) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // A story or play function that throws is logged as a console error by the preview
      // (the favicon 404 aside).
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text().split('\n')[0]!);
      });
      await page.goto(`${url}/iframe.html?id=${story.id}&viewMode=story`);
      await page.locator('thutuc-form h2, thutuc-status h2').first().waitFor({ timeout: 30_000 });
      // The preview's render of the story ends in 'finished' once its play function passed
      // ('errored' when the story or its play function threw).
      const phase = await page.waitForFunction(() => {
        const renders = (window as unknown as { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } }).__STORYBOOK_PREVIEW__?.storyRenders ?? [];
        const p = renders[0]?.phase;
        return p === 'finished' || p === 'errored' || p === 'aborted' ? p : false;
      });
      expect(await phase.jsonValue(), story.id).toBe('finished');
      await page.waitForTimeout(100);
      expect(errors, story.id).toEqual([]);
      await page.close();
    }
  });
});
