import { renderControlSheet, renderRegister, type ControlEntry, type RegisterRow } from '@thutuc/papers';
import { BIRTH, POLICE, type PaperFixture } from './fixture.js';

/**
 * Mẫu 06 and 07 for the goldens and the tests: a birth registration that went through a
 * supplement request and came back a day late, and a register page of three dossiers.
 */
export const CONTROL_ENTRIES: ControlEntry[] = [
  { at: '2026-04-24T10:00:00+07:00', action: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Tiếp nhận và Trả kết quả', person: 'Đỗ Văn Quang' },
  { at: '2026-04-24T14:00:00+07:00', action: 'Chuyển xử lý', unit: 'Bộ phận Tiếp nhận và Trả kết quả', person: 'Đỗ Văn Quang', due: '2026-04-28T17:00:00+07:00' },
  { at: '2026-04-28T17:00:00+07:00', action: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', unit: 'Công chức xử lý', person: 'Trần Thị Hạnh', due: '2026-04-28T17:00:00+07:00', note: 'Thiếu Giấy chứng sinh.' },
  { at: '2026-05-06T09:00:00+07:00', action: 'Ký duyệt, xử lý xong', unit: 'Lãnh đạo', person: 'Nguyễn Văn Bình', due: '2026-05-05T17:00:00+07:00' },
];

export const REGISTER_ROWS: RegisterRow[] = [
  {
    code: 'G15.TEST-20260424-0000001', procedure: 'Đăng ký khai sinh', applicant: 'Nguyễn Văn An', contact: 'Số 1 phố Hàng Bạc; 0912 345 678', agency: 'Ủy ban nhân dân phường Hoàn Kiếm',
    receivedAt: '2026-04-24T10:00:00+07:00', appointment: '2026-04-28T17:00:00+07:00', transferredAt: '2026-04-24T14:00:00+07:00', resultAt: '2026-04-28T09:00:00+07:00', returnedAt: '2026-04-28T15:30:00+07:00',
  },
  { code: 'G15.TEST-20260424-0000002', procedure: 'Đăng ký thường trú', applicant: 'Lê Thị Bích', contact: null, agency: 'Công an phường Hoàn Kiếm', receivedAt: '2026-04-24T11:00:00+07:00', appointment: null, note: 'Không được tiếp nhận' },
  { code: 'G15.TEST-20260427-0000001', procedure: 'Đăng ký khai sinh', applicant: null, contact: null, agency: null, receivedAt: '2026-04-27T08:05:00+07:00', appointment: '2026-04-29T17:00:00+07:00' },
];

export function otherPapers(f: PaperFixture): Record<string, string> {
  const birth = f.dossier(BIRTH, f.exampleOf(BIRTH, 'truc-tuyen-dung-han-co-cha-me'));
  return {
    'control-khai-sinh.html': renderControlSheet(birth, CONTROL_ENTRIES),
    'register.html': renderRegister(REGISTER_ROWS, {
      desk: POLICE, from: '2026-04-01', to: '2026-04-30', offset: 51,
      page: { number: 2, count: 2, total: 53, previous: '?from=2026-04-01&to=2026-04-30&page=1' },
    }),
  };
}
