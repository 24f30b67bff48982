import type { Procedure, Text } from '@thutuc/core';
import { TEXT_MAX, clip } from './text.js';

/** A YAML comment written above the key at `path` (property names and list positions). */
export interface DraftComment {
  path: (string | number)[];
  text: string;
}

/** One converted record: the procedure, what a person must check, and comments for the file. */
export interface Draft {
  procedure: Procedure;
  gaps: Text[];
  comments: DraftComment[];
}

/**
 * Collects the `gaps:` entries and YAML comments while a record is mapped. A gap is
 * written once per procedure even when several channels or documents raise it.
 */
export class DraftNotes {
  readonly gaps: Text[] = [];
  readonly comments: DraftComment[] = [];
  private readonly seen = new Set<string>();

  gap(vi: string, en: string): void {
    const key = `${vi}\u0000${en}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.gaps.push({ vi: clip(vi, TEXT_MAX), en: clip(en, TEXT_MAX) });
  }

  /** A gap whose Vietnamese side quotes portal wording: split over several entries if long. */
  gapList(vi: string, en: string, items: readonly string[]): void {
    if (!items.length) return;
    let current = vi;
    let part = 1;
    const flush = () => {
      this.gap(current, part === 1 ? en : `${en} (part ${part})`);
      part++;
    };
    for (const item of items) {
      const line = `\n• ${clip(item, TEXT_MAX - 200)}`;
      if (current.length + line.length > TEXT_MAX) {
        flush();
        current = `${vi} (tiếp)`;
      }
      current += line;
    }
    flush();
  }

  comment(path: (string | number)[], text: string): void {
    this.comments.push({ path, text });
  }
}
