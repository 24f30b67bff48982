import type { Procedure } from './generated/model.js';
import type { BundleMember, MemberSubmission } from './bundle.js';
import { localFeeOverrides, type ProvinceFeeFile } from './fee-overrides.js';
import { computeFees, type FeeLine, type FeePayload } from './fees.js';
import type { Text } from './generated/model.js';
import type { Condition, ValidateOptions } from './submission.js';

/** What a compiled procedure module (or bundle) offers the fee rules. */
export interface FeeModule {
  id: string;
  definition: Procedure;
  conditions: Readonly<Record<string, Condition>>;
  members?: readonly BundleMember[];
  split?(payload: unknown, options?: ValidateOptions): MemberSubmission[];
}

export interface SubmissionFees {
  /** Each line; for a bundle charging its members, with the member procedure's title. */
  lines: (FeeLine & { member?: Text })[];
  /** Known amount by currency, over every line. */
  totals: Record<string, number>;
  /** False while a locally set amount is unknown. */
  complete: boolean;
}

/**
 * The fees of one submission as the form shows them, the intake server records them and the
 * receipt prints them. A liên thông bundle that lists fee lines of its own (as the portal's
 * record of it does) charges those; one that lists none charges its members' fees on the
 * submissions it splits into. `province` applies that province's council-set amounts.
 */
export function computeSubmissionFees(module: FeeModule, payload: FeePayload, options: { today?: string; province?: ProvinceFeeFile } = {}): SubmissionFees {
  const today = options.today;
  const parts: { module: Pick<FeeModule, 'id' | 'definition' | 'conditions'>; payload: FeePayload; member?: Text }[] = [{ module, payload }];
  const own = module.definition.channels.find((c) => c.channel === payload.channel)?.fees.length ?? 0;
  if (module.split && module.members && own === 0) {
    module.split(payload, today ? { today } : {}).forEach((part, i) => {
      const member = module.members![i]!;
      parts.push({ module: { id: member.id, ...member.module }, payload: part.payload, member: member.module.definition.title });
    });
  }
  const fees: SubmissionFees = { lines: [], totals: {}, complete: true };
  for (const part of parts) {
    const overrides = localFeeOverrides(options.province, part.module.id, part.payload.channel);
    const result = computeFees(part.module.definition, part.module.conditions, part.payload, { ...(today ? { today } : {}), ...(overrides ? { overrides } : {}) });
    fees.lines.push(...result.lines.map((line) => (part.member ? { ...line, member: part.member } : line)));
    for (const [currency, amount] of Object.entries(result.totals)) fees.totals[currency] = (fees.totals[currency] ?? 0) + amount;
    fees.complete &&= result.complete;
  }
  return fees;
}
