import { describe, expect, it } from 'vitest';
import { visibleData } from '../src/form/state.js';
import type { CompiledProcedure } from '../src/types.js';

/**
 * What the form sends: only the answers the applicant sees, in the form's order. A procedure
 * with a section shown for one case, a field shown on an answer, and a group whose entries have
 * a sub-field shown on another.
 */
const procedure = {
  definition: {
    form: {
      sections: [
        {
          id: 'nguoi-yeu-cau',
          fields: [
            { id: 'ho_ten', type: 'text' },
            { id: 'loai_giay_to', type: 'select' },
            { id: 'giay_to_khac', type: 'text' },
            { id: 'thanh_vien', type: 'group', fields: [{ id: 'ho_ten', type: 'text' }, { id: 'ly_do', type: 'text' }] },
            { id: 'ghi_chu', type: 'textarea' },
          ],
        },
        { id: 'to-chuc', fields: [{ id: 'ten_to_chuc', type: 'text' }] },
      ],
    },
  },
  conditions: {
    'section:to-chuc:visible': (_d: Record<string, unknown>, c: { case?: string }) => c.case === 'to-chuc',
    'field:giay_to_khac:visible': (d: Record<string, unknown>) => d.loai_giay_to === 'khac',
    'field:thanh_vien.ly_do:visible': (_d: Record<string, unknown>, _c: unknown, item?: Record<string, unknown>) => item?.ho_ten === 'Trần Thị Bình',
  },
} as unknown as CompiledProcedure;

const ctx = { channel: 'online', case: 'ca-nhan', today: '2026-03-02' };

describe('visibleData', () => {
  it('keeps what the applicant sees, in the order of the form, and drops the rest', () => {
    const data = {
      ten_to_chuc: 'Công ty A', // a section of another case
      ghi_chu: '',
      ho_ten: 'Nguyễn Văn An',
      giay_to_khac: 'Hộ chiếu', // shown only when loai_giay_to is "khac"
      loai_giay_to: 'cccd',
      thanh_vien: [
        { ho_ten: 'Trần Thị Bình', ly_do: 'Con' },
        { ho_ten: 'Lê Văn Cường', ly_do: 'Không hiện' },
      ],
    };
    const sent = visibleData(procedure, data, ctx);
    expect(sent).toEqual({
      ho_ten: 'Nguyễn Văn An',
      loai_giay_to: 'cccd',
      thanh_vien: [{ ho_ten: 'Trần Thị Bình', ly_do: 'Con' }, { ho_ten: 'Lê Văn Cường' }],
    });
    expect(Object.keys(sent)).toEqual(['ho_ten', 'loai_giay_to', 'thanh_vien']);
    expect(visibleData(procedure, { ...data, loai_giay_to: 'khac' }, ctx).giay_to_khac).toBe('Hộ chiếu');
    expect(visibleData(procedure, data, { ...ctx, case: 'to-chuc' }).ten_to_chuc).toBe('Công ty A');
  });
});
