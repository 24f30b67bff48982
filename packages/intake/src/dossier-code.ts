import { todayInVietnam } from '@thutuc/runtime';

/**
 * Dossier codes (mã hồ sơ) in the one-stop systems' form `<agency>-<yyyymmdd>-<sequence>`,
 * e.g. `G09.20-20260609-0092637`: one sequence per agency per Vietnam day. The store that
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
  /** Digits of the zero-padded sequence (default 7); longer numbers are kept whole. */
  width?: number;
  /** Tokens: {agency} {yyyy} {yy} {mm} {dd} {seq}. Default `{agency}-{yyyy}{mm}{dd}-{seq}`. */
  pattern?: string;
}

export type DossierCodeGenerator = (agencyCode: string, at?: Date) => Promise<string>;

const AGENCY = /^[A-Za-z0-9.]{1,30}$/;
const PLAUSIBLE = /^[A-Z0-9.\-/]{6,40}$/;
/** Times the store may hand back an already-issued number before we give up. */
const RETRIES = 100;

/** Creates a generator; keep one per process (per store) so its bookkeeping sees every call. */
export function createDossierCodeGenerator(options: DossierCodeOptions = {}): DossierCodeGenerator {
  const store = options.store ?? new MemorySequenceStore();
  const width = options.width ?? 7;
  const pattern = options.pattern ?? '{agency}-{yyyy}{mm}{dd}-{seq}';
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
    const n = await run;
    const parts: Record<string, string> = {
      agency, yyyy: day.slice(0, 4), yy: day.slice(2, 4), mm: day.slice(5, 7), dd: day.slice(8, 10), seq: String(n).padStart(width, '0'),
    };
    return pattern.replace(/\{(agency|yyyy|yy|mm|dd|seq)\}/g, (_, t: string) => parts[t]!);
  };
}

/**
 * Whether a string could be a dossier code from any system (ours, iGate, BHXH's
 * `03706/2026/07906` …): codes are opaque, so only the alphabet and length are checked.
 */
export function isPlausibleDossierCode(code: unknown): code is string {
  return typeof code === 'string' && PLAUSIBLE.test(code);
}
