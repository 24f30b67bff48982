import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { analyzeCatalogue, buildCatalogue, loadInputs } from '@thutuc/compiler';
import { createPaperDossier, renderPaper, type CompiledProcedure, type PaperDesk, type PaperKind, type PaperOptions, type PaperSubmission } from '@thutuc/papers';
import { createWorkingCalendar } from '@thutuc/runtime';

/**
 * Official papers from a fixed fixture (test/fixtures/papers: trimmed copies of the birth and
 * permanent-residence procedures), so edits to the real catalogue do not rewrite the goldens.
 * Each suite builds it into a folder of its own (`name`), so suites may run side by side.
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = 'test/fixtures/papers';
export const golden = path.join(root, 'test/golden/papers');
export const BIRTH = 'ho-tich.dang-ky-khai-sinh';
export const RESIDENCE = 'cu-tru.dang-ky-thuong-tru';
/** Friday 10:00: the residence appointment skips Giỗ Tổ, its compensatory Monday, 30/4 and 1/5. */
export const RECEIVED = '2026-04-24T10:00';
export const POLICE: PaperDesk = { parent: 'Công an phường Hoàn Kiếm', place: 'Hà Nội', phone: '024 3825 0000', officer: 'Đỗ Văn Quang' };

export interface PaperFixture {
  built: string;
  analysis: Awaited<ReturnType<typeof analyzeCatalogue>>;
  exampleOf(id: string, name: string): PaperSubmission;
  dossier(id: string, submission: PaperSubmission, desk?: PaperDesk): ReturnType<typeof made>;
  render(kind: PaperKind, id: string, submission: PaperSubmission, options?: PaperOptions, desk?: PaperDesk): string;
}

function made(result: ReturnType<typeof createPaperDossier>) {
  if (!result.ok) throw new Error(result.error.en);
  return result.dossier;
}

export async function paperFixture(name: string): Promise<PaperFixture> {
  const built = path.join(root, 'test/.tmp', name);
  const analysis = await analyzeCatalogue((await loadInputs([fixtures], root)).inputs);
  expect(analysis.ok).toBe(true);
  await rm(built, { recursive: true, force: true });
  const result = await buildCatalogue({ inputs: [fixtures], outDir: built, cwd: root });
  expect(result.ok).toBe(true);
  const modules = new Map<string, CompiledProcedure>();
  for (const id of [BIRTH, RESIDENCE]) modules.set(id, (await import(pathToFileURL(path.join(built, 'procedures', id, 'index.js')).href)) as CompiledProcedure);

  const exampleOf = (id: string, example: string): PaperSubmission => {
    const found = analysis.checked.files.examples.filter((f) => f.value.procedure === id).flatMap((f) => f.value.examples).find((e) => e.name === example)!;
    return structuredClone(found.submission) as PaperSubmission;
  };
  const dossier = (id: string, submission: PaperSubmission, desk?: PaperDesk) =>
    made(
      createPaperDossier({
        procedure: modules.get(id)!,
        submission,
        receivedAt: RECEIVED,
        dossierCode: 'G15.TEST-20260424-0000001',
        calendar: createWorkingCalendar(analysis.checked.files.holidays.map((f) => f.value)),
        agencies: analysis.checked.files.agencies.flatMap((f) => f.value.agencies),
        ...(desk ? { desk } : {}),
      }),
    );
  const render = (kind: PaperKind, id: string, submission: PaperSubmission, options: PaperOptions = {}, desk?: PaperDesk): string => {
    const out = renderPaper(kind, dossier(id, submission, desk), options);
    if (!out.ok) throw new Error(out.error.en);
    return out.html;
  };
  return { built, analysis, exampleOf, dossier, render };
}
