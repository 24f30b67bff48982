/** A complete submission for the test fixture's procedure (test/fixtures/catalogue/thu-nghiem/mau.yaml). */
export const fixturePayload = {
  case: 'ca-nhan',
  channel: 'online',
  delivery: 'post',
  data: {
    ho_ten: 'Nguyễn Thị Hoa',
    ngay_sinh: '1990-02-28',
    so_dinh_danh: '001190000123',
    dien_thoai: '0912345678',
    dia_chi: { province: '01', commune: '00004', street: '12 Tràng Tiền' },
    gioi_tinh: 'nu',
    so_ban_sao: 1,
    ly_do: 'Nộp hồ sơ xin việc',
    thanh_vien: [{ ho_ten: 'Nguyễn Văn Nam', co_dinh_danh: true, so_dinh_danh: '001090000456' }],
  },
  documents: { cccd: [{ name: 'cccd.pdf', type: 'application/pdf', size: 204800, sha256: 'ab'.repeat(32) }] },
};
