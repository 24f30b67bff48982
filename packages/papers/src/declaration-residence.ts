import { A4 } from './common.js';
import type { PaperDossier } from './model.js';
import { formReader, placeAndDate } from './text.js';

/**
 * Mẫu CT01 Tờ khai thay đổi thông tin cư trú (Circular 53/2025/TT-BCA), items 1–11 and the
 * four opinion and signature blocks, from the field ids the residence procedures share
 * (catalogue/cu-tru/*.yaml: ho_ten, ngay_sinh, … thanh_vien_cung_thay_doi).
 */

/** The members table keeps at least this many rows, blank ones to fill by hand. */
const MIN_MEMBER_ROWS = 3;

export function residenceDeclarationContext(d: PaperDossier) {
  const r = formReader(d.procedure, d.submission.data ?? {}, d.places);
  const t = r.text;
  const members = r.items('thanh_vien_cung_thay_doi').map((m, i) => ({
    no: i + 1,
    name: m.text('ho_ten_tv'),
    birthDate: m.text('ngay_sinh_tv'),
    sex: m.text('gioi_tinh_tv'),
    idNumber: m.text('so_dinh_danh_tv'),
    relation: m.text('quan_he_tv'),
  }));
  while (members.length < MIN_MEMBER_ROWS) members.push({ no: members.length + 1, name: null, birthDate: null, sex: null, idNumber: null, relation: null });
  const consent = r.raw('chu_so_huu_dong_y');
  return {
    page: A4,
    title: 'Tờ khai thay đổi thông tin cư trú',
    addressee: t('kinh_gui'),
    name: t('ho_ten'),
    birthDate: t('ngay_sinh'),
    sex: t('gioi_tinh'),
    idNumber: t('so_dinh_danh'),
    phone: t('so_dien_thoai'),
    email: t('email'),
    headName: t('ho_ten_chu_ho'),
    headRelation: t('quan_he_voi_chu_ho'),
    headId: t('so_dinh_danh_chu_ho'),
    request: t('noi_dung_de_nghi'),
    members,
    madeAt: placeAndDate(undefined, d.receipt.receivedAt),
    head: { name: t('ho_ten_chu_ho'), idNumber: t('so_dinh_danh_chu_ho') },
    owner: { name: t('ho_ten_chu_so_huu'), idNumber: t('so_dinh_danh_chu_so_huu'), opinion: consent === true ? 'Đồng ý' : consent === false ? 'Không đồng ý' : null },
    guardian: { name: t('ho_ten_nguoi_dong_y'), idNumber: t('so_dinh_danh_nguoi_dong_y') },
    declarant: { name: t('ho_ten'), idNumber: t('so_dinh_danh') },
  };
}
