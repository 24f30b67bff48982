import { beforeAll, describe, expect, it } from 'vitest';
import { FORMS, qrSvg, registerCsv, renderControlSheet, renderRegister, timeResult, type PaperKind } from '@thutuc/papers';
import { BIRTH, paperFixture, POLICE, type PaperFixture } from './fixture.js';
import { decodeQr } from '../../../test/helpers/qr.js';
import { CONTROL_ENTRIES, REGISTER_ROWS } from './sheets.js';

/**
 * The forms of Circular 03/2025/TT-VPCP, Phụ lục I: numbers, names and citations; the QR code
 * on Mẫu 01; Mẫu 06 from a history; Mẫu 07 as a page and as CSV.
 */
let f: PaperFixture;
beforeAll(async () => {
  f = await paperFixture('papers-circular-03');
});
const birth = () => f.exampleOf(BIRTH, 'truc-tuyen-dung-han-co-cha-me');

describe('Circular 03/2025/TT-VPCP forms', () => {
  it('print each notice under its own number, name and citation, and nothing of Circular 01/2018', () => {
    const notices: [PaperKind, keyof typeof FORMS][] = [['receipt', 'receipt'], ['supplement', 'supplement'], ['refusal', 'refusal'], ['apology', 'apology'], ['stop', 'stop']];
    for (const [kind, form] of notices) {
      const html = f.render(kind, BIRTH, birth());
      expect(html, kind).toContain(`<p class="form-code">Mẫu số ${FORMS[form].number} – Phụ lục I, Thông tư số 03/2025/TT-VPCP</p>`);
      expect(html, kind).toContain(`<h1>${FORMS[form].name.toLocaleUpperCase('vi')}</h1>`.replace('<h1>THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ</h1>', '<h1>THÔNG BÁO</h1>'));
      expect(html, kind).not.toMatch(/01\/2018|PHIẾU XIN LỖI/);
    }
    expect(Object.values(FORMS).map((x) => x.number)).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(f.render('stop', BIRTH, birth())).toContain('Về việc dừng giải quyết hồ sơ');
  });

  it('put on Mẫu 01 a QR code that decodes to exactly the status link, and none without a link', () => {
    const link = 'https://dichvucong.example.gov.vn/tra-cuu?lang=vi#ma=G15.TEST-20260424-0000001&tra-cuu=AB12-CD34-EF56-GH78';
    const html = f.render('receipt', BIRTH, birth(), { statusLink: link });
    expect(decodeQr(html)).toBe(link);
    // The link is in the picture only: not as text, not in an attribute.
    expect(html).not.toContain('AB12-CD34');
    expect(f.render('receipt', BIRTH, birth())).not.toContain('<svg');
  });

  it('draw only squares whatever the link holds', () => {
    const hostile = 'https://x.example/"><script>alert(1)</script>';
    const svg = qrSvg(hostile);
    expect(svg).not.toMatch(/script|alert|evil|x\.example/);
    expect(decodeQr(svg)).toBe(hostile);
  });

  it('judge each step of Mẫu 06 before, on or after the due date then in force', () => {
    expect(CONTROL_ENTRIES.map((e) => timeResult(e.at, e.due))).toEqual([null, 'Trước hạn', 'Đúng hạn', 'Quá hạn']);
    expect(timeResult('2026-05-05T17:30:00+07:00', '2026-05-05T17:00:00+07:00')).toBe('Quá hạn');
    const html = renderControlSheet(f.dossier(BIRTH, birth()), CONTROL_ENTRIES);
    expect([...html.matchAll(/<td class="n" data-result>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['', 'Trước hạn', 'Đúng hạn', 'Quá hạn']);
    expect(html).toContain('Mẫu số 06 – Phụ lục I, Thông tư số 03/2025/TT-VPCP');
    expect(html).toContain('16 giờ 00 phút, ngày 06/05/2026'.replace('16', '09'));
  });

  it('escape what officers and applicants wrote on Mẫu 06 and 07', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const control = renderControlSheet(f.dossier(BIRTH, birth()), [{ ...CONTROL_ENTRIES[0]!, person: hostile, note: hostile }]);
    const register = renderRegister([{ ...REGISTER_ROWS[0]!, applicant: hostile, procedure: hostile }], { desk: { ...POLICE, parent: hostile }, from: '2026-04-01', to: '2026-04-30' });
    for (const html of [control, register]) {
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    }
  });

  it('number a register page on from its offset and link its neighbours', () => {
    const html = renderRegister(REGISTER_ROWS, { desk: POLICE, from: '2026-04-01', to: '2026-04-30', offset: 51, page: { number: 2, count: 3, total: 103, previous: '?page=1', next: '?page=3' } });
    expect([...html.matchAll(/<tr data-code="([^"]+)"><td class="n">(\d+)<\/td>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['G15.TEST-20260424-0000001', '51'], ['G15.TEST-20260424-0000002', '52'], ['G15.TEST-20260427-0000001', '53'],
    ]);
    expect(html).toContain('(trang 2/3, 103 hồ sơ)');
    expect(html).toContain('<a rel="prev" href="?page&#x3D;1">');
    expect(html).toContain('<a rel="next" href="?page&#x3D;3">');
    expect(renderRegister([], { desk: POLICE, from: '2026-04-01', to: '2026-04-30' })).toContain('Không có hồ sơ trong kỳ.');
  });

  it('export the register as CSV with the same thirteen columns, safe from spreadsheet formulas', () => {
    const csv = registerCsv([...REGISTER_ROWS, { ...REGISTER_ROWS[2]!, code: 'X-1', applicant: '=HYPERLINK("http://evil")' }]);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[0]!.split(",")).toHaveLength(16); // three headers hold a comma (and are quoted)
    expect(lines[1]).toBe('1,G15.TEST-20260424-0000001,Đăng ký khai sinh,01,Nguyễn Văn An,Số 1 phố Hàng Bạc; 0912 345 678,Ủy ban nhân dân phường Hoàn Kiếm,24/04/2026 10:00,28/04/2026 17:00,24/04/2026 14:00,28/04/2026 09:00,28/04/2026 15:30,');
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
