import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSource, checkCatalogue, type Procedure } from '@thutuc/core';
import * as runtime from '@thutuc/runtime';
import { amountInWords, computeFees, formatAmount, formatVnd, tieredAmount, type Condition, type FeePayload } from '@thutuc/runtime';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Analyzes one procedure file and compiles its conditions the way the generated module does (test code only). */
function load(file: string, text = readFileSync(path.join(root, file), 'utf8')) {
  const analyzed = analyzeSource({ file, bytes: new TextEncoder().encode(text) });
  expect(analyzed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const checked = checkCatalogue([analyzed.document!]);
  expect(checked.diagnostics.filter((d) => d.code.startsWith('TT4') || d.code === 'TT3008')).toEqual([]);
  const procedure = analyzed.document!.value as Procedure;
  const conditions: Record<string, Condition> = {};
  for (const [key, js] of Object.entries(checked.conditions.get(`${procedure.id}@${procedure.version}`) ?? {})) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    conditions[key] = new Function('r', `return (d, c, it) => ${js};`)(runtime) as Condition;
  }
  return { procedure, fees: (payload: FeePayload, options: runtime.FeeOptions = {}) => computeFees(procedure, conditions, payload, { today: '2026-03-02', ...options }) };
}

/** A made-up procedure: the fee lines of Chứng thực bản sao (2.000815), Đăng ký thường trú (1.004222) and a consular USD charge. */
const FIXTURE = `# yaml-language-server: $schema=../../schemas/procedure.schema.json
kind: procedure
id: thu-nghiem.phi
code: "1.999998"
title: { vi: Thủ tục thử phí, en: Fee test procedure }
field: { name: { vi: Thử nghiệm } }
levels: [commune]
onlineLevel: partial
version: "1.0.0"
effectiveDate: "2026-01-01"
status: draft
legalBasis:
  - { id: tt-226-2016, number: 226/2016/TT-BTC, title: { vi: Thông tư phí chứng thực } }
  - { id: tt-75-2022, number: 75/2022/TT-BTC, title: { vi: Thông tư lệ phí cư trú } }
channels:
  - channel: online
    processingTime: { value: 7, unit: working_day }
    fees:
      - { id: le-phi-thuong-tru, type: le_phi, kind: fixed, amount: 10000, label: { vi: Lệ phí đăng ký thường trú }, legalBasis: [tt-75-2022],
          exemptions: [{ id: ho-ngheo, when: ho_ngheo == true, reason: { vi: Người thuộc hộ nghèo., en: Poor household. }, legalBasis: [tt-75-2022] }] }
  - channel: in_person
    processingTime: { value: 7, unit: working_day }
    fees:
      - { id: le-phi-thuong-tru, type: le_phi, kind: fixed, amount: 20000, label: { vi: Lệ phí đăng ký thường trú }, legalBasis: [tt-75-2022] }
      - id: phi-chung-thuc
        type: phi
        kind: tiered
        unit: page
        quantity: so_trang
        multiplier: so_ban
        tiers: [{ from: 1, to: 2, amount: 2000 }, { from: 3, amount: 1000 }]
        cap: 200000
        when: so_ban > 0
        label: { vi: Phí chứng thực bản sao từ bản chính }
        legalBasis: [tt-226-2016]
      - { id: le-phi-lanh-su, type: le_phi, kind: per_unit, amount: 10, currency: USD, unit: copy, quantity: so_ban_lanh_su, when: so_ban_lanh_su > 0, label: { vi: Lệ phí chứng thực tại cơ quan đại diện } }
      - { id: le-phi-dia-phuong, type: le_phi, kind: local, label: { vi: Lệ phí do HĐND tỉnh quy định }, resolution: { number: 99/2099/NQ-HĐND, date: "2099-01-01" } }
      - { id: mien-phi, type: phi, kind: exempt, reason: { vi: Không thu phí khai thác dữ liệu., en: No data fee. }, label: { vi: Phí khai thác dữ liệu } }
cases:
  - id: chung
    name: { vi: Chung }
    documents: [{ id: to-khai, name: { vi: Tờ khai } }]
results: [{ name: { vi: Kết quả } }]
form:
  sections:
    - id: yeu-cau
      title: { vi: Yêu cầu }
      fields:
        - { id: so_trang, type: number, label: { vi: Số trang } }
        - { id: so_ban, type: number, label: { vi: Số bản } }
        - { id: so_ban_lanh_su, type: number, label: { vi: Số bản tại cơ quan đại diện } }
        - { id: ho_ngheo, type: boolean, label: { vi: Hộ nghèo } }
`;

const fixture = load('catalogue/thu-nghiem/phi.yaml', FIXTURE);
const line = (r: runtime.FeeResult, id: string) => r.lines.find((l) => l.id === id)!;

describe('fee lines', () => {
  it('charge tiered pages per copy with a cap: 5 pages = 2×2,000 + 3×1,000; 300 pages capped at 200,000', () => {
    const five = line(fixture.fees({ channel: 'in_person', data: { so_trang: 5, so_ban: 1 } }), 'phi-chung-thuc');
    expect(five).toMatchObject({ status: 'charged', amount: 7000, quantity: 5, multiplier: 1, capped: false, legalBasis: ['226/2016/TT-BTC'] });
    expect(five.bands).toEqual([
      { from: 1, to: 2, units: 2, unitAmount: 2000, amount: 4000 },
      { from: 3, to: 5, units: 3, unitAmount: 1000, amount: 3000 },
    ]);
    expect(five.detail?.vi).toBe('2 trang × 2.000 đ + 3 trang × 1.000 đ = 7.000 đ; × 1');
    const big = line(fixture.fees({ channel: 'in_person', data: { so_trang: 300, so_ban: 1 } }), 'phi-chung-thuc');
    expect(big).toMatchObject({ amount: 200000, capped: true });
    expect(big.detail?.vi).toContain('áp mức tối đa 200.000 đ');
    // the cap applies to each copy, not to the line
    expect(line(fixture.fees({ channel: 'in_person', data: { so_trang: 300, so_ban: 3 } }), 'phi-chung-thuc').amount).toBe(600000);
    expect(line(fixture.fees({ channel: 'in_person', data: { so_trang: 5, so_ban: 2 } }), 'phi-chung-thuc').amount).toBe(14000);
  });

  it('take the amount of the chosen channel: thường trú 10,000 online, 20,000 in person', () => {
    expect(fixture.fees({ channel: 'online', data: {} }).totals).toEqual({ VND: 10000 });
    expect(line(fixture.fees({ channel: 'in_person', data: {} }), 'le-phi-thuong-tru').amount).toBe(20000);
  });

  it('show an exempt line at 0 with its reason and legal basis', () => {
    const r = fixture.fees({ channel: 'online', data: { ho_ngheo: true } });
    expect(r.lines).toEqual([expect.objectContaining({ id: 'le-phi-thuong-tru', status: 'exempt', amount: 0 })]);
    expect(r.lines[0]!.exemption).toEqual({ id: 'ho-ngheo', reason: { vi: 'Người thuộc hộ nghèo.', en: 'Poor household.' }, legalBasis: ['75/2022/TT-BTC'] });
    expect(r).toMatchObject({ totals: { VND: 0 }, complete: true });
    const exempt = line(fixture.fees({ channel: 'in_person', data: {} }), 'mien-phi');
    expect(exempt).toMatchObject({ status: 'exempt', amount: 0, exemption: { reason: { vi: 'Không thu phí khai thác dữ liệu.' } } });
  });

  it('leave out lines whose condition is false', () => {
    const r = fixture.fees({ channel: 'in_person', data: {} });
    expect(r.notApplied).toEqual(['phi-chung-thuc', 'le-phi-lanh-su']);
    expect(r.lines.map((l) => l.id)).toEqual(['le-phi-thuong-tru', 'le-phi-dia-phuong', 'mien-phi']);
  });

  it('say "set locally" with the resolution, and call the total incomplete rather than pretend 0', () => {
    const r = fixture.fees({ channel: 'in_person', data: {} });
    const local = line(r, 'le-phi-dia-phuong');
    expect(local).toMatchObject({ status: 'local', resolution: { number: '99/2099/NQ-HĐND' } });
    expect(local.amount).toBeUndefined();
    expect(local.detail?.vi).toBe('Mức thu do địa phương quy định: Nghị quyết số 99/2099/NQ-HĐND ngày 01/01/2099 của Hội đồng nhân dân tỉnh.');
    expect(r.complete).toBe(false);
    expect(r.summary[0]).toMatchObject({ currency: 'VND', amount: 20000, complete: false });
    expect(r.summary[0]!.text.vi).toMatch(/^Chưa đủ: 20\.000 đ, chưa gồm khoản do Hội đồng nhân dân tỉnh quyết định/);
  });

  it('use a province override for a local amount', () => {
    const overrides = { province: '01', resolution: { number: '01/2026/NQ-HĐND', date: '2026-01-15' }, amounts: { 'le-phi-dia-phuong': 5000 } };
    const r = fixture.fees({ channel: 'in_person', data: {} }, { overrides });
    expect(line(r, 'le-phi-dia-phuong')).toMatchObject({ status: 'charged', amount: 5000, resolution: { number: '01/2026/NQ-HĐND', province: '01' } });
    expect(line(r, 'le-phi-dia-phuong').detail?.vi).toBe('5.000 đ, theo Nghị quyết số 01/2026/NQ-HĐND ngày 15/01/2026 của Hội đồng nhân dân tỉnh (tỉnh mã 01)');
    expect(r).toMatchObject({ totals: { VND: 25000 }, complete: true });
    // a broken override amount stays unknown instead of becoming NaN
    const broken = fixture.fees({ channel: 'in_person', data: {} }, { overrides: { province: '01', amounts: { 'le-phi-dia-phuong': 1.5 } } });
    expect(broken.complete).toBe(false);
  });

  it('total USD apart from VND', () => {
    const r = fixture.fees({ channel: 'in_person', data: { so_ban_lanh_su: 2 } }, { overrides: { province: '79', amounts: { 'le-phi-dia-phuong': 0 } } });
    expect(line(r, 'le-phi-lanh-su')).toMatchObject({ currency: 'USD', amount: 20, quantity: 2, unitAmount: 10 });
    expect(r.totals).toEqual({ VND: 20000, USD: 20 });
    expect(r.summary.map((t) => t.text.vi)).toEqual(['Tổng cộng: 20.000 đ', 'Tổng cộng: 20 USD']);
  });

  it('count missing, negative, fractional or non-numeric quantities as 0 units, never NaN', () => {
    for (const so_trang of [undefined, -3, 2.5, Number.NaN, '5', Number.POSITIVE_INFINITY]) {
      const l = line(fixture.fees({ channel: 'in_person', data: { so_trang, so_ban: 1 } }), 'phi-chung-thuc');
      expect(l).toMatchObject({ amount: 0, quantity: 0 });
    }
  });

  it('report an unknown channel instead of throwing', () => {
    const r = fixture.fees({ channel: 'post', data: {} });
    expect(r.error?.vi).toBe('Thủ tục không có hình thức nộp "post".');
    expect(r.lines).toEqual([]);
  });
});

describe('fees of catalogue procedures', () => {
  it('charge 8,000 đ per copy of a civil status extract (2.000635)', () => {
    const extract = load('catalogue/ho-tich/cap-ban-sao-trich-luc-ho-tich.yaml');
    const r = extract.fees({ channel: 'online', case: 'ca-nhan', data: { so_ban_sao: 3 } });
    expect(r.lines[0]).toMatchObject({ kind: 'per_unit', quantity: 3, unitAmount: 8000, amount: 24000, legalBasis: ['281/2016/TT-BTC'] });
    expect(r.lines[0]!.detail).toEqual({ vi: '3 bản × 8.000 đ', en: '3 copies × VND 8,000' });
    expect(amountInWords(r.totals.VND!)).toBe('Hai mươi tư nghìn đồng');
  });

  it('exempt an on-time birth registration and leave a late one to the province (1.001193)', () => {
    const birth = load('catalogue/ho-tich/dang-ky-khai-sinh.yaml');
    const onTime = birth.fees({ channel: 'online', data: { ngay_sinh_tre: '2026-02-01', yeu_cau_ban_sao: true, so_ban_sao: 2 } });
    const charge = onTime.lines.find((l) => l.id === 'le-phi-dang-ky-khai-sinh')!;
    expect(charge).toMatchObject({ status: 'exempt', amount: 0, exemption: { id: 'dung-han' } });
    expect(charge.exemption!.reason.vi).toContain('đúng hạn');
    expect(onTime).toMatchObject({ totals: { VND: 16000 }, complete: true });

    const late = birth.fees({ channel: 'online', data: { ngay_sinh_tre: '2025-06-01' } });
    const unknown = late.lines.find((l) => l.id === 'le-phi-dang-ky-khai-sinh')!;
    expect(unknown.status).toBe('local');
    expect(unknown.amount).toBeUndefined();
    expect(late.notApplied).toContain('phi-ban-sao-giay-khai-sinh');
    expect(late.complete).toBe(false);
  });
});

describe('money for receipts', () => {
  it('formats VND with dots and reads amounts in Vietnamese words', () => {
    expect(formatVnd(28000)).toBe('28.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(1234567)).toBe('1.234.567 đ');
    expect(formatAmount(2000, 'VND', 'en')).toBe('VND 2,000');
    expect(amountInWords(28000)).toBe('Hai mươi tám nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
    expect(amountInWords(1_000_005)).toBe('Một triệu không trăm lẻ năm đồng');
    expect(amountInWords(200_000)).toBe('Hai trăm nghìn đồng');
    expect(amountInWords(1_200_000_000)).toBe('Một tỷ hai trăm triệu đồng');
    expect(amountInWords(20, 'USD')).toBe('Hai mươi đô la Mỹ');
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });

  it('price tiers as integers that grow with pages and never pass the cap per copy', () => {
    const tiers = [{ from: 1, to: 2, amount: 2000 }, { from: 3, amount: 1000 }];
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [x, y] = [tieredAmount(a, tiers, 200000), tieredAmount(a + b, tiers, 200000)];
        return Number.isSafeInteger(x.amount) && x.amount <= 200000 && x.amount <= y.amount && x.uncapped === Math.min(a, 2) * 2000 + Math.max(0, a - 2) * 1000;
      }),
    );
  });
});
