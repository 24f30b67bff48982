import type { Procedure } from './generated/model.js';
import { filled, todayInVietnam } from './helpers.js';
import type { Condition, ConditionContext, ValidateOptions, ValidationResult } from './submission.js';

/**
 * Liên thông: one submission of a bundle becomes one submission per member procedure. The
 * data entered once is mapped by the bundle's compiled mappings, the documents given once
 * are passed to every member that needs them, and channel, case and delivery follow the
 * bundle's where the member offers them.
 */
export interface BundleMember {
  id: string;
  version: string;
  module: { definition: Procedure; conditions: Readonly<Record<string, Condition>>; validate(payload: unknown, options?: ValidateOptions): ValidationResult };
  /** The member's case, when the bundle fixes one. */
  case: string | null;
  /** Member field ids that have a mapping (`member:<id>:<field>` in the bundle's conditions). */
  data: string[];
  /** Member document id → bundle document id. */
  documents: Record<string, string>;
}

export interface BundlePayload {
  case?: string;
  channel?: string;
  delivery?: string;
  data?: Record<string, unknown>;
  documents?: Record<string, unknown[]>;
}

export interface MemberSubmission {
  procedure: { id: string; version: string };
  payload: { case?: string; channel: string; delivery?: string; data: Record<string, unknown>; documents: Record<string, unknown[]> };
}

export function splitBundle(payload: BundlePayload, members: readonly BundleMember[], conditions: Readonly<Record<string, Condition>>, options: ValidateOptions = {}): MemberSubmission[] {
  const d = payload?.data ?? {};
  const ctx: ConditionContext = { channel: payload?.channel, case: payload?.case, delivery: payload?.delivery, today: options.today ?? todayInVietnam() };
  return members.map((member) => {
    const def = member.module.definition;
    const channels = def.channels.map((c) => c.channel);
    const channel = payload?.channel && channels.includes(payload.channel as (typeof channels)[number]) ? payload.channel : channels[0]!;
    const deliveries = def.delivery ?? [];
    const delivery = deliveries.includes(payload?.delivery as (typeof deliveries)[number]) ? payload.delivery : deliveries[0];
    const data: Record<string, unknown> = {};
    for (const field of member.data) {
      const value = conditions[`member:${member.id}:${field}`]?.(d, ctx);
      if (filled(value) && !(typeof value === 'number' && Number.isNaN(value))) data[field] = value;
    }
    const documents: Record<string, unknown[]> = {};
    for (const [memberDoc, bundleDoc] of Object.entries(member.documents)) {
      const files = payload?.documents?.[bundleDoc];
      if (Array.isArray(files) && files.length) documents[memberDoc] = files;
    }
    const caseId = member.case ?? (def.cases.length > 1 ? def.cases[0]!.id : undefined);
    return {
      procedure: { id: member.id, version: member.version },
      payload: { ...(caseId ? { case: caseId } : {}), channel, ...(delivery ? { delivery } : {}), data, documents },
    };
  });
}
