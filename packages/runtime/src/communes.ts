/**
 * Which commune codes belong to which province, in a form small enough to ship with every
 * compiled validator that has an address field: per province, the gaps between its sorted
 * 5-digit codes, one printable character per gap below 90 (most gaps are 3 to 27: the codes
 * were allotted in steps of 3) and `~<base 36>~` for larger ones. About 1.7 KB gzip for the
 * whole country, against ~45 KB for the names, which the address picker loads one province at
 * a time.
 */

const FIRST = 35; // '#': skips '"' so the table is plain JSON text
const SMALL = 90; // gaps below this take one character, up to '|' (124)
const ESCAPE = '~';

/** `communes/<province>.json` of a built catalogue: the names pickers, papers and receipts show. */
export interface ProvinceCommunes {
  province: string;
  /** The date the list applies from. */
  effectiveDate: string;
  communes: { code: string; name: string }[];
}

/** `communes/provinces.json` of a built catalogue: the provinces an address picker offers. */
export interface ProvinceOptions {
  effectiveDate?: string;
  provinces: { code: string; name: { vi: string; en?: string } }[];
}

/** Province code → its commune codes, encoded by encodeCommuneCodes. */
export type CommuneCodeTable = Readonly<Record<string, string>>;

export interface CommuneMembership {
  hasProvince(province: string): boolean;
  /** True when `commune` is a commune of `province` in the list the catalogue was built with. */
  contains(province: string, commune: string): boolean;
}

export function encodeCommuneCodes(byProvince: Readonly<Record<string, readonly string[]>>): CommuneCodeTable {
  const out: Record<string, string> = {};
  for (const province of Object.keys(byProvince).sort()) {
    let previous = 0;
    out[province] = [...byProvince[province]!]
      .map(Number)
      .sort((a, b) => a - b)
      .map((code) => {
        const gap = code - previous;
        previous = code;
        return gap < SMALL ? String.fromCharCode(FIRST + gap) : `${ESCAPE}${gap.toString(36)}${ESCAPE}`;
      })
      .join('');
  }
  return out;
}

/** Calls `add` with each 5-digit code of a province's encoded list, in order. */
function eachCode(encoded: string, add: (code: string) => void): void {
  let code = 0;
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === ESCAPE) {
      const end = encoded.indexOf(ESCAPE, i + 1);
      code += parseInt(encoded.slice(i + 1, end), 36);
      i = end;
    } else {
      code += encoded.charCodeAt(i) - FIRST;
    }
    add(String(code).padStart(5, '0'));
  }
}

/**
 * Commune code → its province, for the whole table; undefined when a code is listed under two
 * provinces, which the one-province-per-code lookup could not answer.
 */
function provinceByCommune(table: CommuneCodeTable): Map<string, string> | undefined {
  const byCommune = new Map<string, string>();
  let shared = false;
  for (const [province, encoded] of Object.entries(table)) {
    eachCode(encoded, (code) => {
      if (byCommune.has(code)) shared = true;
      byCommune.set(code, province);
    });
  }
  return shared ? undefined : byCommune;
}

/**
 * Every submission with an address asks whether its commune belongs to its province: one Map
 * read answers it, commune codes being unique in the country (3,321 codes decoded on the first
 * question, about a millisecond, once per process). Should a table list a code under two
 * provinces, each province's codes are kept apart instead.
 */
export function communeMembership(table: CommuneCodeTable): CommuneMembership {
  const provinces = new Set(Object.keys(table));
  let byCommune: Map<string, string> | undefined;
  let byProvince: Map<string, Set<string>> | undefined;
  const decodeTable = () => {
    byCommune = provinceByCommune(table);
    if (byCommune !== undefined) return;
    byProvince = new Map();
    for (const [province, encoded] of Object.entries(table)) {
      const codes = new Set<string>();
      eachCode(encoded, (code) => codes.add(code));
      byProvince.set(province, codes);
    }
  };
  return {
    hasProvince: (province) => provinces.has(province),
    contains(province, commune) {
      if (byCommune === undefined && byProvince === undefined) decodeTable();
      return byCommune !== undefined ? byCommune.get(commune) === province : byProvince!.get(province)?.has(commune) === true;
    },
  };
}

/** Names of administrative units by code, for text that shows an address (papers, receipts). */
export interface PlaceNames {
  province(code: string): string | undefined;
  /** Commune codes are unique in the country: the code alone names the commune. */
  commune(code: string): string | undefined;
}

export function placeNames(provinces: ProvinceOptions | undefined, lists: readonly ProvinceCommunes[]): PlaceNames {
  const provinceNames = new Map((provinces?.provinces ?? []).map((p) => [p.code, p.name.vi]));
  const communeNames = new Map(lists.flatMap((l) => l.communes.map((c) => [c.code, c.name] as const)));
  return { province: (code) => provinceNames.get(code), commune: (code) => communeNames.get(code) };
}
