import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { buildReport, csvCell, reportCsv, summaryLine, type Report, type ReportRow } from '@thutuc/report';
import type { CatalogueFiles } from '@thutuc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function analyse(dir: string, cwd = root): Promise<CatalogueFiles> {
  const { inputs, diagnostics } = await loadInputs([dir], cwd);
  expect(diagnostics).toEqual([]);
  const analysis = await analyzeCatalogue(inputs);
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analysis.checked.files;
}

/** A small RFC 4180 reader, to check the CSV round-trips rather than its exact bytes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

let files: CatalogueFiles;
let report: Report;
beforeAll(async () => {
  files = await analyse('catalogue');
  report = buildReport(files);
});

const row = (id: string): ReportRow => report.rows.find((r) => r.id === id)!;

describe('report rows for the real catalogue', () => {
  it('has one row, one page and one CSV line per procedure, with its code', () => {
    const procedures = files.procedures.map((d) => d.value);
    expect(procedures.length).toBeGreaterThan(10);
    expect(report.rows.map((r) => r.id).sort()).toEqual(procedures.map((p) => p.id).sort());
    const index = report.files.get('index.html')!;
    const csv = parseCsv(report.files.get('catalogue.csv')!.slice(1));
    for (const p of procedures) {
      expect(row(p.id).code).toBe(p.code);
      expect(index).toContain(`<td class="code">${p.code}</td>`);
      expect(report.files.get(`procedures/${p.id}.html`)).toContain(p.code);
      expect(csv.find((cells) => cells[1] === p.id)?.[0]).toBe(p.code);
    }
    expect(csv).toHaveLength(procedures.length + 1);
  });

  it('counts by online level and drafts in the summary line', () => {
    const { byOnlineLevel: n, total, drafts } = report.summary;
    expect(n.full + n.partial + n.none).toBe(total);
    expect(summaryLine(report.summary, 'vi')).toMatch(new RegExp(`^${total} thủ tục: ${n.full} toàn trình, ${n.partial} một phần, ${n.none} chưa trực tuyến \\(${drafts} bản nháp\\)`));
    // What the catalogue does not know is counted, never hidden.
    const { effectiveDate } = report.summary.notStated;
    expect(effectiveDate).toBe(report.rows.filter((r) => r.effectiveDate === null).length);
    expect(summaryLine(report.summary, 'vi')).toContain(`${effectiveDate} ngày áp dụng`);
    expect(summaryLine(report.summary, 'en')).toMatch(/^\d+ procedures: \d+ full online, \d+ partly online, \d+ not online/);
  });

  it('shows fees as the fee engine prices them: local, per unit, tiered with a cap, fixed, exempt', () => {
    const birth = row('ho-tich.dang-ky-khai-sinh').channels.find((c) => c.channel === 'online')!;
    const [charge, copies] = birth.fees;
    expect(charge).toMatchObject({ status: 'local', price: { vi: 'Do HĐND tỉnh quyết định' }, conditional: false });
    expect(charge!.exemptions.map((e) => e.id)).toContain('dung-han');
    expect(copies).toMatchObject({ status: 'charged', unitAmount: 8000, unit: 'copy', conditional: true, price: { vi: '8.000 đ/bản', en: 'VND 8,000 per copy' } });
    expect(birth.processingTime).toMatchObject({ value: 1, unit: 'working_day', sameDayCutoff: '15:00', text: { vi: '1 ngày làm việc' } });
    expect(birth.processingTime.raw).toContain('15 giờ');

    const certify = row('chung-thuc.chung-thuc-ban-sao-tu-ban-chinh').channels[0]!;
    expect(certify.processingTime.text.vi).toBe('Trong ngày');
    expect(certify.fees[0]!.price.vi).toBe('trang 1–2: 2.000 đ/trang; từ trang 3: 1.000 đ/trang; tối đa 200.000 đ (nhân với số lượng yêu cầu)');
    expect(certify.fees[1]!.price.en).toBe('USD 10 per copy');

    expect(row('ly-lich-tu-phap.cap-phieu-ly-lich-tu-phap').channels[0]!.fees[0]).toMatchObject({ amount: 200000, price: { vi: '200.000 đ' } });
    const removal = row('cu-tru.xoa-dang-ky-thuong-tru').channels[0]!.fees[0]!;
    expect(removal).toMatchObject({ status: 'exempt', price: { vi: 'Miễn' } });
    expect(removal.reason?.vi).toBeTruthy();
  });
});

describe('catalogue.csv', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('starts with a byte-order mark, ends lines with CRLF and round-trips awkward text', () => {
    const base = row('ho-tich.dang-ky-khai-sinh');
    const odd = { ...base, title: { vi: 'Tên, có "ngoặc kép"\nvà xuống dòng' } };
    const csv = reportCsv([odd], 'vi');
    expect(csv.startsWith('\uFEFFMã thủ tục,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, cells] = parseCsv(csv.slice(1));
    expect(cells).toHaveLength(header!.length);
    expect(cells![2]).toBe('Tên, có "ngoặc kép"\nvà xuống dòng');
  });
});

describe('output', () => {
  it('is byte-for-byte the same for the same catalogue, with no timestamp unless asked', () => {
    const again = buildReport(files);
    expect([...again.files.keys()]).toEqual([...report.files.keys()]);
    for (const [name, content] of report.files) expect(again.files.get(name), name).toBe(content);
    expect(report.files.get('catalogue.json')).not.toContain('generatedAt');
    const stamped = buildReport(files, { generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(JSON.parse(stamped.files.get('catalogue.json')!).generatedAt).toBe('2026-07-01T00:00:00.000Z');
  });

  it('speaks English with lang: en', () => {
    const en = buildReport(files, { lang: 'en' });
    expect(en.files.get('index.html')).toContain('<html lang="en">');
    expect(en.files.get('index.html')).toContain('Birth registration');
    expect(en.files.get('catalogue.csv')).toContain('Code,Id,Name,Field');
  });

  it('escapes hostile catalogue text in every page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-report-xss-'));
    await cp(path.join(root, 'catalogue'), path.join(dir, 'catalogue'), { recursive: true });
    await cp(path.join(root, 'test/fixtures/xss'), path.join(dir, 'xss'), { recursive: true });
    const hostile = buildReport(await analyse(dir, dir));
    const page = hostile.files.get('procedures/thu-nghiem.xss.html')!;
    expect(page).toContain('&lt;script&gt;window.__xss &#x3D; &#x27;title&#x27;&lt;/script&gt;');
    for (const [name, content] of hostile.files) {
      if (!name.endsWith('.html')) continue;
      // The report emits no images, frames or inline handlers: any of these came from the catalogue.
      expect(content, name).not.toMatch(/<(img|svg|iframe|b)\b|<script>|<a href="javascript|\son(error|load|mouseover)=/i);
    }
    expect(hostile.files.get('index.html')).toContain('&lt;b&gt;Thử&lt;/b&gt;');
  });
});
