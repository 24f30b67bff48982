import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '@thutuc/compiler';
import { computeFees, localFeeOverrides, type ProvinceFeeFile } from '@thutuc/runtime';
import { MINIMAL_PROCEDURE } from '../../../test/helpers/minimal.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The minimal procedure with its charge set locally (by a provincial council). */
const LOCAL = MINIMAL_PROCEDURE.replace('        kind: fixed\n        amount: 10000', '        kind: local');

const resolution = (province: string, fees: string) => `# yaml-language-server: $schema=../schemas/fee-overrides.schema.json
kind: fee-overrides
province: "${province}"
resolution: { number: 12/2025/NQ-HĐND, date: "2025-07-10" }
fees:
${fees}`;

async function build(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(root, 'test/.tmp/overrides-'));
  await mkdir(path.join(dir, 'src'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'src', name), text);
  const result = await buildCatalogue({ inputs: [path.join(dir, 'src')], outDir: path.join(dir, 'out'), cwd: root });
  return { result, out: path.join(dir, 'out') };
}

describe('provincial fee amounts', () => {
  it('fill in a locally set fee for that province, and only there', async () => {
    const { result, out } = await build({
      'p.yaml': LOCAL,
      'ha-noi.yaml': resolution('01', '  - { procedure: thu-nghiem.toi-thieu, fee: le-phi, amount: 5000 }\n  - { procedure: thu-nghiem.toi-thieu, fee: le-phi, channel: online, amount: 2500 }\n'),
    });
    expect(result.diagnostics).toEqual([]);
    const file = JSON.parse(await readFile(path.join(out, 'overrides/01.json'), 'utf8')) as ProvinceFeeFile;
    const p = await import(pathToFileURL(path.join(out, 'procedures/thu-nghiem.toi-thieu/index.js')).href);
    const payload = { channel: 'online', delivery: 'post', data: { ho_ten: 'A' } };
    const without = computeFees(p.definition, p.conditions, payload);
    expect(without.complete).toBe(false);
    expect(without.lines[0]).toMatchObject({ status: 'local' });
    const withOverrides = computeFees(p.definition, p.conditions, payload, { overrides: localFeeOverrides(file, p.id, 'online')! });
    expect(withOverrides.complete).toBe(true);
    expect(withOverrides.totals).toEqual({ VND: 2500 });
    expect(withOverrides.lines[0]).toMatchObject({ status: 'charged', amount: 2500, resolution: { number: '12/2025/NQ-HĐND', province: '01' } });
    expect(localFeeOverrides(file, p.id, 'in_person')?.amounts).toEqual({ 'le-phi': 5000 });
    expect(localFeeOverrides(file, 'khac.thu-tuc', 'online')).toBeUndefined();
  });

  it('refuse to override a fee the catalogue fixes itself, or one that does not exist', async () => {
    const { result } = await build({
      'p.yaml': MINIMAL_PROCEDURE,
      'r.yaml': resolution('01', '  - { procedure: thu-nghiem.toi-thieu, fee: le-phi, amount: 5000 }\n  - { procedure: thu-nghiem.toi-thieu, fee: le-phii, amount: 5000 }\n'),
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.line, d.message.en])).toEqual([
      ['TT3015', 6, 'The fee line `le-phi` of `thu-nghiem.toi-thieu` is not `kind: local` (set by the provincial council), so it cannot be overridden.'],
      ['TT3002', 7, 'No fee line named `le-phii` exists. Did you mean `le-phi`?'],
    ]);
  });
});
