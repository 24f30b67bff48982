import { diagnostic, type Diagnostic, type LocalizedText } from '../diagnostics/diagnostic.js';
import type { ParsedSource } from '../source/parse.js';
import type { CatalogueFiles } from './catalogue.js';

/**
 * Facts a source does not state are kept as `unknown` (DESIGN: unknown is a value, never a
 * default). Each one is a warning, so `thutuc validate` counts what is still to be found out;
 * a fact marked unknown that also carries a value is an error, because readers would not know
 * which one to believe.
 */

const WHAT = {
  time: { vi: 'thời hạn giải quyết', en: 'the processing time' },
  timeUnit: { vi: 'đơn vị của thời hạn giải quyết', en: 'the unit of the processing time' },
  fee: { vi: 'mức phí, lệ phí', en: 'the fee amount' },
  feeType: { vi: 'loại khoản thu (phí hay lệ phí)', en: 'whether it is a fee or a charge' },
  effectiveDate: { vi: 'ngày áp dụng', en: 'the effective date' },
} satisfies Record<string, LocalizedText>;

export type UnknownFact = keyof typeof WHAT;

function quoted(raw: string | undefined): LocalizedText {
  return raw ? { vi: ` (nguồn ghi: "${raw.slice(0, 80)}")`, en: ` (the source says: "${raw.slice(0, 80)}")` } : { vi: '', en: '' };
}

function warn(out: Diagnostic[], source: ParsedSource, pointer: string, what: UnknownFact, raw: string | undefined): void {
  out.push(diagnostic('TT3040', source.locate(pointer), { what: WHAT[what], raw: quoted(raw) }));
}

interface FactAt {
  fact: UnknownFact;
  pointer: string;
  raw: string | undefined;
}

type Procedure = CatalogueFiles['procedures'][number]['value'];

/** Every fact of a procedure that its sources do not state, with where it is and what the source says. */
export function unknownFacts(p: Procedure): FactAt[] {
  const out: FactAt[] = [];
  if (typeof p.effectiveDate === 'object') out.push({ fact: 'effectiveDate', pointer: '/effectiveDate', raw: (p.effectiveDate as { raw?: string }).raw });
  p.channels.forEach((channel, i) => {
    const time = channel.processingTime;
    const at = `/channels/${i}/processingTime`;
    if (time.unknown) out.push({ fact: 'time', pointer: at, raw: time.raw });
    else if (time.unit === 'unknown') out.push({ fact: 'timeUnit', pointer: `${at}/unit`, raw: time.raw });
    channel.fees.forEach((fee, j) => {
      if (fee.kind === 'unknown') out.push({ fact: 'fee', pointer: `/channels/${i}/fees/${j}/kind`, raw: fee.raw });
      if (fee.type === 'unknown') out.push({ fact: 'feeType', pointer: `/channels/${i}/fees/${j}/type`, raw: fee.raw });
    });
  });
  return out;
}

export function checkUnknowns(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { value: p, source } of files.procedures) {
    for (const f of unknownFacts(p)) out.push(diagnostic('TT3040', source.locate(f.pointer), { what: WHAT[f.fact], raw: quoted(f.raw) }));
    p.channels.forEach((channel, i) => {
      const time = channel.processingTime;
      const at = `/channels/${i}/processingTime`;
      if (time.unknown) {
        for (const property of ['value', 'unit', 'sameDayCutoff', 'extensions'] as const) {
          if (time[property] !== undefined) out.push(diagnostic('TT3041', source.locate(`${at}/${property}`, { key: true }), { what: { vi: 'Thời hạn', en: 'The time limit' }, property }));
        }
      }
      channel.fees.forEach((fee, j) => {
        if (fee.kind !== 'unknown') return;
        for (const property of ['amount', 'tiers', 'cap'] as const) {
          if (fee[property] !== undefined) out.push(diagnostic('TT3041', source.locate(`/channels/${i}/fees/${j}/${property}`, { key: true }), { what: { vi: 'Mức thu', en: 'The amount' }, property }));
        }
      });
    });
  }
  return out;
}

export interface UnknownSummary {
  /** Facts not stated, over the whole catalogue. */
  total: number;
  /** Procedures with at least one. */
  procedures: number;
  byFact: Record<UnknownFact, number>;
  /** `12 thông tin chưa có trong 9 thủ tục (thời hạn giải quyết: 2, …)`; empty when there are none. */
  text: LocalizedText;
}

/** Counts what the catalogue does not know, for `thutuc validate`'s last line. */
export function summarizeUnknowns(procedures: readonly Procedure[]): UnknownSummary {
  const byFact = Object.fromEntries(Object.keys(WHAT).map((k) => [k, 0])) as Record<UnknownFact, number>;
  let total = 0;
  let with_ = 0;
  for (const p of procedures) {
    const facts = unknownFacts(p);
    if (facts.length) with_++;
    for (const f of facts) byFact[f.fact]++;
    total += facts.length;
  }
  const parts = (Object.keys(WHAT) as UnknownFact[]).filter((k) => byFact[k] > 0);
  const text = total === 0
    ? { vi: '', en: '' }
    : {
        vi: `${total} thông tin chưa có trong ${with_} thủ tục (${parts.map((k) => `${WHAT[k].vi}: ${byFact[k]}`).join('; ')}).`,
        en: `${total} fact(s) not stated in ${with_} procedure(s) (${parts.map((k) => `${WHAT[k].en}: ${byFact[k]}`).join('; ')}).`,
      };
  return { total, procedures: with_, byFact, text };
}
