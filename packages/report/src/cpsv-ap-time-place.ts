import type { Text } from '@thutuc/core';
import { knownTime, processingTimeText } from '@thutuc/runtime';
import type { AgencyRegistry, ProcessingTime } from '@thutuc/runtime/model';
import { durationOf } from './rows.js';

export type Agency = AgencyRegistry['agencies'][number];

/** Viet Nam in the EU Publications Office country table, as the `dct:Location` CPSV-AP's `dct:spatial` points at. */
export const VIET_NAM = { '@id': 'http://publications.europa.eu/resource/authority/country/VNM', '@type': 'dct:Location' } as const;

/** Units with an exact xsd:duration. */
const CALENDAR: Partial<Record<string, (n: number) => string>> = {
  day: (n) => `P${n}D`,
  month: (n) => `P${n}M`,
  year: (n) => `P${n}Y`,
};

/**
 * A channel's time limit for CPSV-AP: `cv:processingTime` is an xsd:duration, which only
 * calendar units have. A limit in working days or working hours depends on weekends and
 * holidays — "P5D" would promise less time than the law gives — so it is said in words
 * only, as is a limit the source does not state (never turned into a number).
 */
export function processingTimeOf(time: ProcessingTime): { duration?: string; text: Text } {
  const known = knownTime(time);
  const words = known ? durationOf(known.value, known.unit) : processingTimeText(time);
  const text = { vi: `Thời hạn giải quyết: ${words.vi}`, en: `Processing time: ${words.en}` };
  const duration = known && CALENDAR[known.unit]?.(known.value);
  return duration ? { duration, text } : { text };
}

/**
 * The administrative area an agency serves, when one place can be named: a central or
 * ministry-level body serves the whole country. A generic entry ("every commune People's
 * Committee", "each mission abroad") stands for many bodies with one area each, and the
 * registry does not say which province a named local body belongs to: no area is claimed.
 */
export function spatialOf(agency: Agency): typeof VIET_NAM | undefined {
  return !agency.generic && (agency.level === 'central' || agency.level === 'ministry') ? VIET_NAM : undefined;
}
