import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

/**
 * The layout's promises, checked: no import circle inside or between packages, each package
 * imports only the thutuc packages it declares, the package graph runs one way, and nothing
 * that ships evaluates strings as code.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = path.join(root, 'packages');
const packages = readdirSync(packagesDir).filter((p) => readdirSync(path.join(packagesDir, p)).includes('package.json'));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}
const manifests = new Map(packages.map((p) => [p, JSON.parse(readFileSync(path.join(packagesDir, p, 'package.json'), 'utf8')) as Manifest]));

async function circlesIn(glob: string): Promise<string[][]> {
  const tree = await parseDependencyTree([glob], { context: root, transform: false, skipDynamicImports: false });
  return parseCircular(tree);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs|hbs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('architecture', () => {
  it('has no import circle in any package', async () => {
    const circles = await circlesIn('packages/*/src/**/*.ts');
    expect(circles.map((c) => c.join(' → '))).toEqual([]);
  });

  it('sees a circle when there is one (the check can fail)', async () => {
    const circles = await circlesIn('test/fixtures/cycle/*.ts');
    expect(circles).toHaveLength(1);
    expect(circles[0]!.map((f) => path.basename(f)).sort()).toEqual(['a.ts', 'b.ts']);
  });

  it('imports only the thutuc packages each package declares, and the package graph has no circle', () => {
    const declared = new Map([...manifests].map(([dir, m]) => [m.name, Object.keys(m.dependencies ?? {}).filter((d) => d.startsWith('@thutuc/'))]));
    for (const [dir, manifest] of manifests) {
      const src = path.join(packagesDir, dir, 'src');
      let files: string[] = [];
      try {
        files = sourceFiles(src);
      } catch {
        continue; // @thutuc/catalogue has no sources of its own
      }
      const used = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '(@thutuc\/[a-z-]+)/g)].map((m) => m[1]!)));
      used.delete(manifest.name);
      expect([...used].filter((u) => !declared.get(manifest.name)!.includes(u)), `${manifest.name} imports undeclared packages`).toEqual([]);
    }
    // Depth-first walk: a package met again on the current path is a circle.
    const visit = (name: string, trail: string[]): void => {
      expect(trail, `package circle: ${[...trail, name].join(' → ')}`).not.toContain(name);
      for (const dep of declared.get(name) ?? []) visit(dep, [...trail, name]);
    };
    for (const name of declared.keys()) visit(name, []);
  });

  it('keeps the runtime free of the YAML parser, the schema compiler and the expression parser', () => {
    const runtime = manifests.get('runtime')!;
    for (const heavy of ['yaml', 'ajv', 'jsep', 'handlebars']) expect(runtime.dependencies ?? {}).not.toHaveProperty(heavy);
  });

  it('evaluates no strings as code in anything that ships', () => {
    const offenders: string[] = [];
    for (const dir of packages) {
      for (const sub of ['src', 'templates', 'scripts', 'bin']) {
        let files: string[] = [];
        try {
          files = sourceFiles(path.join(packagesDir, dir, sub));
        } catch {
          continue;
        }
        for (const f of files) if (/\bnew Function\s*\(|\beval\s*\(/.test(readFileSync(f, 'utf8'))) offenders.push(path.relative(root, f));
      }
    }
    expect(offenders).toEqual([]);
  });
});
