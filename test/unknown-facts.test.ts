import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, buildCatalogue, loadInputs } from '@thutuc/compiler';
import { summarizeUnknowns } from '@thutuc/core';
import { createPaperDossier, renderPaper, type CompiledProcedure } from '@thutuc/papers';
import { buildReport, reportCsv, summaryLine } from '@thutuc/report';
import { computeDeadline, computeFees, createWorkingCalendar } from '@thutuc/runtime';

/**
 * One procedure whose sources leave out the online time limit, the unit of the in-person one,
 * two fee amounts, a fee kind and the effective date. Every consumer must say "not stated":
 * no 0, no "free", no "same day", no appointment.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');
const fixtures = 'test/fixtures/unknown-facts';
const built = path.join(root, 'test/.tmp/unknown-facts');
const ID = 'thu-nghiem.chua-co-thong-tin';

let analysis: Awaited<ReturnType<typeof analyzeCatalogue>>;
let compiled: CompiledProcedure;

beforeAll(async () => {
  analysis = await analyzeCatalogue((await loadInputs([fixtures], root)).inputs);
  await rm(built, { recursive: true, force: true });
  const result = await buildCatalogue({ inputs: [fixtures], outDir: built, cwd: root });
  expect(result.ok).toBe(true);
  compiled = (await import(pathToFileURL(path.join(built, 'procedures', ID, 'index.js')).href)) as CompiledProcedure;
});

const procedure = () => analysis.checked.files.procedures[0]!.value;
const thutuc = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('a procedure whose sources leave facts out', () => {
  it('validates, with one warning per unstated fact and a count for the catalogue', () => {
    expect(analysis.ok).toBe(true);
    const warnings = analysis.diagnostics.filter((d) => d.code === 'TT3040');
    expect(warnings.map((d) => d.line)).toEqual([12, 19, 21, 21, 24, 27]);
    expect(summarizeUnknowns([procedure()]).byFact).toEqual({ time: 1, timeUnit: 1, fee: 2, feeType: 1, effectiveDate: 1 });
    const cli = thutuc(['validate', fixtures, '--lang', 'en']);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('6 fact(s) not stated in 1 procedure(s) (the processing time: 1; the unit of the processing time: 1; the fee amount: 2;');
  });

  it('has no appointment: the deadline command and the engine refuse and say why', () => {
    const calendar = createWorkingCalendar(analysis.checked.files.holidays.map((f) => f.value));
    const online = computeDeadline('2026-04-24T10:00', procedure().channels[0]!.processingTime, calendar);
    expect(online).toEqual({ ok: false, error: expect.objectContaining({ en: expect.stringContaining('processing time is not stated (the source says: "Không có thông tin")') }) });
    const cli = thutuc(['deadline', ID, '--catalogue', fixtures, '--received', '2026-04-24T10:00', '--channel', 'in_person', '--lang', 'en']);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('the unit of the procedure\'s processing time (working days or days) is not stated');
  });

  it('prices an unstated fee as unknown, never 0, and marks the total incomplete', () => {
    const fees = computeFees(procedure(), {}, { channel: 'online', data: {} });
    expect(fees.lines).toEqual([expect.objectContaining({ id: 'phi', status: 'unknown', raw: 'Không có thông tin' })]);
    expect(fees.lines[0]!.amount).toBeUndefined();
    expect(fees.complete).toBe(false);
    expect(fees.summary[0]!.text).toEqual({ vi: 'Chưa xác định tổng số tiền (chưa gồm khoản chưa có thông tin về mức thu)', en: 'Total not determined (not including amounts that are not stated)' });
  });

  it('reports "not stated" in the list, the CSV and the page, never "same day" or "no fee"', () => {
    const report = buildReport(analysis.checked.files);
    const row = report.rows[0]!;
    const online = row.channels.find((c) => c.channel === 'online')!;
    const inPerson = row.channels.find((c) => c.channel === 'in_person')!;
    expect(online.processingTime).toMatchObject({ known: false, value: null, text: { vi: 'Chưa có thông tin', en: 'Not stated' } });
    expect(inPerson.processingTime.text.vi).toBe('5 (chưa có thông tin về đơn vị thời gian)');
    expect(online.feeSummary.vi).toBe('Phí, lệ phí: Chưa có thông tin');
    expect(inPerson.feeSummary.en).toBe('Charge: VND 10,000; Appraisal fee: Not stated');
    expect(row.effectiveDate).toBeNull();
    expect(summaryLine(report.summary, 'vi')).toContain('chưa có thông tin: 2 thời hạn giải quyết, 2 mức phí, lệ phí, 1 loại phí/lệ phí, 1 ngày áp dụng');
    const csv = reportCsv(report.rows, 'vi');
    expect(csv).toContain('Chưa có thông tin');
    expect(csv).not.toMatch(/Trong ngày|Không thu phí/);
    const page = report.files.get(`procedures/${ID}.html`) ?? '';
    expect(page).toContain('Chưa có thông tin');
    expect(page).not.toMatch(/Trong ngày|Không thu phí|(?<![\d.])0 đ/);
  });

  it('prints a receipt with no invented time, appointment or amount', () => {
    const made = createPaperDossier({
      procedure: compiled,
      submission: { channel: 'online', case: 'mot', data: { ho_ten: 'Nguyễn Văn A' }, documents: {} },
      receivedAt: '2026-04-24T10:00',
      dossierCode: 'TEST-20260424-0000001',
      calendar: createWorkingCalendar(analysis.checked.files.holidays.map((f) => f.value)),
      agencies: analysis.checked.files.agencies.flatMap((f) => f.value.agencies),
    });
    if (!made.ok) throw new Error(made.error.en);
    expect(made.dossier.receipt.appointment).toBeUndefined();
    const paper = renderPaper('receipt', made.dossier);
    if (!paper.ok) throw new Error(paper.error.en);
    expect(paper.html).toContain('Thời gian giải quyết hồ sơ theo quy định là: <b>Chưa có thông tin</b>');
    expect(paper.html).toMatch(/data-appointment><span class="blank">…+<\/span>/);
    expect(paper.html).toContain('<td class="amount">Chưa có thông tin</td>');
    expect(paper.html).toContain('<td class="amount">Chưa xác định</td>');
    expect(paper.html).not.toMatch(/(?<![\d.])0 đ|không thu phí/);
  });
});
