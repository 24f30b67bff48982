import type { FormField, Procedure } from '@thutuc/runtime/model';
import { parseVietnamTime, type PlaceNames } from '@thutuc/runtime';

/**
 * Values as a desk officer writes them on paper. Builders return `null` for anything empty;
 * the templates' `fill` helper prints the dotted line the paper form has there instead.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-04-24` → `24/04/2026`. */
export function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * `ngày 24 tháng 4 năm 2026`. Decree 30/2020/NĐ-CP (Appendix I): days below 10 and the
 * months 1 and 2 take a leading zero (`ngày 05 tháng 01`), other months do not.
 */
export function formalDate(iso: string): string {
  const day = +iso.slice(8, 10);
  const month = +iso.slice(5, 7);
  return `ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : month} năm ${iso.slice(0, 4)}`;
}

/** `Hà Nội, ngày 24 tháng 4 năm 2026`; an unknown place stays a dotted gap to fill by hand. */
export function placeAndDate(place: string | undefined, instant: string): string {
  const at = parseVietnamTime(instant);
  return `${place?.trim() || '……………'}, ${at ? formalDate(at.date) : 'ngày … tháng … năm …'}`;
}

/** `2026-04-24T10:00:00+07:00` → `10 giờ 00 phút, ngày 24/04/2026` (Vietnam time). */
export function clockText(instant: string | undefined): string | null {
  const at = instant ? parseVietnamTime(instant) : undefined;
  if (!at) return null;
  return `${at.time.slice(0, 2)} giờ ${at.time.slice(3, 5)} phút, ngày ${shortDate(at.date)}`;
}

/**
 * An address field `{ province, commune, street }`, with the units' names when the catalogue
 * has them ("Số 40 phố Hàng Gai, Phường Hoàn Kiếm, Thành phố Hà Nội"); a code without a name
 * is printed as a code, never dropped.
 */
export function addressText(value: unknown, places?: PlaceNames): string | null {
  if (!value || typeof value !== 'object') return typeof value === 'string' && value.trim() ? value : null;
  const a = value as { province?: unknown; commune?: unknown; street?: unknown };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const commune = str(a.commune);
  const province = str(a.province);
  const parts = [
    str(a.street),
    commune && (places?.commune(commune) ?? `xã/phường mã ${commune}`),
    province && (places?.province(province) ?? `tỉnh/thành phố mã ${province}`),
  ];
  const text = parts.filter(Boolean).join(', ');
  return text || null;
}

/** Reads a submission's `data` through the procedure's form, so choices print their labels. */
export interface FormReader {
  raw(id: string): unknown;
  /** The value as printed, or null when empty. */
  text(id: string): string | null;
  /** The items of a group field, each read through the group's own fields. */
  items(id: string): FormReader[];
}

export function formReader(procedure: Procedure, data: Record<string, unknown>, places?: PlaceNames): FormReader {
  const fields = new Map<string, FormField>();
  for (const section of procedure.form.sections) for (const f of section.fields) fields.set(f.id, f);
  return readerOver(fields, data, places);
}

function readerOver(fields: ReadonlyMap<string, FormField>, data: Record<string, unknown>, places: PlaceNames | undefined): FormReader {
  const raw = (id: string) => (Object.hasOwn(data, id) ? data[id] : undefined);
  return {
    raw,
    text: (id) => valueText(fields.get(id), raw(id), places),
    items: (id) => {
      const list = raw(id);
      const sub = new Map((fields.get(id)?.fields ?? []).map((f) => [f.id, f] as const));
      return Array.isArray(list) ? list.filter((x) => x && typeof x === 'object').map((x) => readerOver(sub, x as Record<string, unknown>, places)) : [];
    },
  };
}

function valueText(field: FormField | undefined, value: unknown, places: PlaceNames | undefined): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const label = (v: unknown) => field?.options?.find((o) => o.value === v)?.label.vi ?? String(v);
  switch (field?.type) {
    case 'choice':
      return label(value);
    case 'multi_choice':
      return Array.isArray(value) ? value.map(label).join('; ') : label(value);
    case 'boolean':
      return value === true ? 'Có' : value === false ? 'Không' : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shortDate(value) : String(value);
    case 'address':
      return addressText(value, places);
    case 'group':
      return null;
    default:
      return typeof value === 'object' ? null : String(value).trim() || null;
  }
}
