import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

function thutuc(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Procedures (and bundles) in the YAML, counted without the compiler the command uses. */
async function procedureCount(dir: string): Promise<number> {
  const yaml = (await readdir(dir, { recursive: true })).filter((f) => /\.ya?ml$/.test(f));
  const texts = await Promise.all(yaml.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts.filter((t) => /^kind: (procedure|bundle)\s*$/m.test(t)).length;
}

describe('thutuc export --format cpsv-ap', () => {
  it('writes the project catalogue as JSON-LD to the file given', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'thutuc-cpsv-')), 'sub/catalogue.jsonld');
    const r = thutuc(['export', '--format', 'cpsv-ap', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc['@context'].cpsv).toBe('http://purl.org/vocab/cpsv#');
    expect(doc['@context'].cv).toBe('http://data.europa.eu/m8g/');
    const birth = doc['@graph'].find((s: { 'dct:identifier': string }) => s['dct:identifier'] === '1.001193');
    expect(birth['@type']).toBe('cpsv:PublicService');
    expect(r.stderr).toContain(`✓ Đã ghi ${doc['@graph'].length} dịch vụ công`);
    expect(doc['@graph'].length).toBe(await procedureCount(path.join(root, 'catalogue')));
  });

  it('prints to stdout without --out, and refuses an unknown format', () => {
    const r = thutuc(['export', '--format', 'cpsv-ap', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)['@graph'].length).toBeGreaterThan(10);
    const bad = thutuc(['export', '--format', 'dcat']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format cpsv-ap');
  });
});
