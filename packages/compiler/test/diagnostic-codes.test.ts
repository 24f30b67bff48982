import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticCodes, type Diagnostic, type DiagnosticCode } from '@thutuc/core';
import { analyzeCatalogue, buildCatalogue } from '@thutuc/compiler';
import { MINIMAL_PROCEDURE as P, lineOf, replaceLine, utf8 } from '../../../test/helpers/minimal.js';

/**
 * One fixture per diagnostic code: the input that must produce it and where it must point.
 * A code added to the table without a fixture here fails the last test.
 */
interface Fixture {
  files: Record<string, string | Uint8Array>;
  /** Expected line (and column) of the diagnostic, when the code has a position. */
  at?: [number, number?];
  /** Text the English message must contain. */
  says?: string;
}

const AGENCIES = `# yaml-language-server: $schema=../schemas/agencies.schema.json
kind: agencies
agencies:
  - { id: ubnd-cap-xa, name: { vi: UBND cấp xã }, level: commune }
`;

const sub = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
};

const FIXTURES: Record<Exclude<DiagnosticCode, 'TT1001' | 'TT2010' | 'TT5001' | 'TT5002'>, Fixture> = {
  TT1002: { files: { 'p.yaml': new Uint8Array([...utf8('kind: procedure\nid: a\n  ti'), 0xc3, 0x28, ...utf8('\n')]) }, at: [3, 5] },
  TT1003: { files: { 'p.yaml': new Uint8Array([...utf8('kind: x\n'), 0x00, 0x01, 0xff]) }, at: [2, 1] },
  TT1004: { files: { 'p.yaml': '# only a comment\n' }, at: [1, 1] },
  TT1005: { files: { 'p.yaml': 'kind: procedure\ntitle: "not closed\nid: x\n' }, at: [2, 8], says: 'never closed' },
  TT1006: { files: { 'p.yaml': 'kind: procedure\nid: a\nid: b\n' }, at: [3, 1], says: '`id`' },
  TT1007: { files: { 'p.yaml': 'kind: procedure\ntitle:\n\tvi: x\n' }, at: [3, 1] },
  TT1008: { files: { 'p.yaml': 'kind: agencies\n---\nkind: agencies\n' }, at: [2, 1], says: '2 YAML documents' },
  TT1009: {
    files: {
      'p.yaml':
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    },
  },
  TT1010: { files: { 'p.yaml': 'kind: procedure\nid: !!js/function "function () { return 1 }"\n' }, at: [2, 19], says: '!!js/function' },
  TT1011: { files: { 'p.yaml': 'kind: procedure\n__proto__: { polluted: true }\n' }, at: [2, 1], says: '__proto__' },
  TT1012: { files: { 'p.yaml': 'x'.repeat(8 * 1024 * 1024 + 1) } },
  TT1013: { files: { 'p.yaml': `kind: procedure\nid: ${'a'.repeat(3_000_000)}\n` }, at: [2, 5] },
  TT1014: { files: { 'p.yaml': '- kind: procedure\n- id: x\n' }, at: [1, 1], says: 'a list' },
  TT1015: { files: { 'p.yaml': 'kind: recipe\n' }, at: [1, 7], says: '`procedure`' },
  TT1016: { files: { 'p.yaml': P.split('\n').slice(1).join('\n') }, at: [1, 1] },
  TT2001: { files: { 'p.yaml': sub(P, 'status: active\n', '') }, at: [2, 1], says: '`status`' },
  TT2002: { files: { 'p.yaml': sub(P, 'status: active', 'status: active\nstatsu: x') }, at: [12, 1], says: 'Did you mean `status`' },
  TT2003: { files: { 'p.yaml': replaceLine(P, 21, '        amount: "mười nghìn"') }, at: [21, 17], says: 'never in words' },
  TT2004: { files: { 'p.yaml': replaceLine(P, 8, 'onlineLevel: fulll') }, at: [8, 14], says: 'Did you mean `full`' },
  TT2005: { files: { 'p.yaml': replaceLine(P, 4, 'code: "1001193"') }, at: [4, 7], says: '1.001193' },
  TT2006: { files: { 'p.yaml': replaceLine(P, 21, '        amount: -5') }, at: [21, 17], says: 'at least 0' },
  TT2007: { files: { 'p.yaml': replaceLine(P, 7, 'levels: []') }, at: [7, 9] },
  TT2008: { files: { 'p.yaml': replaceLine(P, 7, 'levels: [commune, commune]') }, at: [7, 9] },
  TT2009: { files: { 'a.yaml': '# yaml-language-server: $schema=x\nkind: holidays\ncountry: US\nyear: 2026\noff: []\n' }, at: [3, 10], says: '"VN"' },
  TT3001: { files: { 'p.yaml': P, 'q.yaml': P }, at: [3, 5], says: 'already used' },
  TT3002: { files: { 'p.yaml': sub(P, 'levels: [commune]', 'levels: [commune]\nagencies: { executing: [ubnd-cap-xaa] }'), 'agencies.yaml': AGENCIES }, at: [8, 25], says: 'Did you mean `ubnd-cap-xa`' },
  TT3003: { files: { 'p.yaml': replaceLine(P, 10, 'effectiveDate: "2026-02-30"') }, at: [10, 16] },
  TT3005: { files: { 'p.yaml': sub(P, '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true }', '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true, min: 3 }') }, at: [36, 76], says: 'cannot use `min`' },
  TT3006: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, min: 5, max: 1 }') }, at: [37, 67], says: '`min: 5` is greater than `max: 1`' },
  TT3007: { files: { 'p.yaml': sub(P, '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true }', '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true, pattern: "([a-z" }') }, at: [36, 85], says: 'Unterminated character class' },
  TT3008: {
    files: { 'p.yaml': sub(P, '        kind: fixed\n        amount: 10000', '        kind: tiered\n        unit: page\n        quantity: so_ban\n        tiers: [{ from: 2, amount: 1000 }]') },
    at: [23, 17],
  },
  TT3009: { files: { 'p.yaml': sub(P, 'cases:', '  - channel: online\n    processingTime: { value: 1, unit: working_day }\n    fees: [{ id: a, type: phi, kind: exempt, label: { vi: A }, reason: { vi: B } }]\ncases:') }, at: [23, 14] },
  TT3010: { files: { 'p.yaml': replaceLine(P, 5, 'title: { vi: Thủ tục tối thiểu }') }, at: [5, 8] },
  TT3012: { files: { 'p.yaml': replaceLine(P, 15, '  - channel: in_person') }, at: [8, 14] },
  TT3044: { files: { 'p.yaml': sub(P, 'results:', 'steps:\n  - { actor: applicant, title: { vi: Nộp trực tiếp }, channels: [in_person] }\nresults:') }, at: [29, 66], says: 'only for the `in_person` channel' },
  TT3013: {
    files: {
      'p.yaml': sub(P, '{ id: don, name: { vi: Đơn }, electronicForm: true }', '{ id: don, name: { vi: Đơn }, template: { code: M01, name: { vi: Mẫu một } } }'),
      'q.yaml': sub(sub(P, 'thu-nghiem.toi-thieu', 'thu-nghiem.khac'), '{ id: don, name: { vi: Đơn }, electronicForm: true }', '{ id: don, name: { vi: Đơn }, template: { code: M01, name: { vi: Mẫu khác } } }'),
    },
    at: [27, 49],
  },
  TT3014: {
    files: {
      'p.yaml': sub(
        P,
        '        - { id: so_ban, type: number, label: { vi: Số bản } }',
        '        - id: nhom\n          type: group\n          label: { vi: Nhóm }\n          fields:\n            - { id: con, type: group, label: { vi: Con }, fields: [{ id: x, type: text, label: { vi: X } }] }',
      ),
    },
    at: [41, 15],
  },
  TT3016: {
    files: {
      'a.yaml': sub(sub(P, 'thu-nghiem.toi-thieu', 'thu-nghiem.mot'), '"1.999998"', '"1.999991"'),
      'l.yaml': sub(sub(P, 'kind: procedure', 'kind: bundle'), '"1.999998"', '"2.999999"') + 'members:\n  - { procedure: thu-nghiem.mot, data: { ho_ten: so_ban } }\n  - { procedure: thu-nghiem.mot, data: { ho_ten: ho_ten } }\n',
    },
    at: [46],
    says: 'is a string, but the mapping gives a number',
  },
  TT3017: {
    files: {
      'a.yaml': sub(sub(P, 'thu-nghiem.toi-thieu', 'thu-nghiem.mot'), '"1.999998"', '"1.999991"'),
      'l.yaml': sub(sub(P, 'kind: procedure', 'kind: bundle'), '"1.999998"', '"2.999999"') + 'members:\n  - { procedure: thu-nghiem.mot, data: { so_ban: so_ban } }\n  - { procedure: thu-nghiem.mot, data: { ho_ten: ho_ten } }\n',
    },
    at: [46],
    says: 'requires the fields `ho_ten`',
  },
  TT3015: {
    files: {
      'p.yaml': P,
      'r.yaml': 'kind: fee-overrides\nprovince: "01"\nresolution: { number: 1/2025/NQ-HĐND }\nfees:\n  - { procedure: thu-nghiem.toi-thieu, fee: le-phi, amount: 1 }\n',
    },
    at: [5, 45],
    says: 'not `kind: local`',
  },
  TT3018: {
    files: {
      'p.yaml': sub(P, 'effectiveDate: "2026-01-01"', 'effectiveDate: "2026-01-01"\nendDate: "2026-09-01"'),
      'p@1.1.0.yaml': sub(sub(P, 'version: "1.0.0"', 'version: "1.1.0"'), 'effectiveDate: "2026-01-01"', 'effectiveDate: "2026-06-01"'),
    },
    at: [11, 10],
    says: 'overlaps version `1.1.0`',
  },
  TT3019: {
    files: { 'p.yaml': P, 'p@1.1.0.yaml': sub(sub(P, 'version: "1.0.0"', 'version: "1.1.0"'), 'effectiveDate: "2026-01-01"', 'effectiveDate: "2025-12-01"') },
    at: [10, 16],
    says: 'a higher version must take effect later',
  },
  TT3020: { files: { 'p@2.0.0.yaml': P }, at: [9, 10], says: 'says version `2.0.0`' },
  TT3021: { files: { 'p.yaml': sub(P, 'effectiveDate: "2026-01-01"', 'effectiveDate: "2026-01-01"\nendDate: "2025-01-01"') }, at: [11, 10] },
  TT3040: { files: { 'p.yaml': sub(P, 'processingTime: { value: 1, unit: working_day }', 'processingTime: { unknown: true, raw: "Không có thông tin" }') }, at: [lineOf(P, 'processingTime'), 21], says: 'Not stated: the processing time (the source says: "Không có thông tin")' },
  TT3041: { files: { 'p.yaml': sub(P, 'processingTime: { value: 1, unit: working_day }', 'processingTime: { unknown: true, raw: "Không có thông tin", value: 0 }') }, at: [lineOf(P, 'processingTime')], says: 'marked unknown but still has `value`' },
  TT3042: { files: { 'p.yaml': sub(P, '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true }', '{ id: ho_ten, type: text, label: { vi: Họ tên }, required: true, prefill: citizen.fulName }') }, at: [lineOf(P, 'id: ho_ten'), 85], says: 'Did you mean `citizen.fullName`' },
  TT3043: { files: { 'p.yaml': sub(sub(P, '  - channel: online', '  - channel: in_person'), 'onlineLevel: full', 'onlineLevel: none') }, at: [lineOf(P, 'electronicForm'), 55], says: 'no online channel' },
  TT4001: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "ho_ten ==" }') }, at: [37] },
  TT4002: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "filled(ho_tne)" }') }, at: [37], says: 'Did you mean `ho_ten`' },
  TT4003: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "ngay_sinh > 5" }') }, at: [37], says: 'Cannot compare a date with a number' },
  TT4004: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "ho_ten && true" }') }, at: [37] },
  TT4005: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "lenn(ho_ten) > 0" }') }, at: [37], says: 'Did you mean `len`' },
  TT4006: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "days(ngay_sinh) > 0" }') }, at: [37] },
  TT4007: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "ho_ten[0] == \'a\'" }') }, at: [37] },
  TT4008: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "len(ho_ten)" }') }, at: [37], says: 'must give a boolean' },
  TT4009: { files: { 'p.yaml': sub(P, '{ id: so_ban, type: number, label: { vi: Số bản } }', '{ id: so_ban, type: number, label: { vi: Số bản }, visibleWhen: "gioi_tinh == \'nuu\'" }') }, at: [37], says: 'Did you mean `nu`' },
};

async function analyze(files: Record<string, string | Uint8Array>) {
  const inputs = Object.entries(files).map(([file, content]) => ({ file, bytes: typeof content === 'string' ? utf8(content) : content }));
  return analyzeCatalogue(inputs);
}

/** Codes that a normal catalogue cannot reach through the YAML (see the notes in each). */
const UNREACHABLE_FROM_YAML: DiagnosticCode[] = [
  'TT2010', // fallback for schema keywords the catalogue's schemas do not use yet
];

describe('a comma inside { … }', () => {
  it('suggests quoting the text when the part after the comma is read as a key', async () => {
    const { diagnostics } = await analyze({ 'p.yaml': sub(P, 'label: { vi: Họ tên }', 'label: { vi: Họ, tên đệm }') });
    const d = diagnostics.find((x) => x.code === 'TT2002')!;
    expect(d.message.en).toBe('The property `tên đệm` is not allowed here. Inside { … }, a comma, colon or # ends the text: if `tên đệm` belongs to the text before it, put the whole text in quotes, e.g. "Họ, tên đệm".');
  });
});

describe('every diagnostic code has a fixture that produces it', () => {
  for (const [code, fixture] of Object.entries(FIXTURES) as [DiagnosticCode, Fixture][]) {
    if (UNREACHABLE_FROM_YAML.includes(code)) continue;
    it(`${code}: ${DiagnosticCodes[code].en.slice(0, 60)}`, async () => {
      const { diagnostics } = await analyze(fixture.files);
      const found = diagnostics.filter((d: Diagnostic) => d.code === code);
      expect(found, JSON.stringify(diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message.en}`), null, 1)).not.toHaveLength(0);
      const d = found[0]!;
      expect(d.file).toBeTruthy();
      if (fixture.at) {
        expect(d.line).toBe(fixture.at[0]);
        if (fixture.at[1] !== undefined) expect(d.column).toBe(fixture.at[1]);
      }
      if (fixture.says) expect(d.message.en).toContain(fixture.says);
      expect(d.message.vi.length).toBeGreaterThan(10);
    });
  }

  it('TT1001: a path that does not exist is reported, not thrown', async () => {
    const result = await buildCatalogue({ inputs: ['no/such/folder'], outDir: path.join(os.tmpdir(), 'unused-thutuc-out') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain('TT1001');
  });

  it('TT5001: an output folder that cannot be written is reported, not thrown', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-'));
    await writeFile(path.join(dir, 'p.yaml'), P);
    const blocker = path.join(dir, 'blocker');
    await writeFile(blocker, 'a file where the output folder would go');
    const result = await buildCatalogue({ inputs: [dir], outDir: path.join(blocker, 'out') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain('TT5001');
  });

  it('TT2003 is the only finding of a fixture that changes one thing', async () => {
    const { diagnostics } = await analyze({ 'p.yaml': replaceLine(P, lineOf(P, 'amount: 10000'), '        amount: "mười nghìn"') });
    expect(diagnostics.map((d) => d.code)).toEqual(['TT2003']);
  });

  it('has a fixture for every code in the table', () => {
    const covered = new Set([...Object.keys(FIXTURES), ...UNREACHABLE_FROM_YAML, 'TT1001', 'TT5001', 'TT5002']);
    expect(Object.keys(DiagnosticCodes).filter((c) => !covered.has(c))).toEqual([]);
  });
});
