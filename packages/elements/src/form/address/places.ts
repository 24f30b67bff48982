import { indexCommunes, localize, type CommuneIndexEntry, type CommuneMembership, type CommuneName, type Lang, type ProvinceCommunes, type ProvinceOptions } from '@thutuc/runtime';
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

  /**
   * The validator's address check, answered from the lists loaded so far (the browser chunks
   * carry no commune codes). What this page cannot rule out — a list still loading, or one that
   * failed to load — counts as belonging: the form never calls a right address wrong, and the
   * server checks every address against the catalogue's codes.
   */
  readonly membership: CommuneMembership = {
    hasProvince: (province) => {
      const list = this.provinces();
      return !Array.isArray(list) || list.some((p) => p.code === province);
    },
    contains: (province, commune) => {
      const communes = this.communes(province);
      return communes === undefined || communes === 'failed' || communes.byCode.has(commune);
    },
  };

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
