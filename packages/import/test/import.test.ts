import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { PortalImportError, agenciesFromYaml, convertPortalJson, schemaRef, type ImportedProcedure, type KnownAgency } from '@thutuc/import';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The portal samples live beside the repository (../shared), never inside it.
const samples = path.resolve(root, '../shared/data/dichvucong-samples');
const present = existsSync(path.join(samples, 'birth_procedures_raw.json')) && existsSync(path.join(samples, 'residence_procedures_raw.json'));
if (!present) console.warn(`thutuc import tests skipped: portal samples not found at ${samples} (../shared/data beside the repository)`);

const FILES = ['birth_procedures_raw.json', 'residence_procedures_raw.json'];
let agencies: KnownAgency[] = [];
const text: Record<string, string> = {};
const convert = (name: string, options: Parameters<typeof convertPortalJson>[1] = {}) => convertPortalJson(text[name]!, { agencies, origin: name, ...options });
const byCode = (list: ImportedProcedure[], code: string) => list.find((p) => p.code === code)!;

beforeAll(async () => {
  agencies = agenciesFromYaml(await readFile(path.join(root, 'catalogue/shared/agencies.yaml'), 'utf8'));
  if (present) for (const f of FILES) text[f] = await readFile(path.join(samples, f), 'utf8');
});

describe.skipIf(!present)('thutuc import of the national portal samples', () => {
  it('converts all 29 records (16 API details, 13 summaries) into YAML that validates beside the shared data', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-import-'));
    await cp(path.join(root, 'catalogue/shared'), path.join(dir, 'shared'), { recursive: true });
    const all: ImportedProcedure[] = [];
    for (const f of FILES) {
      const result = convert(f);
      expect(result.failures).toEqual([]);
      all.push(...result.procedures);
    }
    expect(all.map((p) => p.shape).filter((s) => s === 'detail')).toHaveLength(16);
    expect(all).toHaveLength(29);
    for (const p of all) {
      const file = path.join(dir, p.path);
      await mkdir(path.dirname(file), { recursive: true });
      const yaml = p.render(schemaRef(file, path.join(root, 'schemas/procedure.schema.json')));
      expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+.*schemas\/procedure\.schema\.json$/);
      await writeFile(file, yaml);
      expect(p.draft.procedure).toMatchObject({ status: 'draft', version: '0.1.0' });
      expect(p.gaps.length).toBeGreaterThan(3);
    }
    const loaded = await loadInputs([dir], dir);
    expect(loaded.inputs.length).toBeGreaterThan(29);
    const analysis = await analyzeCatalogue(loaded.inputs);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(analysis.checked.files.procedures.map((d) => d.value.id)).size).toBe(29);
  });

  it('keeps the portal wording when the unit is OTHER and takes the unit from the cases', () => {
    const birth = byCode(convert(FILES[0]!).procedures, '1.001193').draft.procedure;
    expect(birth.id).toBe('ho-tich.dang-ky-khai-sinh');
    for (const c of birth.channels) expect(c.processingTime).toEqual({ value: 1, unit: 'working_day', raw: 'Cổng DVCQG: 1 OTHER' });
    expect(birth.gaps!.some((g) => g.vi.includes('OTHER'))).toBe(true);
    expect(birth.decision).toEqual({ number: '163/QĐ-BTP', date: '2026-01-16', issuer: 'Bộ Tư pháp' });
    expect(birth.effectiveDate).toEqual({ unknown: true, raw: 'Bản ghi chỉ nêu Quyết định 163/QĐ-BTP ngày 2026-01-16, không nêu ngày áp dụng' });
    expect(birth.agencies).toEqual({ executing: ['ubnd-cap-xa'] });
    expect(birth.cases).toHaveLength(1); // .01 and .02 are identical
  });

  it('flags DAY contradicted by "ngày làm việc" and merges repeated channel rows into the raw wording', () => {
    const linked = byCode(convert(FILES[0]!).procedures, '2.000986').draft.procedure;
    expect(linked.channels[0]!.processingTime).toMatchObject({ value: 20, unit: 'day' });
    expect(linked.channels[0]!.processingTime.raw).toContain('ngày làm việc');
    const absence = byCode(convert(FILES[1]!).procedures, '1.003677').draft.procedure;
    expect(absence.channels.map((c) => c.channel)).toEqual(['online']);
    expect(absence.channels[0]!.processingTime.raw).toMatch(/1 ngày làm việc \| 2 ngày làm việc/);
  });

  it('reads fees: HĐND → local, "miễn" → exempt, an amount in USD → fixed USD', () => {
    const details = JSON.parse(text[FILES[0]!]!).records.map((r: { detail: unknown }) => r.detail);
    const record = structuredClone(details.find((d: { code: string }) => d.code === '1.001193'));
    record.executionMethods[0].fees[0].description = 'Miễn lệ phí đăng ký khai sinh đúng hạn';
    record.executionMethods[1].fees[0].description = 'Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định';
    const [p] = convertPortalJson(JSON.stringify(record), { agencies }).procedures;
    const [online, post, inPerson] = p!.draft.procedure.channels;
    expect(online!.fees[0]).toMatchObject({ type: 'le_phi', kind: 'exempt', reason: { vi: 'Miễn lệ phí đăng ký khai sinh đúng hạn' } });
    expect(post!.fees[0]).toMatchObject({ kind: 'local', note: { vi: 'Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định' } });
    // A 0 with no description is neither free nor local: it stays unknown, quoting the record.
    expect(inPerson!.fees[0]).toMatchObject({ kind: 'unknown', raw: expect.stringContaining('0') });
    expect(p!.gaps.some((g) => (g.en ?? '').includes('free or set by the provincial council is unclear'))).toBe(true);
    expect(p!.render('x.json')).toMatch(/# SERVICE_FEE → le_phi: suy luận/);
    const consular = byCode(convert(FILES[0]!).procedures, '2.000712').draft.procedure;
    expect(consular.channels.find((c) => c.channel === 'in_person')!.fees[0]).toMatchObject({ kind: 'fixed', amount: 20, currency: 'USD' });
  });

  it('accepts one bare record, a wrapped one, and --index into a list', () => {
    const wrapper = JSON.parse(text[FILES[0]!]!);
    const detail = wrapper.records[10].detail;
    expect(convertPortalJson(JSON.stringify(detail)).procedures.map((p) => p.code)).toEqual(['1.001193']);
    expect(convertPortalJson(JSON.stringify(wrapper.records[10])).procedures[0]!.draft.procedure.sources![0]).toContain(wrapper.records[10].sourceUrl);
    const one = convert(FILES[1]!, { index: 2 });
    expect(one.procedures.map((p) => [p.index, p.code])).toEqual([[2, '1.002755']]);
    expect(() => convert(FILES[1]!, { index: 13 })).toThrow(/no record 13: the file holds 13/);
  });

  it('cleans the text: no U+200E, NFC, ids without diacritics (đ → d)', () => {
    for (const f of FILES) {
      for (const p of convert(f).procedures) {
        const yaml = p.render('s.json');
        expect(yaml).not.toMatch(/[\u200B-\u200F\uFEFF]/);
        expect(yaml).toBe(yaml.normalize('NFC'));
        expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
    expect(byCode(convert(FILES[1]!).procedures, '1.010039').id).toBe('chua-xac-dinh.dieu-chinh-thong-tin-ve-cu-tru-trong-co-so-du-lieu-ve-cu-tru');
  });
});

describe('thutuc import of malformed input', () => {
  it.each([
    ['an empty file', '  \n', /empty/],
    ['text that is not JSON', 'khai sinh: 1.001193', /not valid JSON/],
    ['JSON of another shape', '{"items": [{"id": 1}], "total": 1}', /No procedure record found/],
  ])('rejects %s with a PortalImportError', (_, input, message) => {
    expect(() => convertPortalJson(input)).toThrow(PortalImportError);
    expect(() => convertPortalJson(input)).toThrow(message);
  });
});
