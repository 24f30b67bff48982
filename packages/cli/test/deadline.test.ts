import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

function thutuc(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A made-up procedure with a 20-working-day limit online and 7 in person, beside the real 2026 holidays. */
const PROCEDURE = `# yaml-language-server: $schema=../../schemas/procedure.schema.json
kind: procedure
id: thu-nghiem.thoi-han
code: "1.999997"
title: { vi: Thủ tục thử thời hạn, en: Deadline test procedure }
field: { name: { vi: Thử nghiệm } }
levels: [commune]
onlineLevel: partial
version: "1.0.0"
effectiveDate: "2026-01-01"
status: draft
legalBasis: [{ id: luat-mau, number: "01/2026/QH15", title: { vi: Luật mẫu } }]
channels:
  - channel: online
    processingTime: { value: 20, unit: working_day }
    fees: [{ id: le-phi, type: le_phi, kind: exempt, label: { vi: Lệ phí }, reason: { vi: Miễn lệ phí } }]
  - channel: in_person
    processingTime: { value: 7, unit: working_day }
    fees: [{ id: le-phi, type: le_phi, kind: exempt, label: { vi: Lệ phí }, reason: { vi: Miễn lệ phí } }]
cases: [{ id: chung, name: { vi: Chung }, documents: [{ id: to-khai, name: { vi: Tờ khai } }] }]
results: [{ name: { vi: Kết quả } }]
form: { sections: [{ id: a, title: { vi: A }, fields: [{ id: ho_ten, type: text, label: { vi: Họ tên } }] }] }
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-deadline-'));
  await mkdir(path.join(dir, 'catalogue/thu-nghiem'), { recursive: true });
  await mkdir(path.join(dir, 'catalogue/shared/holidays'), { recursive: true });
  await writeFile(path.join(dir, 'catalogue/thu-nghiem/thoi-han.yaml'), PROCEDURE);
  await copyFile(path.join(root, 'catalogue/shared/holidays/2026.yaml'), path.join(dir, 'catalogue/shared/holidays/2026.yaml'));
});

describe('thutuc deadline', () => {
  it('counts 7 working days from 24/4/2026 over Giỗ Tổ, 30/4 and 1/5, in Vietnamese by default', () => {
    const r = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-04-24T10:00', '--channel', 'in_person'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thủ tục thử thời hạn (1.999997) · nộp trực tiếp');
    expect(r.stdout).toContain('Thời hạn giải quyết: 7 ngày làm việc');
    expect(r.stdout).toContain('• Không tính Chủ nhật, 26/04/2026: Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(r.stdout).toContain('• Không tính thứ Năm, 30/04/2026: Ngày Chiến thắng');
    expect(r.stdout).toMatch(/\nHẹn trả kết quả: 17:00 thứ Sáu, 08\/05\/2026 \(sau 7 ngày làm việc\)\n/);
    expect(r.stdout).toContain('tạm tính');
  });

  it('takes the first channel by default, --lang en and --json', () => {
    const en = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-02-10T09:00', '--lang', 'en'], dir);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Result due: 17:00 on Tuesday 17 March 2026 (after 20 working days)'); // online: 20 working days across Tết
    expect(en.stdout).toContain('Not counted: Tuesday 17 February 2026 — Lunar New Year (1st day of the 1st lunar month)');
    const json = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-04-24T10:00', '--channel', 'in_person', '--json'], dir);
    const parsed = JSON.parse(json.stdout) as { due: string; channel: string; counted: string[] };
    expect(parsed).toMatchObject({ due: '2026-05-08T17:00:00+07:00', channel: 'in_person' });
    expect(parsed.counted).toHaveLength(7);
  });

  it('reads the real catalogue by default: a birth registered after 15:00 on Friday is due next working day', () => {
    const r = thutuc(['deadline', 'ho-tich.dang-ky-khai-sinh', '--received', '2026-04-24T15:30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nhận sau 15:00: trả kết quả từ ngày làm việc tiếp theo');
    expect(r.stdout).toContain('Hẹn trả kết quả: 17:00 thứ Ba, 28/04/2026');
  });

  it('exits 1 with a clear message for an unknown procedure or channel, or a bad date', () => {
    const unknown = thutuc(['deadline', 'thu-nghiem.thoi-hn', '--received', '2026-04-24T10:00'], dir);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('thutuc: Không có thủ tục "thu-nghiem.thoi-hn" trong catalogue. Có phải ý bạn là `thu-nghiem.thoi-han`?\n');
    const channel = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-04-24T10:00', '--channel', 'post', '--lang', 'en'], dir);
    expect(channel).toMatchObject({ code: 1, stderr: 'thutuc: Procedure thu-nghiem.thoi-han has no "post" channel (it has: online, in_person).\n' });
    const date = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-02-30T10:00'], dir);
    expect(date.code).toBe(1);
    expect(date.stderr).toContain('Thời điểm tiếp nhận không hợp lệ: "2026-02-30T10:00"');
    const folder = thutuc(['deadline', 'thu-nghiem.thoi-han', '--received', '2026-04-24T10:00', '--catalogue', 'khong-co'], dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('khong-co');
  });
});
