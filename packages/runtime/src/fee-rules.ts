import type { Fee } from './generated/model.js';

/** Arithmetic of fee lines, apart from the engine so each rule can be read and tested alone. */

export interface FeeBand {
  from: number;
  to: number;
  units: number;
  unitAmount: number;
  amount: number;
}

export interface TieredAmount {
  /** The charge for one application of the tiers, after the cap. */
  amount: number;
  /** Before the cap. */
  uncapped: number;
  capped: boolean;
  bands: FeeBand[];
}

/**
 * A quantity from a compiled expression as a count of units: a missing field, NaN, a
 * negative or a fractional value counts as 0, so a half-filled form never shows NaN đ.
 */
export function unitCount(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * Prices `units` through the tiers (each band charges its own unit price for the units
 * that fall in it), then applies the cap. Chứng thực bản sao: pages 1–2 at 2,000 đ, from
 * page 3 at 1,000 đ, at most 200,000 đ per copy → 5 pages = 7,000 đ; 300 pages = 200,000 đ.
 */
export function tieredAmount(units: number, tiers: NonNullable<Fee['tiers']>, cap?: number): TieredAmount {
  const bands: FeeBand[] = [];
  let uncapped = 0;
  for (const tier of tiers) {
    const last = Math.min(units, tier.to ?? units);
    const inBand = last - tier.from + 1;
    if (inBand <= 0) continue;
    const amount = inBand * tier.amount;
    bands.push({ from: tier.from, to: last, units: inBand, unitAmount: tier.amount, amount });
    uncapped += amount;
  }
  const capped = cap !== undefined && uncapped > cap;
  return { amount: capped ? cap : uncapped, uncapped, capped, bands };
}
