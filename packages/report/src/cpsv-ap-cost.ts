import type { Text } from '@thutuc/core';
import type { Channel, Fee, Procedure } from '@thutuc/runtime/model';
import { channelFees, type ReportFee } from './fees.js';

/** The EU Publications Office currency table, which CPSV-AP names for cv:currency. */
const CURRENCY = 'http://publications.europa.eu/resource/authority/currency/';

type Node = Record<string, unknown>;
export type LangString = { '@value': string; '@language': 'vi' | 'en' };

/** A text in both languages; English only when the catalogue has it. */
export function texts(text: Text): LangString[] {
  const out: LangString[] = [{ '@value': text.vi, '@language': 'vi' }];
  if (text.en) out.push({ '@value': text.en, '@language': 'en' });
  return out;
}

const UNKNOWN_AMOUNT: Text = {
  vi: 'Mức thu chưa xác định trong danh mục (không phải miễn phí).',
  en: 'The amount is not known to the catalogue (this does not mean free).',
};

const CONDITIONAL: Text = {
  vi: 'Chỉ thu trong một số trường hợp, tùy thông tin người nộp khai.',
  en: 'Charged only in some cases, depending on what the applicant declares.',
};

/**
 * The amount a fee line states for one payment, or undefined when the catalogue does not know
 * it (local, tiered, unknown): an unknown amount must never read as 0, i.e. free.
 */
function knownAmount(fee: Fee): number | undefined {
  if (fee.kind === 'exempt') return 0;
  if (fee.kind === 'fixed' || fee.kind === 'per_unit') return fee.amount;
  return undefined;
}

/**
 * What CPSV-AP 3.x can say of a cost beyond its value: only `dct:description`. So the
 * conditions are worded there, as the public list words them — how much (per unit, by tier,
 * capped, set by the province), whether it depends on the answers, each exemption or
 * reduction with its reason and period — after the fee's label, which leads (a cost has no
 * name of its own).
 */
function costDescription(fee: Fee, line: ReportFee): Text[] {
  const notes: Text[] = [fee.label, { vi: `Mức thu: ${line.price.vi}`, en: `Amount: ${line.price.en}` }];
  if (knownAmount(fee) === undefined) notes.push(UNKNOWN_AMOUNT);
  if (line.detail) notes.push(line.detail);
  if (line.conditional) notes.push(CONDITIONAL);
  if (line.reason ?? fee.reason) notes.push(line.reason ?? fee.reason!);
  for (const e of line.exemptions) {
    const reduced = e.reduced ? { vi: ` (thu ${e.reduced.vi})`, en: ` (${e.reduced.en} charged)` } : { vi: '', en: '' };
    const period = e.period ? { vi: `, ${e.period.vi}`, en: `, ${e.period.en}` } : { vi: '', en: '' };
    notes.push({
      vi: `${e.reduced ? 'Giảm' : 'Miễn'}${reduced.vi}${period.vi}: ${e.reason.vi}`,
      en: `${e.reduced ? 'Reduced' : 'Exempt'}${reduced.en}${period.en}: ${e.reason.en ?? e.reason.vi}`,
    });
  }
  if (fee.note) notes.push(fee.note);
  return notes;
}

/** The channel's fee lines as `cv:Cost`s, each tied to the channel it is paid through. */
export function costsOf(procedure: Procedure, channel: Channel, channelId: string): Node[] {
  const lines = new Map(channelFees(procedure, channel).map((l) => [l.id, l]));
  return channel.fees.map((fee) => {
    const amount = knownAmount(fee);
    return {
      '@id': `${channelId}/cost/${fee.id}`,
      '@type': 'cv:Cost',
      'dct:identifier': fee.id,
      // CPSV-AP 3.1/3.2: cv:hasValue, an xsd:double.
      ...(amount === undefined ? {} : { 'cv:hasValue': { '@value': String(amount), '@type': 'xsd:double' }, 'cv:currency': { '@id': CURRENCY + (fee.currency ?? 'VND') } }),
      'dct:description': costDescription(fee, lines.get(fee.id)!).flatMap(texts),
      'cv:ifAccessedThrough': { '@id': channelId },
    };
  });
}
