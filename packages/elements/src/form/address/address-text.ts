import type { Lang } from '../../i18n.js';
import type { PlaceData } from './places.js';

/** "Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội"; codes stand in for names not loaded. */
export function addressText(value: Record<string, string | undefined>, places: PlaceData | undefined, lang: Lang, labels: { province: string; commune: string }): string {
  const province = places?.provinceName(value.province, lang) ?? (value.province && `${labels.province} ${value.province}`);
  const commune = places?.communeName(value.province, value.commune) ?? (value.commune && `${labels.commune} ${value.commune}`);
  return [value.street, commune, province].filter(Boolean).join(', ');
}
