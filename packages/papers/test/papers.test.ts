import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPaper, type PaperDesk, type PaperKind, type PaperOptions, type PaperSubmission } from '@thutuc/papers';
import type { Procedure } from '@thutuc/core';
import { amountInWords, computeFees, formatAmount, placeNames, type Condition } from '@thutuc/runtime';
import { otherPapers } from './sheets.js';
import { BIRTH, golden, paperFixture, POLICE, RECEIVED, RESIDENCE, root, type PaperFixture } from './fixture.js';

let f: PaperFixture;
let built: string;
beforeAll(async () => {
  f = await paperFixture('papers');
  built = f.built;
});
const exampleOf = (id: string, name: string) => f.exampleOf(id, name);
const dossier = (id: string, submission: PaperSubmission, desk?: PaperDesk) => f.dossier(id, submission, desk);
const render = (kind: PaperKind, id: string, submission: PaperSubmission, options: PaperOptions = {}, desk?: PaperDesk) => f.render(kind, id, submission, options, desk);

const PAPERS: [file: string, kind: PaperKind, id: string, example: string, options: PaperOptions, desk?: PaperDesk][] = [
  ['receipt-khai-sinh', 'receipt', BIRTH, 'truc-tuyen-dung-han-co-cha-me', { statusLink: 'https://dichvucong.example.gov.vn/tra-cuu#ma=G15.TEST-20260424-0000001' }],
  ['receipt-thuong-tru', 'receipt', RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep', {}, POLICE],
  ['supplement-khai-sinh', 'supplement', BIRTH, 'truc-tiep-qua-han-thieu-giay-to', { reason: 'Hồ sơ chưa có Giấy chứng sinh (hoặc giấy tờ thay thế) và văn bản ủy quyền.' }],
  ['refusal-khai-sinh', 'refusal', BIRTH, 'truc-tuyen-dung-han-co-cha-me', { reason: 'Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân phường Ngọc Hà.' }],
  ['refusal-blank', 'refusal', RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep', {}, POLICE],
  ['apology-khai-sinh', 'apology', BIRTH, 'truc-tuyen-dung-han-co-cha-me', { reason: 'Cần xác minh thông tin về việc đăng ký kết hôn của cha, mẹ.', newAppointment: '2026-05-05T17:00' }],
  ['stop-khai-sinh', 'stop', BIRTH, 'truc-tuyen-dung-han-co-cha-me', { reason: 'Người yêu cầu đề nghị dừng giải quyết để bổ sung thông tin về người cha.' }],
  ['declaration-khai-sinh', 'declaration', BIRTH, 'truc-tuyen-dung-han-co-cha-me', {}],
  ['declaration-ct01', 'declaration', RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep', {}, POLICE],
];

describe('papers', () => {
  it('match the golden copies in test/golden/papers (UPDATE_GOLDEN=1 rewrites them and still fails)', async () => {
    const actual = {
      ...Object.fromEntries(PAPERS.map(([file, kind, id, example, options, desk]) => [`${file}.html`, render(kind, id, exampleOf(id, example), options, desk)])),
      ...otherPapers(f),
    };
    if (process.env.UPDATE_GOLDEN) {
      await rm(golden, { recursive: true, force: true });
      await mkdir(golden, { recursive: true });
      for (const [file, html] of Object.entries(actual)) await writeFile(path.join(golden, file), html);
      throw new Error('golden papers rewritten: review the diff and run the tests again without UPDATE_GOLDEN');
    }
    expect(Object.keys(actual).sort()).toEqual((await readdir(golden)).sort());
    for (const [file, html] of Object.entries(actual)) expect(html, file).toBe(await readFile(path.join(golden, file), 'utf8'));
  });

  it('escape hostile text from the submission, the desk and the reason', () => {
    const hostile = '<script>alert(1)</script>';
    const birth = exampleOf(BIRTH, 'truc-tuyen-dung-han-co-cha-me');
    Object.assign(birth.data, { ho_ten_nguoi_yeu_cau: hostile, noi_sinh_tre: '"><img src=x onerror=alert(1)>', kinh_gui: '</style><script>alert(2)</script>' });
    const residence = exampleOf(RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep');
    Object.assign(residence.data, { ho_ten: hostile });
    (residence.data.thanh_vien_cung_thay_doi as Record<string, unknown>[])[0]!.ho_ten_tv = hostile;
    const desk = { ...POLICE, officer: hostile, place: '<i onmouseover=alert(3)>' };
    const options = { reason: `${hostile} & "quotes"` };
    const pages = [
      ...(['receipt', 'supplement', 'refusal', 'apology', 'stop', 'declaration'] as const).map((k) => render(k, BIRTH, birth, options)),
      ...(['receipt', 'declaration'] as const).map((k) => render(k, RESIDENCE, residence, options, desk)),
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<script|<img|<i onmouseover|<\/style><script/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    // The desk named after `kinh_gui`, and the place of birth on the declaration.
    expect(pages[0]).toContain('&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(pages[5]).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('print on the receipt exactly the lines and totals computeFees gives the compiled module', async () => {
    for (const [id, name] of [[BIRTH, 'truc-tuyen-dung-han-co-cha-me'], [BIRTH, 'truc-tiep-qua-han-thieu-giay-to'], [RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep']] as const) {
      const submission = exampleOf(id, name);
      const mod = (await import(pathToFileURL(path.join(built, 'procedures', id, 'index.js')).href)) as { definition: Procedure; conditions: Record<string, Condition> };
      const fees = computeFees(mod.definition, mod.conditions, submission, { today: RECEIVED.slice(0, 10) });
      const html = render('receipt', id, submission);
      const rows = [...html.matchAll(/<tr data-fee="([^"]*)" data-amount="([^"]*)" data-currency="([^"]*)">.*?<td class="amount">([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
      expect(rows, `${id}/${name}`).toEqual(
        fees.lines.map((l) => [l.id, l.amount === undefined ? '' : String(l.amount), l.currency, l.status === 'exempt' ? 'Miễn' : l.status === 'local' ? 'Chưa xác định' : formatAmount(l.amount!, l.currency)]),
      );
      const totals = [...html.matchAll(/<tr class="total" data-total="([^"]*)" data-currency="([^"]*)" data-complete="([^"]*)">/g)].map((m) => m.slice(1));
      expect(totals).toEqual(fees.summary.map((t) => [String(t.amount), t.currency, String(t.complete)]));
      for (const t of fees.summary.filter((s) => s.complete)) expect(html).toContain(`Bằng chữ: ${amountInWords(t.amount, t.currency)}`);
    }
    // The two cases above that end in a figure: 2 copies × 8.000 đ, and 20.000 đ in person.
    expect(render('receipt', BIRTH, exampleOf(BIRTH, 'truc-tuyen-dung-han-co-cha-me'))).toContain('Bằng chữ: Mười sáu nghìn đồng');
    expect(render('receipt', RESIDENCE, exampleOf(RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep'))).toContain('Bằng chữ: Hai mươi nghìn đồng');
  });

  it('list the missing documents on the supplement request and keep dotted lines for what is unknown', () => {
    const html = render('supplement', BIRTH, exampleOf(BIRTH, 'truc-tiep-qua-han-thieu-giay-to'));
    expect([...html.matchAll(/<tr data-document="([^"]+)">/g)].map((m) => m[1])).toEqual(['giay-chung-sinh', 'van-ban-uy-quyen']);
    expect(html).toMatch(/Lý do: <b data-reason><span class="blank">…+<\/span><\/b>/);
  });

  it('print an address with the names of its commune and province when the catalogue has them, and the code when not', () => {
    const places = placeNames({ provinces: [{ code: '01', name: { vi: 'Thành phố Hà Nội', en: 'Ha Noi City' } }] }, [
      { province: '01', effectiveDate: '2026-04-30', communes: [{ code: '00070', name: 'Phường Hoàn Kiếm' }] },
    ]);
    const submission = exampleOf(RESIDENCE, 'chau-ve-nha-ong-noi-truc-tiep');
    const named = renderPaper('receipt', { ...dossier(RESIDENCE, submission, POLICE), places }, {});
    expect(named.ok && named.html).toContain('Số 40 phố Hàng Gai, Phường Hoàn Kiếm, Thành phố Hà Nội');
    expect(named.ok && named.html).not.toContain('mã 00070');
    const unnamed = renderPaper('receipt', { ...dossier(RESIDENCE, submission, POLICE), places: placeNames(undefined, []) }, {});
    expect(unnamed.ok && unnamed.html).toContain('Số 40 phố Hàng Gai, xã/phường mã 00070, tỉnh/thành phố mã 01');
  });

  it('refuse a declaration for a procedure without a printable form', () => {
    const made = dossier(BIRTH, exampleOf(BIRTH, 'truc-tuyen-dung-han-co-cha-me'));
    const other = { ...made, procedure: { ...made.procedure, cases: made.procedure.cases.map((c) => ({ ...c, documents: c.documents.map(({ template: _, ...d }) => d) })) } };
    const out = renderPaper('declaration', other);
    expect(out.ok).toBe(false);
  });

  it('use only double-brace (escaped) expressions in the templates', async () => {
    const dir = path.join(root, 'packages/papers/templates');
    const files = [...(await readdir(dir)).map((f) => path.join(dir, f)), ...(await readdir(path.join(dir, 'partials'))).map((f) => path.join(dir, 'partials', f))];
    for (const file of files.filter((f) => f.endsWith('.hbs'))) expect(await readFile(file, 'utf8'), file).not.toMatch(/\{\{\{|\{\{&/);
  });
});
