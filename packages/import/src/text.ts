import type { Text } from '@thutuc/core';

/** Bidi marks, zero-width characters, soft hyphens and BOMs: the portal's text carries U+200E inside words. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The schema's limit for one bilingual text. */
export const TEXT_MAX = 4000;

export function bi(vi: string, en: string): Text {
  return { vi, en };
}

/**
 * Portal text as policy staff should read it: HTML reduced to lines, entities decoded,
 * invisible characters removed, NFC (the portal mixes decomposed and precomposed letters),
 * spaces collapsed and each line trimmed.
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  let s = String(value)
    .replace(/<\s*(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<\s*li\b[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  s = s.replace(INVISIBLE, '').replace(CONTROL, (c) => (c === '\t' ? ' ' : '')).normalize('NFC');
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \u00A0\u2000-\u200A\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A list item's leading bullet ("- ", "+ ", "* ") is layout, not part of the name. */
export function stripBullet(s: string): string {
  return s.replace(/^[-+*•]+\s*/, '').trim();
}

/** Strings the scraped data uses for "nothing here". */
export function isBlank(s: string): boolean {
  return s === '' || /^(không có thông tin|không có|không|null|undefined)\.?$/i.test(s);
}

/**
 * ASCII slug without Vietnamese diacritics. NFD separates the marks from the letters, but
 * đ/Đ is a letter of its own (no decomposition), so it is mapped by hand.
 */
export function slugify(s: string, max = 80): string {
  const slug = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > max / 2 ? cut.slice(0, end) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Shortens to at most `max` characters at a word boundary, marking the cut with "…". */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const end = cut.search(/\s\S*$/);
  return `${(end > max / 2 ? cut.slice(0, end) : cut).trimEnd()}…`;
}

/** Splits long text at line ends into parts that each fit `max`, so no wording is lost. */
export function splitText(s: string, max = TEXT_MAX): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of s.split('\n')) {
    const pieces = line.length > max ? line.match(new RegExp(`[^]{1,${max}}`, 'g'))! : [line];
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) {
        parts.push(current);
        current = piece;
      } else current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** The calendar date in Vietnam (UTC+7) of a portal timestamp in epoch milliseconds. */
export function vietnamDate(epochMs: unknown): string | undefined {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) return undefined;
  const d = new Date(epochMs + 7 * 3600_000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** Compares names loosely: case, diacritics, spacing and trailing punctuation do not matter. */
export function nameKey(s: string): string {
  return slugify(cleanText(s), 400);
}
