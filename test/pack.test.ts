import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importedPackages, packAll, root, run, type Packed } from './helpers/pack.js';
import { serveFolder } from './helpers/static-server.js';
import { launch, open } from './e2e/site.js';

/**
 * What users get from npm: every package packed as `npm publish` would pack it, then
 * installed from those tarballs alone into a project outside this repository, where the
 * documented first steps (`thutuc init`, `validate`, `build`) must work and their output
 * must be usable from Node, TypeScript and a browser.
 */
const work = await mkdtemp(path.join(os.tmpdir(), 'thutuc-pack-'));
const PROCEDURE = 'chung-thuc.chung-thuc-chu-ky';
let packed: Packed[] = [];

beforeAll(async () => {
  packed = await packAll(path.join(work, 'packs'));
}, 300_000);

const text = (p: Packed, file: string) => readFile(path.join(p.dir, file), 'utf8');
const manifest = async (p: Packed) => JSON.parse(await text(p, 'package.json')) as { name: string; dependencies?: Record<string, string> };

describe('the packed packages', () => {
  it('carry a README, the licence and their built code, and no tests, sources, source maps or build info', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(['@thutuc/catalogue', '@thutuc/cli', '@thutuc/compiler', '@thutuc/core', '@thutuc/desk', '@thutuc/elements', '@thutuc/import', '@thutuc/intake', '@thutuc/papers', '@thutuc/report', '@thutuc/runtime']);
    for (const p of packed) {
      expect(p.files, p.name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(p.files.filter((f) => /(^|\/)(test|src)\/|\.test\.|\.map$|tsbuildinfo/.test(f)), p.name).toEqual([]);
    }
    const byName = new Map(packed.map((p) => [p.name, p.files]));
    expect(byName.get('@thutuc/elements')).toEqual(expect.arrayContaining(['dist/thutuc.js', 'dist/thutuc.iife.js', 'dist/thutuc-status.js', 'dist/thutuc-status.iife.js', 'custom-elements.json']));
    expect(byName.get('@thutuc/desk')).toEqual(expect.arrayContaining(['dist/app/index.html', 'dist/app/desk.js', 'dist/app/desk.css', 'dist/folder.js']));
    expect(byName.get('@thutuc/cli')).toEqual(expect.arrayContaining(['bin/thutuc.js', 'templates/init/catalogue/shared/agencies.yaml', 'templates/init/catalogue/chung-thuc/chung-thuc-chu-ky.yaml']));
    expect(byName.get('@thutuc/catalogue')).toEqual(expect.arrayContaining(['dist/index.js', 'dist/shared.json', `dist/browser/procedures/${PROCEDURE}.js`]));
  });

  it('@thutuc/core carries the JSON Schemas, identical to the repository’s', async () => {
    const core = packed.find((p) => p.name === '@thutuc/core')!;
    const names = (await readdir(path.join(root, 'schemas'))).filter((f) => f.endsWith('.schema.json')).sort();
    expect(core.files.filter((f) => f.startsWith('schemas/'))).toEqual(names.map((n) => `schemas/${n}`));
    for (const name of names) expect(await text(core, `schemas/${name}`), name).toBe(await readFile(path.join(root, 'schemas', name), 'utf8'));
  });

  it('pass publint with no error, warning or suggestion', async () => {
    // The catalogue exports ./overrides/* for provincial fee amounts; while the repository's
    // catalogue has no `kind: fee-overrides` file that pattern matches nothing, by design.
    const hasOverrides = packed.find((p) => p.name === '@thutuc/catalogue')!.files.some((f) => f.startsWith('dist/overrides/'));
    const problems: string[] = [];
    for (const p of packed) {
      const { messages, pkg } = await publint({ pkgDir: p.dir, pack: false, level: 'suggestion' });
      for (const m of messages) {
        if (!hasOverrides && p.name === '@thutuc/catalogue' && m.code === 'EXPORTS_GLOB_NO_MATCHED_FILES' && m.path.join('.') === 'exports../overrides/*') continue;
        problems.push(`${p.name}: ${m.type} ${formatMessage(m, pkg) ?? m.code}`);
      }
    }
    expect(problems).toEqual([]);
  });

  /**
   * Dependencies declared only to hold a transitive one at a version that runs on Node 20:
   * fastify accepts light-my-request ^6, whose newest minors need cookie 2 (Node ≥ 22);
   * declaring ~6.6 lets npm settle fastify's copy on it.
   */
  const PINNED_FOR_NODE_20: Record<string, string[]> = { '@thutuc/intake': ['light-my-request'] };

  it('declare exactly the packages their code and generated code import', async () => {
    for (const p of packed) {
      const { name, dependencies = {} } = await manifest(p);
      const code = p.files.filter((f) => /\.(js|d\.ts|hbs)$/.test(f) && !f.startsWith('dist/browser/') && !/dist\/thutuc(\.iife)?\.js$|dist\/app\/desk\.js$/.test(f));
      const imported = new Set<string>();
      for (const file of code) for (const dep of importedPackages(await text(p, file))) imported.add(dep);
      imported.delete(name);
      for (const pinned of PINNED_FOR_NODE_20[name] ?? []) imported.add(pinned);
      expect([...imported].sort(), name).toEqual(Object.keys(dependencies).sort());
    }
  });

  it('contain no eval and no Function constructor in any shipped file', async () => {
    const found: string[] = [];
    for (const p of packed) {
      for (const file of p.files) {
        if (/\.(js|mjs|cjs|hbs|html)$/.test(file) && /\bnew Function\b|\beval\(/.test(await text(p, file))) found.push(`${p.name}/${file}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('installed from the tarballs into a project outside the repository', () => {
  const project = path.join(work, 'project');
  const npx = (args: string[]) => run('npx', ['--no-install', ...args], { cwd: project });
  let offline: string | undefined;
  const procedureDir = () => path.join(project, 'dist/catalogue/procedures', PROCEDURE);

  beforeAll(async () => {
    await mkdir(project, { recursive: true });
    // What `npm init -y` writes: a CommonJS project, the harder case for ES module output.
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'agency-site', version: '1.0.0', private: true, type: 'commonjs' }, null, 2));
    try {
      // Engine-strict, as the repository's .npmrc is: every package a fresh resolution brings must
      // run on Node 20 (@thutuc/intake holds light-my-request at 6.6 for exactly that reason).
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--engine-strict=true', ...packed.map((p) => p.tarball)], { cwd: project });
    } catch (error) {
      const output = `${(error as { stderr?: string }).stderr ?? ''}${(error as Error).message}`;
      if (!/ENOTFOUND|EAI_AGAIN|ENOTCACHED|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(output)) throw error;
      offline = `npm cannot reach its cache or the registry: ${output.split('\n').find((l) => /E[A-Z]+/.test(l)) ?? ''}`;
      console.warn(`pack test skipped: ${offline}`);
    }
  }, 300_000);

  it('thutuc init, validate and build work with no arguments', async (ctx) => {
    if (offline) ctx.skip(offline);
    expect(await readdir(path.join(project, 'node_modules/@thutuc'))).toHaveLength(packed.length);
    expect((await npx(['thutuc', 'init', '--lang', 'en'])).stdout).toContain('Created a catalogue project');
    const header = (await readFile(path.join(project, 'catalogue/chung-thuc/chung-thuc-chu-ky.yaml'), 'utf8')).split('\n')[0]!;
    expect(header).toBe('# yaml-language-server: $schema=../../node_modules/@thutuc/core/schemas/procedure.schema.json');
    await readFile(path.join(project, 'catalogue/chung-thuc', header.split('$schema=')[1]!), 'utf8');
    expect((await npx(['thutuc', 'validate'])).stdout).toContain('42 tệp hợp lệ');
    expect((await npx(['thutuc', 'build'])).stdout).toContain('Đã biên dịch 1 thủ tục vào dist/catalogue');
  });

  it('the built procedure validates its example submissions in Node', async (ctx) => {
    if (offline) ctx.skip(offline);
    const examples = parse(await readFile(path.join(project, 'catalogue/chung-thuc/chung-thuc-chu-ky.examples.yaml'), 'utf8')) as { examples: { valid: boolean; today: string; submission: { data: Record<string, unknown> } }[] };
    const valid = examples.examples.find((e) => e.valid)!;
    const module = (await import(pathToFileURL(path.join(procedureDir(), 'index.js')).href)) as { validate(p: unknown, o?: { today?: string }): { valid: boolean; errors: { path: string; rule: string }[] } };
    expect(module.validate(valid.submission, { today: valid.today })).toMatchObject({ valid: true, errors: [] });
    const { ho_ten: _, ...withoutName } = valid.submission.data;
    const broken = module.validate({ ...valid.submission, data: withoutName }, { today: valid.today });
    expect(broken.valid).toBe(false);
    expect(broken.errors).toContainEqual(expect.objectContaining({ path: '/data/ho_ten', rule: 'required' }));
  });

  it('its Payload type accepts a correct payload and rejects a wrong one', async (ctx) => {
    if (offline) ctx.skip(offline);
    const examples = parse(await readFile(path.join(project, 'catalogue/chung-thuc/chung-thuc-chu-ky.examples.yaml'), 'utf8')) as { examples: { valid: boolean; submission: { data: Record<string, unknown> } }[] };
    const submission = examples.examples.find((e) => e.valid)!.submission;
    const source = (payload: unknown) => `import type { Payload } from './dist/catalogue/procedures/${PROCEDURE}/index.js';\nexport const payload: Payload = ${JSON.stringify(payload, null, 2)};\n`;
    await writeFile(path.join(project, 'correct.ts'), source(submission));
    await writeFile(path.join(project, 'wrong.ts'), source({ ...submission, data: { ...submission.data, so_giay_to: 'hai' } }));
    const tsc = async (file: string) => {
      const config = path.join(project, `tsconfig.${file}.json`);
      await writeFile(config, JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: [`${file}.ts`] }));
      return run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: project }).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    };
    expect(await tsc('correct')).toEqual({ code: 0, stdout: '' });
    const wrong = await tsc('wrong');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('the JavaScript example of each package README runs against the installed packages', async (ctx) => {
    if (offline) ctx.skip(offline);
    let ran = 0;
    for (const p of packed) {
      const example = /```js\n([\s\S]*?)```/.exec(await text(p, 'README.md'))?.[1];
      // @thutuc/elements needs a DOM: the browser test below runs its example instead.
      if (!example) continue;
      const file = path.join(project, `readme-${p.name.split('/')[1]}.mjs`);
      await writeFile(file, example);
      await expect(run(process.execPath, [file], { cwd: project }), p.name).resolves.toBeDefined();
      ran++;
    }
    expect(ran).toBe(packed.length - 2); // all but @thutuc/elements (HTML) and @thutuc/cli (shell)
  });

  describe('in a browser', () => {
    let site: Awaited<ReturnType<typeof serveFolder>> | undefined;
    let browser: Awaited<ReturnType<typeof launch>> | undefined;
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('the installed <thutuc-form> bundle renders the procedure from the built browser chunks', async (ctx) => {
      if (offline) ctx.skip(offline);
      await writeFile(
        path.join(project, 'index.html'),
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Dịch vụ công</title><link rel="icon" href="data:,">
<script type="module" src="/node_modules/@thutuc/elements/dist/thutuc.js"></script>
<thutuc-form procedure="${PROCEDURE}" catalogue-base="/dist/catalogue/browser/" action="/api/submissions"></thutuc-form>\n`,
      );
      site = await serveFolder(project);
      browser = await launch();
      const { page, pageErrors } = await open(browser, `${site.url}/index.html`);
      for (const field of ['ho_ten', 'so_giay_to_tuy_than']) await expect.poll(() => page.locator(`thutuc-form [name="/data/${field}"]`).isVisible()).toBe(true);
      expect(await page.locator('thutuc-form').getByText('Hình thức chứng thực').first().isVisible()).toBe(true);
      // The second section's fields wait for the next step.
      expect(await page.locator('thutuc-form [name="/data/ten_giay_to"]').isVisible()).toBe(false);
      expect(site.requested.filter((r) => r.status !== 200)).toEqual([]);
      expect(site.requested.map((r) => r.path)).toContain(`/dist/catalogue/browser/procedures/${PROCEDURE}.js`);
      expect(pageErrors).toEqual([]);
    });
  });
});
