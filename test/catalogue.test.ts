import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type BuildResult } from '@thutuc/compiler';
import { formatDiagnostic, summarizeUnknowns } from '@thutuc/core';

/**
 * The real catalogue: it validates without an error (warnings only for unstated facts), compiles, and every
 * example submission is accepted or rejected exactly as its file says.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test/.tmp/catalogue');

let result: BuildResult;
beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  result = await buildCatalogue({ inputs: ['catalogue'], outDir: out, cwd: root });
});

describe('the catalogue', () => {
  it('has no errors, and no warnings but the facts its sources do not state', () => {
    // TT3040 lists what is still unknown (a time limit, a fee, a date): a to-do list, not a defect.
    const printed = result.diagnostics.filter((d) => d.code !== 'TT3040').map((d) => formatDiagnostic(d, 'en', result.texts.get(d.file)));
    expect(printed).toEqual([]);
    expect(result.ok).toBe(true);
    const unknowns = summarizeUnknowns(result.analysis!.checked.files.procedures.map((p) => p.value));
    expect(result.diagnostics.filter((d) => d.code === 'TT3040')).toHaveLength(unknowns.total);
  });

  it('records the food safety fee of 1.014230 as not stated, not as free', () => {
    const p = result.analysis!.checked.files.procedures.find((d) => d.value.code === '1.014230')!.value;
    expect(p.channels.flatMap((c) => c.fees)).toEqual([expect.objectContaining({ kind: 'unknown', type: 'unknown' })]);
  });

  it('holds the first civil-status procedures with their national codes', () => {
    const codes = Object.fromEntries(result.analysis!.checked.files.procedures.map((p) => [p.value.id, p.value.code]));
    expect(codes).toMatchObject({
      'ho-tich.dang-ky-khai-sinh': '1.001193',
      'ho-tich.dang-ky-khai-tu': '1.000656',
      'ho-tich.cap-ban-sao-trich-luc-ho-tich': '2.000635',
    });
  });

  it('gives every procedure legal basis, channels with time limits, documents and results', () => {
    for (const { value: p } of result.analysis!.checked.files.procedures) {
      expect(p.legalBasis.length, p.id).toBeGreaterThan(0);
      expect(p.channels.length, p.id).toBeGreaterThan(0);
      expect(p.cases.flatMap((c) => c.documents).length, p.id).toBeGreaterThan(0);
      expect(p.results.length, p.id).toBeGreaterThan(0);
    }
  });

  it('has valid and invalid example submissions for every procedure', () => {
    const files = result.analysis!.checked.files;
    for (const { value: p } of files.procedures) {
      const examples = files.examples.filter((e) => e.value.procedure === p.id).flatMap((e) => e.value.examples);
      expect(examples.filter((e) => e.valid).length, `${p.id}: valid examples`).toBeGreaterThanOrEqual(2);
      expect(examples.filter((e) => !e.valid).length, `${p.id}: invalid examples`).toBeGreaterThanOrEqual(3);
      for (const e of examples.filter((x) => !x.valid)) expect(e.errors?.length, `${p.id}/${e.name} must say why it is invalid`).toBeGreaterThan(0);
    }
  });
});

describe('example submissions', async () => {
  const { analyzeCatalogue, loadInputs } = await import('@thutuc/compiler');
  const analysis = await analyzeCatalogue((await loadInputs(['catalogue'], root)).inputs);
  for (const file of analysis.checked.files.examples) {
    const { procedure, examples } = file.value;
    for (const example of examples) {
      it(`${procedure} / ${example.name} is ${example.valid ? 'accepted' : 'rejected'}`, async () => {
        const mod = (await import(pathToFileURL(path.join(out, 'procedures', procedure, 'index.js')).href)) as {
          validate: (p: unknown, o?: { today?: string }) => { valid: boolean; errors: { path: string; rule: string }[] };
        };
        const verdict = mod.validate(example.submission, example.today ? { today: example.today } : {});
        const got = verdict.errors.map((e) => ({ path: e.path, rule: e.rule }));
        if (example.valid) {
          expect(got).toEqual([]);
          expect(verdict.valid).toBe(true);
          // A liên thông bundle's submission must also be a valid submission of each member.
          const bundle = mod as unknown as { split?: (p: unknown, o: object) => { procedure: { id: string }; payload: unknown }[]; members?: { module: { validate: (p: unknown, o?: object) => { errors: unknown[] } } }[] };
          if (bundle.split) {
            const options = example.today ? { today: example.today } : {};
            bundle.split(example.submission, options).forEach((part, i) => {
              expect(bundle.members![i]!.module.validate(part.payload, options).errors, part.procedure.id).toEqual([]);
            });
          }
        } else {
          expect(verdict.valid).toBe(false);
          // exactly the reasons the example states, no more and no fewer
          expect(got.sort(byPath)).toEqual([...(example.errors ?? [])].sort(byPath));
        }
      });
    }
  }
});

const byPath = (a: { path: string; rule: string }, b: { path: string; rule: string }) =>
  a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule);
