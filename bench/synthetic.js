// A synthetic catalogue of realistic size: each procedure has 30 form fields in 4 sections
// (text, dates, choices, an address, a repeatable group, conditional fields), 3 channels with
// fee lines and exemptions, 2 cases with 5 documents, steps, results and legal basis.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FIELD_KINDS = ['text', 'date', 'citizen_id', 'phone', 'choice', 'number', 'boolean', 'email', 'textarea', 'text'];

function field(i) {
  const type = FIELD_KINDS[i % FIELD_KINDS.length];
  const lines = [`        - id: truong_${i}`, `          type: ${type}`, `          label: { vi: "Trường số ${i}", en: "Field ${i}" }`];
  if (i % 3 === 0) lines.push('          required: true');
  if (type === 'choice') lines.push('          options:', '            - { value: mot, label: { vi: Một, en: One } }', '            - { value: hai, label: { vi: Hai, en: Two } }');
  if (type === 'number') lines.push('          integer: true', '          min: 0', '          max: 100');
  if (type === 'text') lines.push('          maxLength: 120');
  return lines.join('\n');
}

export function syntheticProcedure(n, { sectionCount = 4, fieldsPerSection = 7 } = {}) {
  const sections = [];
  let f = 0;
  for (let s = 0; s < sectionCount; s++) {
    const fields = [];
    for (let k = 0; k < fieldsPerSection; k++) fields.push(field(f++));
    sections.push(`    - id: phan-${s}\n      title: { vi: "Phần ${s + 1}", en: "Part ${s + 1}" }\n      fields:\n${fields.join('\n')}`);
  }
  // two more fields: an address and a group, plus conditions that read other fields
  sections[sectionCount - 1] += `
        - { id: noi_cu_tru, type: address, label: { vi: Nơi cư trú, en: Residence }, required: true }
        - id: thanh_vien
          type: group
          label: { vi: Thành viên, en: Members }
          maxItems: 10
          fields:
            - { id: ho_ten, type: text, label: { vi: Họ tên, en: Name }, required: true }
            - { id: ngay_sinh, type: date, label: { vi: Ngày sinh, en: Date of birth } }
        - { id: ghi_chu, type: textarea, label: { vi: Ghi chú, en: Note }, visibleWhen: 'truong_6 == true', requiredWhen: 'truong_5 > 10' }`;
  const docs = (c) =>
    [0, 1, 2, 3, 4]
      .map((d) => `      - { id: giay-to-${c}-${d}, name: { vi: "Giấy tờ ${d}", en: "Document ${d}" }, originals: 1, copies: ${d % 2}${d === 4 ? ", requiredWhen: 'truong_4 == \"hai\"'" : ''} }`)
      .join('\n');
  const channel = (name, amount) => `  - channel: ${name}
    processingTime: { value: ${5 + (n % 10)}, unit: working_day, raw: "${5 + (n % 10)} ngày làm việc" }
    fees:
      - id: le-phi
        type: le_phi
        kind: fixed
        amount: ${amount}
        label: { vi: Lệ phí, en: Charge }
        legalBasis: [nghi-dinh-mau]
        exemptions:
          - { id: ho-ngheo, when: 'truong_6 == true', reason: { vi: Hộ nghèo, en: Poor household } }
      - id: ban-sao
        type: phi
        kind: per_unit
        amount: 8000
        unit: copy
        quantity: truong_5
        when: 'truong_5 > 0'
        label: { vi: Bản sao, en: Copies }`;
  return `# yaml-language-server: $schema=../../schemas/procedure.schema.json
kind: procedure
id: tong-hop.thu-tuc-${n}
code: "1.${String(100000 + n).padStart(6, '0')}"
title: { vi: "Thủ tục tổng hợp số ${n}", en: "Synthetic procedure ${n}" }
field: { code: G00-TH01, name: { vi: Tổng hợp, en: Synthetic } }
levels: [commune]
applicantTypes: [citizen_vn]
onlineLevel: full
version: "1.0.${n % 7}"
effectiveDate: "2026-01-01"
status: active
decision: { number: "${n}/QĐ-MAU", date: "2026-01-15", issuer: Bộ mẫu }
legalBasis:
  - { id: luat-mau, number: "01/2026/QH15", title: { vi: Luật mẫu, en: Sample law }, issuer: Quốc hội, date: "2026-01-01" }
  - { id: nghi-dinh-mau, number: "02/2026/NĐ-CP", title: { vi: Nghị định mẫu, en: Sample decree }, issuer: Chính phủ, date: "2026-01-02" }
channels:
${channel('online', 10000)}
${channel('post', 20000)}
${channel('in_person', 20000)}
cases:
  - id: truong-hop-a
    name: { vi: Trường hợp A, en: Case A }
    documents:
${docs('a')}
  - id: truong-hop-b
    name: { vi: Trường hợp B, en: Case B }
    documents:
${docs('b')}
steps:
  - { actor: applicant, title: { vi: Nộp hồ sơ, en: Submit } }
  - { actor: reception, title: { vi: Tiếp nhận, en: Reception } }
  - { actor: officer, title: { vi: Giải quyết, en: Processing }, share: 0.6 }
  - { actor: reception, title: { vi: Trả kết quả, en: Result } }
results:
  - { code: KQ.G00.${String(n).padStart(6, '0')}, name: { vi: Kết quả, en: Result } }
delivery: [in_person, post, online]
form:
  sections:
${sections.join('\n')}
`;
}

/** A typical 30-field submission of a synthetic procedure, valid. */
export function typicalSubmission() {
  const data = {};
  for (let i = 0; i < 28; i++) {
    const type = FIELD_KINDS[i % FIELD_KINDS.length];
    data[`truong_${i}`] = {
      text: 'Nguyễn Văn An',
      date: '1990-05-17',
      citizen_id: '001090012345',
      phone: '0912345678',
      choice: 'mot',
      number: 2,
      boolean: false,
      email: 'an@example.vn',
      textarea: 'Đề nghị cấp bản sao.',
    }[type];
  }
  data.noi_cu_tru = { province: '01', commune: '00004', street: '12 Tràng Tiền' };
  data.thanh_vien = [{ ho_ten: 'Trần Thị Bình', ngay_sinh: '2015-01-02' }];
  const file = (name) => [{ name, type: 'application/pdf', size: 250_000, sha256: 'ab'.repeat(32) }];
  return {
    case: 'truong-hop-a',
    channel: 'online',
    delivery: 'post',
    data,
    documents: Object.fromEntries([0, 1, 2, 3].map((d) => [`giay-to-a-${d}`, file(`giay-to-${d}.pdf`)])),
  };
}

export async function writeSyntheticCatalogue(dir, count, shape) {
  await mkdir(path.join(dir, 'tong-hop'), { recursive: true });
  for (let n = 0; n < count; n++) await writeFile(path.join(dir, 'tong-hop', `thu-tuc-${n}.yaml`), syntheticProcedure(n, shape));
}
