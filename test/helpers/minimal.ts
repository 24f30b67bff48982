/**
 * A minimal valid procedure, written out line by line so tests can point at exact lines.
 * Line numbers are stable: tests that patch a line say which one.
 */
export const MINIMAL_PROCEDURE = `# yaml-language-server: $schema=../../schemas/procedure.schema.json
kind: procedure
id: thu-nghiem.toi-thieu
code: "1.999998"
title: { vi: Thủ tục tối thiểu, en: Minimal procedure }
field: { name: { vi: Thử nghiệm, en: Testing } }
levels: [commune]
onlineLevel: full
version: "1.0.0"
effectiveDate: "2026-01-01"
status: active
legalBasis:
  - { id: luat-mau, number: "01/2026/QH15", title: { vi: Luật mẫu } }
channels:
  - channel: online
    processingTime: { value: 1, unit: working_day }
    fees:
      - id: le-phi
        type: le_phi
        kind: fixed
        amount: 10000
        label: { vi: Lệ phí, en: Charge }
cases:
  - id: mot
    name: { vi: Một trường hợp }
    documents:
      - { id: don, name: { vi: Đơn }, electronicForm: true }
results:
  - { name: { vi: Kết quả } }
delivery: [in_person, post]
form:
  sections:
    - id: chinh
      title: { vi: Thông tin }
      fields:
        - { id: ho_ten, type: text, label: { vi: Họ tên }, required: true }
        - { id: so_ban, type: number, label: { vi: Số bản } }
        - { id: ngay_sinh, type: date, label: { vi: Ngày sinh } }
        - id: gioi_tinh
          type: choice
          label: { vi: Giới tính }
          options:
            - { value: nam, label: { vi: Nam } }
            - { value: nu, label: { vi: Nữ } }
`;

/** Replaces one line (1-based) of a text. */
export function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

/** Line number (1-based) of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`not found: ${needle}`);
  return index + 1;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
