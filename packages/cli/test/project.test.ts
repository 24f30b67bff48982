import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findConfig } from '../src/config.js';
// @ts-expect-error plain JS build script
import { fillInitTemplate } from '../scripts/fill-init-template.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

function thutuc(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder outside this repository, so nothing above it holds thutuc settings. */
const scratch = () => mkdtemp(path.join(os.tmpdir(), 'thutuc-project-'));

describe('project settings', () => {
  it('uses the defaults, relative to the working directory, when there is no settings file', async () => {
    const dir = await scratch();
    expect(await findConfig(dir)).toEqual({ catalogue: path.join(dir, 'catalogue'), out: path.join(dir, 'dist/catalogue'), file: undefined });
  });

  it('finds thutuc.config.json in a folder above and resolves paths from that folder', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'thutuc.config.json'), JSON.stringify({ catalogue: 'yaml', out: 'public/catalogue' }));
    const deep = path.join(dir, 'a/b');
    await mkdir(deep, { recursive: true });
    expect(await findConfig(deep)).toEqual({ catalogue: path.join(dir, 'yaml'), out: path.join(dir, 'public/catalogue'), file: path.join(dir, 'thutuc.config.json') });
  });

  it('reads the "thutuc" field of package.json, and prefers thutuc.config.json beside it', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', thutuc: { catalogue: 'procedures' } }));
    expect(await findConfig(dir)).toMatchObject({ catalogue: path.join(dir, 'procedures'), out: path.join(dir, 'dist/catalogue') });
    await writeFile(path.join(dir, 'thutuc.config.json'), JSON.stringify({ out: 'build' }));
    expect(await findConfig(dir)).toMatchObject({ catalogue: path.join(dir, 'catalogue'), out: path.join(dir, 'build') });
  });

  it('skips package.json files without a "thutuc" field on the way up', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'thutuc.config.json'), JSON.stringify({ catalogue: 'src/catalogue' }));
    await mkdir(path.join(dir, 'site'));
    await writeFile(path.join(dir, 'site/package.json'), JSON.stringify({ name: 'site' }));
    expect((await findConfig(path.join(dir, 'site'))).catalogue).toBe(path.join(dir, 'src/catalogue'));
  });

  it('rejects unknown settings and non-string paths in both languages, exit 2', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'thutuc.config.json'), JSON.stringify({ catalog: 'x' }));
    const r = thutuc(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có tùy chọn "catalog"');
    expect(thutuc(['validate', '--lang', 'en'], dir).stderr).toContain('unknown setting "catalog"');
    await writeFile(path.join(dir, 'thutuc.config.json'), JSON.stringify({ out: 3 }));
    expect(thutuc(['build', '--lang', 'en'], dir).stderr).toContain('"out" must be a folder path');
    await writeFile(path.join(dir, 'thutuc.config.json'), '{ out: ');
    expect(thutuc(['build'], dir).stderr).toContain('JSON không hợp lệ');
  });

  it('lets validate and build run without arguments from a subfolder of the project', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', thutuc: { catalogue: 'yaml', out: 'public/catalogue' } }));
    await cp(path.join(root, 'test/fixtures/catalogue'), path.join(dir, 'yaml'), { recursive: true });
    await mkdir(path.join(dir, 'scripts'));
    const validated = thutuc(['validate', '--lang', 'en'], path.join(dir, 'scripts'));
    expect(validated.stdout).toContain('4 file(s) valid');
    const built = thutuc(['build', '--lang', 'en'], path.join(dir, 'scripts'));
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`into ${path.join(dir, 'public/catalogue')}`);
    const index = JSON.parse(await readFile(path.join(dir, 'public/catalogue/index.json'), 'utf8')) as { procedures: unknown[] };
    expect(index.procedures.length).toBeGreaterThan(0);
  });
});

describe('thutuc init', () => {
  beforeAll(async () => {
    await fillInitTemplate();
  });

  it('creates a project that validates and builds with no arguments', async () => {
    const dir = await scratch();
    const r = thutuc(['init', 'my-catalogue'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã tạo dự án danh mục trong my-catalogue');
    const project = path.join(dir, 'my-catalogue');
    expect(JSON.parse(await readFile(path.join(project, 'thutuc.config.json'), 'utf8'))).toEqual({ catalogue: 'catalogue', out: 'dist/catalogue' });
    const holidays = await readdir(path.join(project, 'catalogue/shared/holidays'));
    expect(holidays).toContain(`${new Date().getFullYear()}.yaml`);
    const procedure = await readFile(path.join(project, 'catalogue/chung-thuc/chung-thuc-chu-ky.yaml'), 'utf8');
    expect(procedure.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/@thutuc/core/schemas/procedure.schema.json');
    const calendar = await readFile(path.join(project, 'catalogue/shared/holidays', holidays[0]!), 'utf8');
    expect(calendar.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../node_modules/@thutuc/core/schemas/holidays.schema.json');

    expect(thutuc(['validate'], project).stdout).toContain('42 tệp hợp lệ');
    expect(thutuc(['build'], project).code).toBe(0);
    const index = JSON.parse(await readFile(path.join(project, 'dist/catalogue/index.json'), 'utf8')) as { procedures: { id: string }[] };
    expect(index.procedures.map((p) => p.id)).toEqual(['chung-thuc.chung-thuc-chu-ky']);
  });

  it('points the schema lines at an installed @thutuc/core when one is above the folder', async () => {
    const dir = await scratch();
    await mkdir(path.join(dir, 'node_modules/@thutuc/core/schemas'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules/@thutuc/core/schemas/agencies.schema.json'), '{}');
    expect(thutuc(['init', 'nested/project'], dir).code).toBe(0);
    const agencies = await readFile(path.join(dir, 'nested/project/catalogue/shared/agencies.yaml'), 'utf8');
    expect(agencies.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../node_modules/@thutuc/core/schemas/agencies.schema.json');
  });

  it('refuses to overwrite and writes nothing when any file exists', async () => {
    const dir = await scratch();
    await mkdir(path.join(dir, 'catalogue/shared'), { recursive: true });
    await writeFile(path.join(dir, 'catalogue/shared/agencies.yaml'), 'kind: agencies\n');
    const r = thutuc(['init', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('File(s) already exist, nothing written');
    expect(r.stderr).toContain(path.join('catalogue', 'shared', 'agencies.yaml'));
    expect(await readFile(path.join(dir, 'catalogue/shared/agencies.yaml'), 'utf8')).toBe('kind: agencies\n');
    expect(await readdir(dir)).toEqual(['catalogue']);
  });
});
