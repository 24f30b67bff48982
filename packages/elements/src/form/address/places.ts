import { indexCommunes, localize, type CommuneIndexEntry, type CommuneName, type Lang, type ProvinceCommunes, type ProvinceOptions } from '@thutuc/runtime';
import { catalogueUrl } from '../catalogue.js';

export type ProvinceOption = ProvinceOptions['provinces'][number];

/** A province's communes, folded once for searching. */
export interface LoadedCommunes {
  list: CommuneName[];
  index: CommuneIndexEntry<CommuneName>[];
  byCode: Map<string, CommuneName>;
}

type Slot<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * The administrative units the address picker shows, fetched from the browser catalogue:
 * `communes/provinces.json` when a form with an address field renders, `communes/<code>.json`
 * only when that province is chosen (the first load never downloads the 3,321 names). Getters
 * answer synchronously from what has arrived; `changed` re-renders the form when more arrives.
 */
export class PlaceData {
  #provinces: Slot<ProvinceOption[]> | undefined;
  readonly #communes = new Map<string, Slot<LoadedCommunes>>();

  constructor(
    private readonly base: () => string | undefined,
    private readonly changed: () => void,
  ) {}

  /** The provinces; undefined while loading; `failed` when the catalogue has no list (codes are then typed). */
  provinces(): ProvinceOption[] | undefined | 'failed' {
    this.#provinces ??= this.#load('communes/provinces.json', (v: ProvinceOptions) => v.provinces, (slot) => (this.#provinces = slot));
    return this.#provinces.state === 'ready' ? this.#provinces.value : this.#provinces.state === 'failed' ? 'failed' : undefined;
  }

  /** A province's communes; undefined while loading or when the code is not a province. */
  communes(province: string | undefined): LoadedCommunes | undefined | 'failed' {
    if (!province || !/^\d{2}$/.test(province)) return undefined;
    let slot = this.#communes.get(province);
    if (!slot) {
      slot = this.#load(`communes/${province}.json`, (v: ProvinceCommunes) => indexed(v.communes), (next) => this.#communes.set(province, next));
      this.#communes.set(province, slot);
    }
    return slot.state === 'ready' ? slot.value : slot.state === 'failed' ? 'failed' : undefined;
  }

  provinceName(code: string | undefined, lang: Lang): string | undefined {
    const list = this.provinces();
    return Array.isArray(list) ? localize(list.find((p) => p.code === code)?.name, lang) || undefined : undefined;
  }

  communeName(province: string | undefined, code: string | undefined): string | undefined {
    const communes = this.communes(province);
    return communes && communes !== 'failed' && code ? communes.byCode.get(code)?.name : undefined;
  }

  #load<J, T>(relative: string, pick: (json: J) => T, settle: (slot: Slot<T>) => void): Slot<T> {
    const url = catalogueUrl(this.base(), relative);
    void fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        settle({ state: 'ready', value: pick((await response.json()) as J) });
      })
      .catch(() => settle({ state: 'failed' }))
      .finally(this.changed);
    return { state: 'loading' };
  }
}

function indexed(list: CommuneName[]): LoadedCommunes {
  return { list, index: indexCommunes(list), byCode: new Map(list.map((c) => [c.code, c])) };
}

/** "Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội"; codes stand in for names not loaded. */
export function addressText(value: Record<string, string | undefined>, places: PlaceData | undefined, lang: Lang, labels: { province: string; commune: string }): string {
  const province = places?.provinceName(value.province, lang) ?? (value.province && `${labels.province} ${value.province}`);
  const commune = places?.communeName(value.province, value.commune) ?? (value.commune && `${labels.commune} ${value.commune}`);
  return [value.street, commune, province].filter(Boolean).join(', ');
}
