import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, buildCatalogue, loadInputs } from '@thutuc/compiler';
import { validateSource, parseSource } from '@thutuc/core';
import { createPaperDossier, renderPaper, type CompiledProcedure } from '@thutuc/papers';
import { buildReport } from '@thutuc/report';
import { computeFees, createWorkingCalendar } from '@thutuc/runtime';

/**
 * What real records say and the model must hold: codes of every shape, a per-unit charge in
 * any unit, a reduction limited to a period, step time limits, result validity, copy kinds
 * and translations — validated, priced, reported and printed.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = 'test/fixtures/record-shapes';
const built = path.join(root, 'test/.tmp/record-shapes');
const ID = 'thu-nghiem.dieu-ban-ghi-noi';
const samples = path.resolve(root, '../shared/data');
const samplesPresent = existsSync(path.join(samples, 'portal-text-samples/records.json')) && existsSync(path.join(samples, 'dichvucong-samples'));
if (!samplesPresent) console.warn(`record-shapes: the portal samples part is skipped, not found at ${samples} (../shared/data beside the repository)`);

let analysis: Awaited<ReturnType<typeof analyzeCatalogue>>;
let compiled: CompiledProcedure;

beforeAll(async () => {
  analysis = await analyzeCatalogue((await loadInputs([fixtures], root)).inputs);
  await rm(built, { recursive: true, force: true });
  expect((await buildCatalogue({ inputs: [fixtures], outDir: built, cwd: root })).ok).toBe(true);
  compiled = (await import(pathToFileURL(path.join(built, 'procedures', ID, 'index.js')).href)) as CompiledProcedure;
});

const procedure = () => analysis.checked.files.procedures[0]!.value;

/** The procedure with another code and result code, validated against the schema alone. */
function codeErrors(code: string, result: string): string[] {
  const source = parseSource('kind: procedure\n', 'p.yaml');
  source.value = { ...structuredClone(procedure()), code, results: [{ code: result, name: { vi: 'Kết quả' } }] };
  return validateSource(source).diagnostics.map((d) => `${d.path}: ${d.message.en}`);
}

describe('the model says what records say', () => {
  it('validates the fixture', () => {
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.skipIf(!samplesPresent)('accepts every procedure and result code in the portal samples and the catalogue, and rejects junk', async () => {
    const text = JSON.parse(await readFile(path.join(samples, 'portal-text-samples/records.json'), 'utf8')) as { records: { ma_thu_tuc: string; ket_qua_xu_ly: string }[] };
    const procedureCodes = text.records.map((r) => r.ma_thu_tuc);
    // "Mã: KQ.G12.001311Từ khóa…": the code ends where the next capitalised word is glued on.
    const resultCodes = text.records.flatMap((r) => [...r.ket_qua_xu_ly.matchAll(/Mã: (\S+?)(?=Từ khóa|\p{Lu}\p{Ll}|$)/gu)].map((m) => m[1]!)).filter((c) => c.includes('KQ'));
    for (const file of ['birth_procedures_raw.json', 'residence_procedures_raw.json']) {
      const raw = await readFile(path.join(samples, 'dichvucong-samples', file), 'utf8');
      procedureCodes.push(...[...raw.matchAll(/"code":\s*"(\d\.\d{6})"/g)].map((m) => m[1]!));
      resultCodes.push(...[...raw.matchAll(/"code":\s*"((?:KQ\.|000\.)[0-9A-Z.]+-?KQ?\d*)"/g)].map((m) => m[1]!).filter((c) => /KQ/.test(c)));
    }
    procedureCodes.push(...analysis.checked.files.procedures.map((p) => p.value.code));
    expect(procedureCodes.filter((c) => /^[56]\./.test(c)).length).toBeGreaterThan(0);
    expect(resultCodes.length).toBeGreaterThan(40);
    for (const code of new Set(procedureCodes)) expect(codeErrors(code, 'KQ.G15.000031'), code).toEqual([]);
    for (const code of new Set(resultCodes)) expect(codeErrors('1.001193', code), code).toEqual([]);
    expect(codeErrors('1.001193', 'sfbkjas')).toEqual([expect.stringContaining('/results/0/code')]);
    expect(codeErrors('0.123', 'KQ.G15.000031')).toEqual([expect.stringContaining('/code')]);
  });

  it('charges per "tờ khai" and applies a reduction only within its period', () => {
    const payload = { channel: 'in_person', data: { so_to_khai: 2 } };
    const during = computeFees(procedure(), compiled.conditions, payload, { today: '2026-06-01' });
    expect(during.lines[0]).toMatchObject({ status: 'charged', amount: 800000, unitAmount: 400000, exemption: { id: 'giam-2025' } });
    expect(during.lines[0]!.detail?.vi).toBe('2 tờ khai × 400.000 đ');
    const after = computeFees(procedure(), compiled.conditions, payload, { today: '2027-01-01' });
    expect(after.lines[0]).toMatchObject({ amount: 1600000, unitAmount: 800000 });
    expect(after.lines[0]!.exemption).toBeUndefined();
  });

  it('shows the unit, the reduction period, step time limits, result validity and copy kinds in the report', () => {
    const page = buildReport(analysis.checked.files).files.get(`procedures/${ID}.html`)!;
    expect(page).toContain('800.000 đ/tờ khai');
    expect(page).toContain('mức thu 400.000 đ · từ 01/07/2025 đến hết 31/12/2026');
    expect(page).toContain('5 ngày làm việc');
    expect(page).toMatch(/Quyết định<\/strong> <span class="muted">\([^)]*; Chưa có thông tin\)/);
    expect(page).toContain('Có giá trị 3 tháng');
    expect(page).toContain('Bản sao: bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu; kèm bản dịch tiếng Việt có chứng thực hoặc công chứng');
  });

  it('prints the kind of copy and the translation on the receipt', () => {
    const made = createPaperDossier({
      procedure: compiled,
      submission: { channel: 'in_person', case: 'mot', data: { so_to_khai: 1 }, documents: { don: [{}], 'giay-phep-nuoc-ngoai': [{}] } },
      receivedAt: '2026-04-24T10:00',
      dossierCode: 'TEST-20260424-0000002',
      calendar: createWorkingCalendar([]),
      agencies: analysis.checked.files.agencies.flatMap((f) => f.value.agencies),
    });
    if (!made.ok) throw new Error(made.error.en);
    const paper = renderPaper('receipt', made.dossier);
    if (!paper.ok) throw new Error(paper.error.en);
    expect(paper.html).toContain('<span class="detail">Bản sao: bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu; kèm bản dịch tiếng Việt có chứng thực hoặc công chứng</span>');
  });

  it('gives the form the kind of copy and the translation a document asks for', async () => {
    const out = `${built}-browser`;
    await rm(out, { recursive: true, force: true });
    expect((await buildCatalogue({ inputs: [fixtures], outDir: out, cwd: root, browser: true })).ok).toBe(true);
    const chunk = await readFile(path.join(out, 'browser/procedures', `${ID}.js`), 'utf8');
    // The browser's definition keeps both facts, so the documents step can word them.
    expect(chunk).toMatch(/"?copyKinds"?\s*:\s*\[\s*"certified"\s*,\s*"with_original"\s*\]/);
    expect(chunk).toMatch(/"?translation"?\s*:\s*"certified"/);
  });
});
