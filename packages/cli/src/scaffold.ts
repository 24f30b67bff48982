import { slugify } from '@thutuc/import';

/**
 * The two files `thutuc new` writes: a procedure that passes `thutuc validate` as it stands
 * (every fact the officer has not given yet is recorded as unknown, never guessed) and its
 * example submissions, which the catalogue tests run against the compiled validator.
 */
export interface ScaffoldAnswers {
  /** `<field folder>.<name>`, e.g. `ho-tich.dang-ky-nhan-cha-me-con`. */
  id: string;
  /** National procedure code, e.g. `1.001022`. */
  code: string;
  title: string;
  titleEn?: string;
  fieldName: string;
  level: string;
  /** Number of the legal document behind the procedure, e.g. `60/2014/QH13`. */
  legalNumber: string;
  legalTitle?: string;
  /** The `$schema` references for the two files (relative to where they are written). */
  procedureSchema: string;
  examplesSchema: string;
  today: string;
}

/** A double-quoted YAML scalar: any text the officer typed stays text (no tags, no anchors). */
const q = (s: string): string => JSON.stringify(s);

/** `60/2014/QH13` → `60-2014-qh13`: an id the legal basis list and fees can refer to. */
export function legalId(number: string): string {
  const slug = slugify(number);
  return /^[a-z]/.test(slug) ? slug : `vb-${slug || 'can-cu'}`;
}

export function procedureYaml(a: ScaffoldAnswers): string {
  const title = a.titleEn ? `{ vi: ${q(a.title)}, en: ${q(a.titleEn)} }` : `{ vi: ${q(a.title)} }`;
  return `# yaml-language-server: $schema=${a.procedureSchema}
#
# ${a.title} (${a.code}) — bản nháp tạo bằng \`thutuc new\` ngày ${a.today}.
# Điền những chỗ ghi "CẦN ĐIỀN" (ngày áp dụng, thời hạn, phí, giấy tờ, kết quả, biểu mẫu), xóa
# mục tương ứng trong \`gaps\`, rồi chạy \`npx thutuc validate\` và xem trước bằng \`npx thutuc dev\`.
# A draft made by \`thutuc new\`: fill in every "CẦN ĐIỀN" (to fill in) and remove its gap.
kind: procedure
id: ${a.id}
code: ${q(a.code)}
title: ${title}
field:
  name: { vi: ${q(a.fieldName)} }
levels: [${a.level}]
onlineLevel: none
version: "0.1.0"
effectiveDate:
  unknown: true
  raw: "CẦN ĐIỀN: ngày áp dụng theo văn bản"
status: draft

legalBasis:
  - id: ${legalId(a.legalNumber)}
    number: ${q(a.legalNumber)}
    title: { vi: ${q(a.legalTitle ?? a.legalNumber)} }

channels:
  - channel: in_person
    processingTime:
      unknown: true
      raw: "CẦN ĐIỀN: thời hạn giải quyết theo văn bản"
    fees:
      - id: phi-le-phi
        type: unknown
        kind: unknown
        label: { vi: "Phí, lệ phí", en: Fees and charges }
        raw: "CẦN ĐIỀN: mức phí, lệ phí (hoặc miễn) theo văn bản"

cases:
  - id: chung
    name: { vi: ${q(a.title)} }
    documents:
      - id: don-de-nghi
        name: { vi: "Đơn đề nghị (CẦN ĐIỀN: tên theo văn bản)", en: Application form }
        originals: 1
        copies: 0
        upload: { accept: [application/pdf, image/jpeg, image/png], maxSizeMB: 10, maxFiles: 1 }

results:
  - name: { vi: "CẦN ĐIỀN: giấy tờ người dân nhận được" }

delivery: [in_person]

form:
  sections:
    - id: nguoi-nop
      title: { vi: Người nộp hồ sơ, en: Applicant }
      fields:
        - id: ho_ten
          type: text
          label: { vi: "Họ, chữ đệm, tên", en: Full name }
          required: true
        - id: so_dinh_danh
          type: citizen_id
          label: { vi: Số định danh cá nhân, en: Personal identification number }
          required: true
        - id: so_dien_thoai
          type: phone
          label: { vi: Số điện thoại, en: Phone number }
          required: true

gaps:
  - vi: Bản nháp mới tạo; ngày áp dụng, thời hạn giải quyết, phí, giấy tờ, kết quả và biểu mẫu chưa điền theo văn bản.
    en: A new draft; effective date, time limit, fees, documents, result and form are not yet filled in from the legal text.
`;
}

export function examplesYaml(a: ScaffoldAnswers): string {
  const submission = (data: Record<string, string>) =>
    [
      '      channel: in_person',
      '      delivery: in_person',
      '      data:',
      ...Object.entries(data).map(([k, v]) => `        ${k}: ${q(v)}`),
      '      documents:',
      '        don-de-nghi:',
      // Any file's description: size and SHA-256 of the bytes the applicant attaches.
      '          - { name: don-de-nghi.pdf, type: application/pdf, size: 102400, sha256: 5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef }',
    ].join('\n');
  const person = { ho_ten: 'Nguyễn Văn An', so_dinh_danh: '001085012345', so_dien_thoai: '0912345678' };
  const without = (key: keyof typeof person) => Object.fromEntries(Object.entries(person).filter(([k]) => k !== key));
  const example = (name: string, description: string, data: Record<string, string>, error?: string) => `  - name: ${name}
    description: ${q(description)}
    valid: ${error ? 'false' : 'true'}${error ? `\n    errors:\n      - ${error}` : ''}
    today: ${q(a.today)}
    submission:
${submission(data)}`;
  return `# yaml-language-server: $schema=${a.examplesSchema}
#
# Hồ sơ mẫu của ${a.title} (${a.code}): bài kiểm tra chạy từng hồ sơ qua bộ kiểm tra đã biên dịch.
# Khi thêm trường vào biểu mẫu, thêm giá trị vào các hồ sơ hợp lệ; mỗi hồ sơ không hợp lệ chỉ sai một điểm.
# Example submissions, run against the compiled validator by the tests.
kind: examples
procedure: ${a.id}
examples:
${[
  example('hop-le', 'Hồ sơ đủ thông tin.', person),
  example('hop-le-ho-ten-dai', 'Họ tên có nhiều chữ đệm.', { ...person, ho_ten: 'Tôn Nữ Thị Minh Khai' }),
  example('thieu-ho-ten', 'Thiếu họ tên.', without('ho_ten'), '{ path: /data/ho_ten, rule: required }'),
  example('thieu-so-dinh-danh', 'Thiếu số định danh cá nhân.', without('so_dinh_danh'), '{ path: /data/so_dinh_danh, rule: required }'),
  example('thieu-so-dien-thoai', 'Thiếu số điện thoại.', without('so_dien_thoai'), '{ path: /data/so_dien_thoai, rule: required }'),
].join('\n\n')}
`;
}
