import { addDays } from './calendar.js';
import type { Procedure } from './generated/model.js';
import { knownDate } from './unknowns.js';

/**
 * Which version of a procedure applies on a date. Versions are periods: each starts on its
 * effective date and ends on its own end date (the first day it no longer applies) or when the
 * next version starts. The catalogue checks that periods never overlap.
 */
export interface VersionPeriod {
  version: string;
  effectiveDate: string;
  endDate?: string;
}

/**
 * A procedure version as a period. A version whose effective date the source does not state
 * counts as in force from the start of time: it is what the catalogue has, and putting it
 * nowhere would hide the procedure altogether (TT3019 cannot order it; the gap stays recorded).
 */
export function versionPeriod(p: Pick<Procedure, 'version' | 'effectiveDate' | 'endDate'>): VersionPeriod {
  return { version: p.version, effectiveDate: knownDate(p.effectiveDate) ?? SINCE_ALWAYS, ...(p.endDate ? { endDate: p.endDate } : {}) };
}

export const SINCE_ALWAYS = '0000-01-01';

function byDate<T extends VersionPeriod>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

/** The version in force on `date` (`YYYY-MM-DD`), or undefined before the first or after an end. */
export function versionInForce<T extends VersionPeriod>(versions: readonly T[], date: string): T | undefined {
  const day = date.slice(0, 10);
  const started = byDate(versions).filter((v) => v.effectiveDate <= day);
  const current = started.at(-1);
  if (!current || (current.endDate && current.endDate <= day)) return undefined;
  return current;
}

/** The date a version stops applying: its end date, else the next version's effective date. */
export function versionEnd(versions: readonly VersionPeriod[], version: string): string | undefined {
  const sorted = byDate(versions);
  const i = sorted.findIndex((v) => v.version === version);
  if (i < 0) return undefined;
  return sorted[i]!.endDate ?? sorted[i + 1]?.effectiveDate;
}

/** What a form or server should use on `date`: the version in force, else the first one to come. */
export function versionFor<T extends VersionPeriod>(versions: readonly T[], date: string): T | undefined {
  return versionInForce(versions, date) ?? byDate(versions).find((v) => v.effectiveDate > date.slice(0, 10)) ?? byDate(versions).at(-1);
}

export type VersionAcceptance =
  | { accepted: true; version: string; reason: 'in-force' | 'grace' }
  | { accepted: false; version: string; inForce?: string; reason: 'superseded' | 'unknown-version' | 'not-yet-in-force' };

/**
 * Whether a submission made against `version` is still accepted on `today`: yes while that
 * version is in force, and for `graceDays` calendar days after it stopped applying when the
 * applicant started before the change (`startedOn`), so a draft begun under the old rules can
 * be finished. Otherwise the applicant moves to the version in force (migrateDraft).
 */
export function acceptVersion(versions: readonly VersionPeriod[], version: string, today: string, options: { startedOn?: string; graceDays?: number } = {}): VersionAcceptance {
  const inForce = versionInForce(versions, today);
  const known = versions.find((v) => v.version === version);
  if (!known) return { accepted: false, version, ...(inForce ? { inForce: inForce.version } : {}), reason: 'unknown-version' };
  if (inForce?.version === version) return { accepted: true, version, reason: 'in-force' };
  if (known.effectiveDate > today.slice(0, 10)) return { accepted: false, version, ...(inForce ? { inForce: inForce.version } : {}), reason: 'not-yet-in-force' };
  const end = versionEnd(versions, version);
  const started = options.startedOn?.slice(0, 10);
  if (end && started && started < end && options.graceDays && today.slice(0, 10) < addDays(end, options.graceDays)) return { accepted: true, version, reason: 'grace' };
  return { accepted: false, version, ...(inForce ? { inForce: inForce.version } : {}), reason: 'superseded' };
}
