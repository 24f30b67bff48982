/**
 * Finding a commune by what people type: with or without diacritics ("phuong ba dinh" finds
 * "Phường Ba Đình"), with or without its kind ("ba dinh"), by the start of any word ("b dinh").
 */

export interface CommuneName {
  code: string;
  /** Full name with its kind: "Phường Ba Đình", "Xã Cư M'gar", "Đặc khu Phú Quốc". */
  name: string;
}

const KINDS = /^(xa|phuong|dac khu|thi tran) /;

/**
 * Lower case without diacritics; đ becomes d (NFD does not split it); apostrophes vanish so that
 * "M'gar" and "mgar" meet; other punctuation separates words.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface CommuneIndexEntry<T> {
  item: T;
  full: string;
  bare: string;
  words: string[];
}

/** Folds every name once; search runs on each key press. */
export function indexCommunes<T extends CommuneName>(communes: readonly T[]): CommuneIndexEntry<T>[] {
  return communes.map((item) => {
    const full = foldVietnamese(item.name);
    const bare = full.replace(KINDS, '');
    return { item, full, bare, words: full.split(' ') };
  });
}

/** 0 best; undefined when the name does not match. */
function rank(entry: CommuneIndexEntry<unknown>, query: string, tokens: string[]): number | undefined {
  if (entry.bare.startsWith(query)) return 0;
  if (entry.full.startsWith(query)) return 1;
  if (tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) return 2;
  if (entry.full.includes(query)) return 3;
  return undefined;
}

/**
 * The communes matching `query`, best first: the name (without its kind) starting with the
 * query, then the full name, then every typed word starting a word of the name, then anywhere.
 * Ties go to the shorter name, then alphabetical order. An empty query lists every commune
 * alphabetically.
 */
export function searchCommunes<T extends CommuneName>(index: readonly CommuneIndexEntry<T>[], query: string): T[] {
  const folded = foldVietnamese(query);
  const tokens = folded.split(' ').filter(Boolean);
  const hits: { entry: CommuneIndexEntry<T>; rank: number }[] = [];
  for (const entry of index) {
    const r = folded ? rank(entry, folded, tokens) : 0;
    if (r !== undefined) hits.push({ entry, rank: r });
  }
  const byLength = folded ? (a: CommuneIndexEntry<T>, b: CommuneIndexEntry<T>) => a.bare.length - b.bare.length : () => 0;
  hits.sort((a, b) => a.rank - b.rank || byLength(a.entry, b.entry) || (a.entry.bare < b.entry.bare ? -1 : a.entry.bare > b.entry.bare ? 1 : 0));
  return hits.map((h) => h.entry.item);
}
