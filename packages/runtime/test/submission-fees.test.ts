import { describe, expect, it } from 'vitest';
import type { Procedure } from '@thutuc/core';
import { computeSubmissionFees, type FeeModule } from '@thutuc/runtime';

/** Two members with a fixed charge each; a bundle of them with or without fee lines of its own. */
const procedure = (id: string, amount: number, fees = true) =>
  ({
    id,
    version: '1.0.0',
    title: { vi: id },
    legalBasis: [],
    channels: [{ channel: 'online', processingTime: { value: 1, unit: 'working_day' }, fees: fees ? [{ id: 'le-phi', type: 'le_phi', kind: 'fixed', amount, label: { vi: `Lệ phí ${id}` } }] : [] }],
    cases: [{ id: 'mot', name: { vi: 'Một' }, documents: [] }],
    form: { sections: [] },
  }) as unknown as Procedure;

const member = (id: string, amount: number) => ({ id, version: '1.0.0', case: null, data: [], documents: {}, module: { definition: procedure(id, amount), conditions: {}, validate: () => ({ valid: true, errors: [] }) } });
const bundle = (ownFees: boolean): FeeModule => {
  const members = [member('a.mot', 1000), member('a.hai', 2500)];
  return {
    id: 'b.lien-thong',
    definition: procedure('b.lien-thong', 700, ownFees),
    conditions: {},
    members,
    split: () => members.map((m) => ({ procedure: { id: m.id, version: m.version }, payload: { channel: 'online', data: {}, documents: {} } })),
  };
};
const payload = { channel: 'online', data: {} };

describe('the fees of a submission', () => {
  it('of a bundle without fee lines of its own are its members’ fees, each line naming its member', () => {
    const fees = computeSubmissionFees(bundle(false), payload);
    expect(fees.totals).toEqual({ VND: 3500 });
    expect(fees.lines.map((l) => [l.member?.vi, l.amount])).toEqual([
      ['a.mot', 1000],
      ['a.hai', 2500],
    ]);
  });

  it('of a bundle that lists its own fee lines are those lines only', () => {
    const fees = computeSubmissionFees(bundle(true), payload);
    expect(fees.totals).toEqual({ VND: 700 });
    expect(fees.lines.map((l) => l.member)).toEqual([undefined]);
  });

  it('apply a province’s council-set amounts to the procedure they name', () => {
    const local = { ...bundle(false), members: undefined, split: undefined };
    (local.definition.channels[0]!.fees as unknown as { kind: string; amount?: number }[]).splice(0, 1, { id: 'le-phi', type: 'le_phi', kind: 'local', label: { vi: 'Lệ phí' } } as never);
    expect(computeSubmissionFees(local, payload).complete).toBe(false);
    const province = { province: '01', procedures: { 'b.lien-thong': { resolution: { number: '1/2025/NQ-HĐND' }, amounts: { '*': { 'le-phi': 4000 } } } } };
    expect(computeSubmissionFees(local, payload, { province })).toMatchObject({ totals: { VND: 4000 }, complete: true });
  });
});
