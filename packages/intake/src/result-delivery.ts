import type { DossierStatus } from './lifecycle-statuses.js';
import type { ReasonCode } from './http/reasons.js';

/**
 * How the result reaches the applicant (Decree 118/2025: at the desk, by public post, or
 * electronically), as plain rules: which delivery an officer may record for a dossier, and
 * what the public lookup says about it. The applicant's choice on the form is binding; a
 * procedure's declared options bound it when the applicant chose nothing.
 */

export const DELIVERY_METHODS = ['online', 'post', 'in_person'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface DeliveryRecord {
  method: DeliveryMethod;
  carrier?: string;
  tracking?: string;
  place?: string;
  /** Vietnam time, ISO (`2026-12-01T09:00:00+07:00`). */
  appointment?: string;
}

export interface DeliveryFacts {
  /** The procedure's declared delivery options (`delivery:` in the catalogue). */
  offered: readonly string[] | undefined;
  /** What the applicant chose on the form, if anything. */
  chosen: string | undefined;
  /** An electronic result has been uploaded. */
  hasResult: boolean;
}

/** Why the delivery cannot be recorded as given, or undefined when it can. */
export function deliveryRefusal(input: DeliveryRecord, facts: DeliveryFacts): ReasonCode | undefined {
  if (facts.chosen ? input.method !== facts.chosen : facts.offered && !facts.offered.includes(input.method)) return 'delivery-method';
  if (input.method === 'post' && !(input.carrier?.trim() && input.tracking?.trim())) return 'delivery-incomplete';
  if (input.method === 'in_person' && !(input.place?.trim() && input.appointment)) return 'delivery-incomplete';
  if (input.method === 'online' && !facts.hasResult) return 'result-missing';
  return undefined;
}

/** Why the dossier may not be marked as returned (status 10) yet, or undefined when it may. */
export function returnRefusal(recorded: DeliveryRecord | undefined, facts: DeliveryFacts): ReasonCode | undefined {
  if (!recorded) return 'delivery-missing';
  const refusal = deliveryRefusal(recorded, facts);
  return refusal === 'delivery-method' ? 'delivery-missing' : refusal;
}

/** What the public lookup shows of the result's delivery. */
export interface ResultAnswer {
  method: DeliveryMethod | null;
  /** The result is signed off and its delivery recorded. */
  ready: boolean;
  carrier?: string;
  tracking?: string;
  place?: string;
  appointment?: string;
  /** The applicant can download the electronic result now (POST /api/result). */
  downloadable: boolean;
}

const FINISHED: readonly DossierStatus[] = ['processed', 'returned'];

/** The lookup's `result`, or null when nothing about a result can be said yet. */
export function resultAnswer(status: DossierStatus, recorded: DeliveryRecord | undefined, facts: DeliveryFacts): ResultAnswer | null {
  const chosen = DELIVERY_METHODS.find((m) => m === facts.chosen);
  const method = recorded?.method ?? chosen ?? null;
  if (!method && !FINISHED.includes(status)) return null;
  const ready = FINISHED.includes(status) && !!recorded;
  const shown = ready && recorded ? recorded : undefined;
  return {
    method,
    ready,
    ...(shown?.carrier ? { carrier: shown.carrier } : {}),
    ...(shown?.tracking ? { tracking: shown.tracking } : {}),
    ...(shown?.place ? { place: shown.place } : {}),
    ...(shown?.appointment ? { appointment: shown.appointment } : {}),
    downloadable: ready && method === 'online' && facts.hasResult,
  };
}
