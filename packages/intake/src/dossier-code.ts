import { todayInVietnam } from '@thutuc/runtime';

/**
 * Dossier codes (mã hồ sơ) as Circular 03/2025/TT-VPCP Art. 13 writes them:
 * `<agency identifier>-<yymmdd>-<daily sequence of at least 4 digits>`, e.g.
 * `000.00.01.H38-260424-0001`: one sequence per agency per Vietnam day. The store that
 * hands out sequence numbers is injected (a database sequence in production); this module
 * makes sure that concurrent calls in one process never share a code, even with a store
 * whose `next` is not atomic.
 */

export interface SequenceStore {
  /** The next number (≥ 1) of the sequence named `key`. */
  next(key: string): number | Promise<number>;
}

/** Counters in memory: for tests and single-process tools. */
export class MemorySequenceStore implements SequenceStore {
  private readonly counters = new Map<string, number>();
  next(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }
}

export interface DossierCodeOptions {
  store?: SequenceStore;
  /** Digits of the zero-padded sequence (default 4); longer numbers are kept whole. */
  width?: number;
  /** Tokens: {agency} {yyyy} {yy} {mm} {dd} {seq}. Default `{agency}-{yy}{mm}{dd}-{seq}`. */
  pattern?: string;
}

export type DossierCodeGenerator = (agencyCode: string, at?: Date) => Promise<string>;

/** The agency identifier is opaque: digits, capitals and dots (e.g. `000.00.01.H38`). */
const AGENCY = /^[A-Za-z0-9.]{1,35}$/;
const PLAUSIBLE = /^[A-Z0-9.\-/]{6,60}$/;
export const DEFAULT_CODE_PATTERN = '{agency}-{yy}{mm}{dd}-{seq}';
export const DEFAULT_SEQUENCE_WIDTH = 4;

/** Whether `pattern` names the agency, the day and the sequence (so codes stay unique). */
export function isUsableCodePattern(pattern: string): boolean {
  return pattern.includes('{agency}') && pattern.includes('{seq}') && pattern.includes('{dd}') && pattern.includes('{mm}') && (pattern.includes('{yy}') || pattern.includes('{yyyy}'));
}

/** The code for the `n`th dossier of `agency` on Vietnam day `day` (`YYYY-MM-DD`). */
export function formatDossierCode(agency: string, day: string, n: number, options: { pattern?: string; width?: number } = {}): string {
  const parts: Record<string, string> = {
    agency: agency.toUpperCase(), yyyy: day.slice(0, 4), yy: day.slice(2, 4), mm: day.slice(5, 7), dd: day.slice(8, 10),
    seq: String(n).padStart(options.width ?? DEFAULT_SEQUENCE_WIDTH, '0'),
  };
  return (options.pattern ?? DEFAULT_CODE_PATTERN).replace(/\{(agency|yyyy|yy|mm|dd|seq)\}/g, (_, t: string) => parts[t]!);
}
/** Times the store may hand back an already-issued number before we give up. */
const RETRIES = 100;

/** Creates a generator; keep one per process (per store) so its bookkeeping sees every call. */
export function createDossierCodeGenerator(options: DossierCodeOptions = {}): DossierCodeGenerator {
  const store = options.store ?? new MemorySequenceStore();
  const format = { width: options.width ?? DEFAULT_SEQUENCE_WIDTH, pattern: options.pattern ?? DEFAULT_CODE_PATTERN };
  /** Per key: the tail of the queue of calls, so one call at a time asks the store. */
  const queues = new Map<string, Promise<unknown>>();
  /** Per key: the numbers issued by this process. */
  const issued = new Map<string, Set<number>>();

  const take = async (key: string): Promise<number> => {
    const seen = issued.get(key) ?? new Set<number>();
    issued.set(key, seen);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const n = await store.next(key);
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Số thứ tự không hợp lệ / invalid sequence number from the store: ${n}`);
      if (!seen.has(n)) {
        seen.add(n);
        return n;
      }
    }
    throw new Error(`Kho số thứ tự trả về số đã cấp / the sequence store keeps returning issued numbers for ${key}`);
  };

  return async (agencyCode, at = new Date()) => {
    if (!AGENCY.test(agencyCode)) throw new RangeError(`Mã cơ quan không hợp lệ / invalid agency code: ${agencyCode}`);
    const day = todayInVietnam(at);
    const agency = agencyCode.toUpperCase();
    const key = `${agency}|${day}`;
    const run = (queues.get(key) ?? Promise.resolve()).then(() => take(key));
    const tail = run.catch(() => undefined);
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return formatDossierCode(agency, day, await run, format);
  };
}

/**
 * Whether a string could be a dossier code from any system (ours, iGate, BHXH's
 * `03706/2026/07906` …): codes are opaque, so only the alphabet and length are checked.
 */
export function isPlausibleDossierCode(code: unknown): code is string {
  return typeof code === 'string' && PLAUSIBLE.test(code);
}
