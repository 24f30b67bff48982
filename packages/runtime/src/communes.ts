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

function decode(encoded: string): Set<string> {
  const codes = new Set<string>();
  let code = 0;
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === ESCAPE) {
      const end = encoded.indexOf(ESCAPE, i + 1);
      code += parseInt(encoded.slice(i + 1, end), 36);
      i = end;
    } else {
      code += encoded.charCodeAt(i) - FIRST;
    }
    codes.add(String(code).padStart(5, '0'));
  }
  return codes;
}

/** Decodes a province's codes on first use: a form validates one or two provinces, never 34. */
export function communeMembership(table: CommuneCodeTable): CommuneMembership {
  const decoded = new Map<string, Set<string>>();
  const codesOf = (province: string): Set<string> | undefined => {
    if (!Object.hasOwn(table, province)) return undefined;
    let codes = decoded.get(province);
    if (!codes) decoded.set(province, (codes = decode(table[province]!)));
    return codes;
  };
  return {
    hasProvince: (province) => Object.hasOwn(table, province),
    contains: (province, commune) => codesOf(province)?.has(commune) === true,
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
