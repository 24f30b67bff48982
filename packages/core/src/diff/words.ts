import type { LocalizedText } from '@thutuc/runtime';
import type { Channel, Text } from '@thutuc/runtime/model';

/** Catalogue text in both languages; English falls back to the Vietnamese. */
export function both(text: Text | undefined): LocalizedText {
  return { vi: text?.vi ?? '', en: text?.en ?? text?.vi ?? '' };
}

export const CHANNEL_NAMES: Record<Channel['channel'], LocalizedText> = {
  online: { vi: 'trực tuyến', en: 'online' },
  post: { vi: 'qua bưu chính', en: 'by post' },
  in_person: { vi: 'trực tiếp', en: 'in person' },
};

/** Builds a message from a template applied to each language. */
export function say(make: (lang: 'vi' | 'en') => string): LocalizedText {
  return { vi: make('vi'), en: make('en') };
}

/** Same value in both languages (numbers, codes, expressions). */
export function same(value: string): LocalizedText {
  return { vi: value, en: value };
}

/** Stable comparison of plain data (catalogue values are JSON). */
export function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Items of two lists paired by id: kept, added, removed, in the newer list's order. */
export function pairById<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x, i) => [x.id, { item: x, index: i }]));
  const now = new Set(after.map((x) => x.id));
  return {
    kept: after.flatMap((x, i) => (old.has(x.id) ? [{ before: old.get(x.id)!.item, after: x, index: i, oldIndex: old.get(x.id)!.index }] : [])),
    added: after.flatMap((x, i) => (old.has(x.id) ? [] : [{ item: x, index: i }])),
    removed: before.flatMap((x, i) => (now.has(x.id) ? [] : [{ item: x, index: i }])),
  };
}
