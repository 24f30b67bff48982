import type { LocalizedText } from '@thutuc/runtime';
import { OUTCOMES, type DossierOutcome, type Outcome } from './outcome.js';

/** The submission channels of the national catalogue, in the order reports list them. */
export const CHANNELS = ['online', 'post', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The figures kept for every group (the agency, a procedure, a field, an online level). */
export interface Figures extends Record<Outcome, number> {
  /** Dossiers submitted in the period. */
  received: number;
  channels: Record<Channel, number>;
  /** Online dossiers as a percentage of those received (two decimals); null when none were received. */
  onlineSharePercent: number | null;
  /** Mean working days from receipt to result over the finished dossiers (one decimal); null when none finished. */
  averageWorkingDays: number | null;
  /** Supplement requests made on these dossiers by the end of the period. */
  supplementsRequested: number;
}

/** Running totals for one group; `figures()` rounds them once at the end. */
export class FigureTally {
  private received = 0;
  private readonly channels: Record<Channel, number> = { online: 0, post: 0, in_person: 0 };
  private readonly outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  private workingDays = 0;
  private finished = 0;
  private supplements = 0;

  add(channel: string, o: DossierOutcome): void {
    this.received++;
    if ((CHANNELS as readonly string[]).includes(channel)) this.channels[channel as Channel]++;
    this.outcomes[o.outcome]++;
    this.supplements += o.supplementsRequested;
    if (o.workingDays !== undefined) {
      this.workingDays += o.workingDays;
      this.finished++;
    }
  }

  figures(): Figures {
    return {
      received: this.received,
      channels: { ...this.channels },
      onlineSharePercent: this.received ? round((100 * this.channels.online) / this.received, 2) : null,
      ...this.outcomes,
      averageWorkingDays: this.finished ? round(this.workingDays / this.finished, 1) : null,
      supplementsRequested: this.supplements,
    };
  }
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Labels of the online service levels (Decree 42/2022), as the public list words them. */
export const ONLINE_LEVEL_LABELS: Record<'full' | 'partial' | 'none', LocalizedText> = {
  full: { vi: 'Toàn trình (≈ mức 4)', en: 'Full online (≈ level 4)' },
  partial: { vi: 'Một phần (≈ mức 3)', en: 'Partly online (≈ level 3)' },
  none: { vi: 'Chưa trực tuyến', en: 'Not online' },
};
