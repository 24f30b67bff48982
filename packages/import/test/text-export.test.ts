import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { agenciesFromYaml, convertPortalJson, schemaRef, type ImportedProcedure, type KnownAgency } from '@thutuc/import';

/**
 * The portal's text export (40 real records; the format holds thousands): every record
 * becomes a draft that validates, channels get a structured time and fee where their cell
 * states one, and every document row lands in a case with its counts. The figures are printed.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = path.resolve(root, '../shared/data/portal-text-samples/records.json');
const present = existsSync(file);
if (!present) console.warn(`text-export import tests skipped: ${file} not found`);

let agencies: KnownAgency[] = [];
let procedures: ImportedProcedure[] = [];

beforeAll(async () => {
  agencies = agenciesFromYaml(await readFile(path.join(root, 'catalogue/shared/agencies.yaml'), 'utf8'));
  if (!present) return;
  const result = convertPortalJson(await readFile(file, 'utf8'), { agencies, origin: 'records.json' });
  expect(result.failures).toEqual([]);
  procedures = result.procedures;
});

const sum = (f: (p: ImportedProcedure) => number) => procedures.reduce((n, p) => n + f(p), 0);
const share = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe.skipIf(!present)('thutuc import of the portal text export', () => {
  it('imports every record to a draft that validates', async () => {
    expect(procedures).toHaveLength(40);
    expect(new Set(procedures.map((p) => p.shape))).toEqual(new Set(['text']));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-text-import-'));
    await cp(path.join(root, 'catalogue/shared'), path.join(dir, 'shared'), { recursive: true });
    for (const p of procedures) {
      const out = path.join(dir, p.path);
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, p.render(schemaRef(out, path.join(root, 'schemas/procedure.schema.json'))));
    }
    const analysis = await analyzeCatalogue((await loadInputs([dir], dir)).inputs);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code} ${d.message.en}`);
    expect(errors).toEqual([]);
  });

  it('structures ≥ 90 % of stated time limits and fees, and puts every document row in a case with its counts', () => {
    const rows = sum((p) => p.stats!.channels.rows);
    const time = [sum((p) => p.stats!.channels.timeStructured), sum((p) => p.stats!.channels.timeStated)] as const;
    const fee = [sum((p) => p.stats!.channels.feeStructured), sum((p) => p.stats!.channels.feeStated)] as const;
    const docs = sum((p) => p.stats!.documents.rows);
    const placed = sum((p) => p.stats!.documents.inCases + p.stats!.documents.remarks);
    console.log(
      `text export, ${procedures.length} records: ${rows} channel rows; time limits structured ${time[0]}/${time[1]} stated (${(share(...time) * 100).toFixed(1)} %); ` +
        `fees structured ${fee[0]}/${fee[1]} stated (${(share(...fee) * 100).toFixed(1)} %); document rows ${placed}/${docs} in a case or kept as a remark (${sum((p) => p.stats!.documents.remarks)} remarks)`,
    );
    expect(rows).toBeGreaterThanOrEqual(procedures.length);
    expect(share(...time)).toBeGreaterThanOrEqual(0.9);
    expect(share(...fee)).toBeGreaterThanOrEqual(0.9);
    expect(placed).toBe(docs);
  });

  it('reads glued cells: "Trực tuyến1100 VNĐ(…100.000 đồng/lần…)", a dated reduction, "Miễn phí" that is not free', () => {
    const byCode = (code: string) => procedures.find((p) => p.code === code)!.draft.procedure;
    const business = byCode('2.002042').channels.find((c) => c.channel === 'online')!;
    expect(business.processingTime).toMatchObject({ value: 1, unit: 'unknown' });
    expect(business.fees[0]).toMatchObject({ kind: 'fixed', amount: 100000, type: 'phi' });
    const lawyer = byCode('1.000828').channels[0]!;
    expect(lawyer.processingTime).toMatchObject({ value: 15, unit: 'working_day' });
    expect(lawyer.fees[0]).toMatchObject({ kind: 'fixed', amount: 800000, exemptions: [{ amount: 400000, validFrom: '2025-07-01', validUntil: '2026-12-31' }] });
    expect(byCode('1.014035').channels[0]!.fees[0]).toMatchObject({ kind: 'local' });
    expect(byCode('1.010101').channels[0]!.fees[0]).toMatchObject({ kind: 'unknown' });
    expect(byCode('3.000138').channels[0]!.fees[0]).toMatchObject({ kind: 'exempt' });
    expect(byCode('6.006575').channels[0]!.fees[0]).toMatchObject({ kind: 'unknown', raw: 'Không có thông tin' });
    expect(byCode('2.001159').channels[0]!.processingTime).toMatchObject({ value: 1, unit: 'hour' });
  });

  it('writes a title with a line break on one line, so the draft still parses', () => {
    const record = { ma_thu_tuc: '1.999999', ten_thu_tuc: 'Thủ tục thử\nxuống dòng', cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí' };
    const [p] = convertPortalJson(JSON.stringify(record), { agencies }).procedures;
    expect(p!.draft.procedure.title.vi).toBe('Thủ tục thử xuống dòng');
    expect(p!.render('x.json').split('\n')[2]).toBe('# Thủ tục thử xuống dòng (1.999999) · BẢN NHÁP · DRAFT');
    expect(p!.draft.procedure.channels[0]).toMatchObject({ channel: 'in_person', processingTime: { value: 5, unit: 'working_day' }, fees: [{ kind: 'exempt' }] });
  });

  it('separates document names, templates and counts, and legal numbers from titles', () => {
    const p = procedures.find((x) => x.code === '1.014270')!.draft.procedure;
    const docs = p.cases.flatMap((c) => c.documents);
    expect(docs.find((d) => d.name.vi.startsWith('Văn bản đề nghị chuyển nhượng'))).toMatchObject({ name: { vi: 'Văn bản đề nghị chuyển nhượng quyền khai thác khoáng sản' }, originals: 1, copies: 0 });
    expect(docs.find((d) => d.name.vi.startsWith('Hợp đồng chuyển nhượng'))).toMatchObject({ originals: 0, copies: 1 });
    const laws = procedures.find((x) => x.code === '2.002042')!.draft.procedure.legalBasis;
    expect(laws).toContainEqual(expect.objectContaining({ number: '59/2020/QH14', title: { vi: 'Luật Doanh nghiệp' } }));
    const results = procedures.find((x) => x.code === '2.002042')!.draft.procedure.results;
    expect(results.map((r) => r.code)).toEqual(['KQ.G12.001051', 'KQ.G12.001303', 'KQ.G12.001040']);
  });
});
