import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Packs every workspace package the way `npm publish` would (prepack scripts included) and
 * unpacks the tarballs, so tests look at exactly what users download.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Packed {
  name: string;
  tarball: string;
  /** The unpacked `package/` folder. */
  dir: string;
  /** Paths inside the package, '/'-separated. */
  files: string[];
}

export async function workspaces(): Promise<{ name: string; version: string }[]> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return Promise.all(manifest.workspaces.map(async (dir) => JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8')) as { name: string; version: string }));
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)])));
  return nested.flat().sort();
}

/**
 * @thutuc/catalogue is packed from a copy of its folder, built by `thutuc build` beside it
 * inside the repository (so the browser chunks resolve @thutuc/runtime): other test files
 * rebuild packages/catalogue/dist while this one runs, and its prepack would race them.
 */
async function packCatalogue(into: string): Promise<void> {
  const copy = path.join(root, 'test/.tmp/pack-catalogue');
  await rm(copy, { recursive: true, force: true });
  await mkdir(copy, { recursive: true });
  for (const file of ['package.json', 'README.md', 'LICENSE']) await cp(path.join(root, 'packages/catalogue', file), path.join(copy, file));
  await run(process.execPath, [path.join(root, 'packages/cli/bin/thutuc.js'), 'build', 'catalogue', '--out', path.join(copy, 'dist')], { cwd: root });
  await run(npm, ['pack', copy, '--ignore-scripts', '--pack-destination', into, '--silent'], { cwd: root });
}

/** `tsc -b`, then `npm pack` of every workspace into `into`, each tarball unpacked beside it. */
export async function packAll(into: string): Promise<Packed[]> {
  await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root });
  await mkdir(into, { recursive: true });
  const all = await workspaces();
  const others = all.filter((w) => w.name !== '@thutuc/catalogue').flatMap((w) => ['-w', w.name]);
  await run(npm, ['pack', ...others, '--pack-destination', into, '--silent'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  await packCatalogue(into);
  const packed: Packed[] = [];
  for (const { name, version } of all) {
    const tarball = path.join(into, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
    const unpacked = path.join(into, 'unpacked', name);
    await mkdir(unpacked, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    const dir = path.join(unpacked, 'package');
    packed.push({ name, tarball, dir, files: await listFiles(dir) });
  }
  return packed;
}

const IMPORT = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The packages a file imports by name (`node:` built-ins and relative paths left out). */
export function importedPackages(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return names;
}
