import { distance } from 'fastest-levenshtein';
import type { LocalizedText } from './diagnostics/diagnostic.js';

/**
 * The closest candidate to a misspelt name, when it is close enough to be a likely typo
 * (at most a third of the name's length in edits). Used for "did you mean" hints.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A " Did you mean `x`?" hint in both languages, or empty text when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): LocalizedText {
  const match = closest(name, candidates);
  return match
    ? { vi: ` Có phải ý bạn là \`${match}\`?`, en: ` Did you mean \`${match}\`?` }
    : { vi: '', en: '' };
}
