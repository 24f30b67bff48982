import { A4 } from './common.js';
import type { PaperDossier } from './model.js';
import { formReader, placeAndDate } from './text.js';

/**
 * Tờ khai đăng ký khai sinh (Circular 04/2020/TT-BTP as amended by 04/2024/TT-BTP), line by
 * line from the catalogue's field ids (catalogue/ho-tich/dang-ky-khai-sinh.yaml). Procedures
 * that reuse the form (khai sinh kết hợp nhận cha mẹ con, liên thông) fill what they share.
 */
export function birthDeclarationContext(d: PaperDossier) {
  const r = formReader(d.procedure, d.submission.data ?? {}, d.places);
  const t = r.text;
  // The paper has one line for the identity paper; the number is what 04/2024 asks first.
  const identity = (id: string | null, other: string | null) => (id ? `Số định danh cá nhân: ${id}` : other);
  const parent = (who: 'me' | 'cha') => ({
    name: t(`ho_ten_${who}`),
    birthYear: t(`nam_sinh_${who}`),
    ethnicity: t(`dan_toc_${who}`),
    nationality: t(`quoc_tich_${who}`),
    residence: t(`noi_cu_tru_${who}`),
    identity: identity(t(`so_dinh_danh_${who}`), null),
  });
  const copies = r.raw('yeu_cau_ban_sao');
  return {
    page: A4,
    title: 'Tờ khai đăng ký khai sinh',
    addressee: t('kinh_gui'),
    requester: {
      name: t('ho_ten_nguoi_yeu_cau'),
      birthDate: t('ngay_sinh_nguoi_yeu_cau'),
      residence: t('noi_cu_tru_nguoi_yeu_cau'),
      identity: identity(t('so_dinh_danh_nguoi_yeu_cau'), t('giay_to_tuy_than_khac_nguoi_yeu_cau')),
      relation: t('quan_he_voi_tre'),
    },
    child: {
      name: t('ho_ten_tre'),
      birthDate: t('ngay_sinh_tre'),
      birthDateWords: t('ngay_sinh_tre_bang_chu'),
      sex: t('gioi_tinh_tre'),
      ethnicity: t('dan_toc_tre'),
      nationality: t('quoc_tich_tre'),
      birthPlace: t('noi_sinh_tre'),
      hometown: t('que_quan_tre'),
    },
    mother: parent('me'),
    father: parent('cha'),
    marriage: {
      number: t('so_giay_chung_nhan_ket_hon'),
      book: t('quyen_so_ket_hon'),
      date: t('ngay_dang_ky_ket_hon'),
      place: t('noi_dang_ky_ket_hon'),
    },
    // Ticked boxes as the paper has them; neither is ticked when the form did not say.
    copies: { yes: copies === true ? '☒' : '☐', no: copies === false ? '☒' : '☐', count: copies === true ? t('so_ban_sao') : null },
    madeAt: `Làm tại: ${placeAndDate(undefined, d.receipt.receivedAt)}`,
    signer: t('ho_ten_nguoi_yeu_cau'),
  };
}
