/**
 * Which commune codes belong to which province, in a form small enough to ship with every
 * compiled validator that has an address field: per province, the gaps between its sorted
 * 5-digit codes in base 36 ("4,4,h,…"). About 2 KB gzip for the whole country, against ~45 KB
 * for the names, which the address picker loads one province at a time.
 */

/** `communes/<province>.json` of a built catalogue: the names pickers, papers and receipts show. */
export interface ProvinceCommunes {
  province: string;
  /** The date the list applies from. */
  effectiveDate: string;
  communes: { code: string; name: string }[];
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
        return gap.toString(36);
      })
      .join(',');
  }
  return out;
}

function decode(encoded: string): Set<string> {
  const codes = new Set<string>();
  let code = 0;
  for (const gap of encoded.split(',')) {
    code += parseInt(gap, 36);
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
