import { amountText, feeAmountText, type LocalizedText } from '@thutuc/runtime';
import type { Channel, Fee, Procedure } from '@thutuc/runtime/model';
import { changeCause, legalNames } from './legal.js';
import type { ProcedureChange } from './types.js';
import { CHANNEL_NAMES, both, equal, pairById, say } from './words.js';

/**
 * Fee changes, channel by channel, then merged: a change made on every channel that has the
 * fee reads once; one made on some channels names them.
 */
export function diffFees(before: Procedure, after: Procedure): ProcedureChange[] {
  const merged = new Map<string, { change: ProcedureChange; channels: Channel['channel'][]; feeId: string }>();
  for (const now of after.channels) {
    const old = before.channels.find((c) => c.channel === now.channel);
    if (!old) continue;
    const pairs = pairById(old.fees, now.fees);
    const at = `/channels/${after.channels.indexOf(now)}/fees`;
    const found: [string, ProcedureChange][] = [
      ...pairs.added.map(({ item, index }): [string, ProcedureChange] => [item.id, added(item, `${at}/${index}`, after)]),
      ...pairs.removed.map(({ item, index }): [string, ProcedureChange] => [item.id, removed(item, `/channels/${before.channels.indexOf(old)}/fees/${index}`, after)]),
      ...pairs.kept.flatMap(({ before: b, after: a, index }) => changed(b, a, `${at}/${index}`, after).map((c): [string, ProcedureChange] => [a.id, c])),
    ];
    for (const [feeId, change] of found) {
      const key = `${change.kind}\u0000${change.message.vi}`;
      const entry = merged.get(key) ?? { change, channels: [], feeId };
      entry.channels.push(now.channel);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].map(({ change, channels, feeId }) => {
    if (channels.length >= holders(before, after, feeId)) return change;
    const where = channels.map((c) => CHANNEL_NAMES[c]);
    return { ...change, message: say((l) => `${change.message[l]} (${where.map((w) => w[l]).join(', ')})`) };
  });
}

/** Channels present in both versions where either version has the fee. */
function holders(before: Procedure, after: Procedure, feeId: string): number {
  return after.channels.filter((c) => {
    const old = before.channels.find((o) => o.channel === c.channel);
    return old && (c.fees.some((f) => f.id === feeId) || old.fees.some((f) => f.id === feeId));
  }).length;
}

function added(fee: Fee, path: string, p: Procedure): ProcedureChange {
  const amount = feeAmountText(fee);
  const label = both(fee.label);
  return {
    area: 'fee',
    kind: 'fee-added',
    path,
    message: say((l) => (l === 'vi' ? `Thêm khoản thu: ${label.vi}: ${amount.vi}` : `New charge: ${label.en}: ${amount.en}`)),
    basis: legalNames(p, fee.legalBasis),
  };
}

function removed(fee: Fee, path: string, p: Procedure): ProcedureChange {
  const label = both(fee.label);
  return { area: 'fee', kind: 'fee-removed', path, message: say((l) => (l === 'vi' ? `Bỏ khoản thu: ${label.vi}` : `Charge removed: ${label.en}`)), basis: legalNames(p, p.changeBasis) };
}

function changed(b: Fee, a: Fee, path: string, p: Procedure): ProcedureChange[] {
  const label = both(a.label);
  const basis = changeCause(b.legalBasis, a.legalBasis, p);
  const out: ProcedureChange[] = [];
  const from = oldAmountText(b, a);
  const to = feeAmountText(a);
  if (feeAmountText(b).vi !== to.vi || b.kind !== a.kind) {
    out.push({ area: 'fee', kind: 'fee-amount', path, message: say((l) => `${label[l]}: ${from[l]} → ${to[l]}`), basis });
  }
  if ((b.when ?? '') !== (a.when ?? '')) {
    out.push({
      area: 'fee',
      kind: 'fee-condition',
      path: `${path}/when`,
      message: say((l) => (l === 'vi' ? `${label.vi}: điều kiện thu ${cond(b.when, l)} → ${cond(a.when, l)}` : `${label.en}: charged when ${cond(b.when, l)} → ${cond(a.when, l)}`)),
      basis,
    });
  }
  if ((b.quantity ?? '') !== (a.quantity ?? '') || (b.multiplier ?? '') !== (a.multiplier ?? '')) {
    out.push({ area: 'fee', kind: 'fee-quantity', path, message: say((l) => (l === 'vi' ? `${label.vi}: cách tính số lượng thay đổi` : `${label.en}: how units are counted changed`)), basis });
  }
  const exemptions = pairById(b.exemptions ?? [], a.exemptions ?? []);
  for (const { item, index } of exemptions.added) {
    out.push({ area: 'fee', kind: 'fee-exemption-added', path: `${path}/exemptions/${index}`, message: say((l) => (l === 'vi' ? `${label.vi}: thêm trường hợp miễn: ${both(item.reason).vi}` : `${label.en}: new exemption: ${both(item.reason).en}`)), basis: legalNames(p, item.legalBasis) });
  }
  for (const { item } of exemptions.removed) {
    out.push({ area: 'fee', kind: 'fee-exemption-removed', path: `${path}/exemptions`, message: say((l) => (l === 'vi' ? `${label.vi}: bỏ trường hợp miễn: ${both(item.reason).vi}` : `${label.en}: exemption removed: ${both(item.reason).en}`)), basis });
  }
  for (const { before: eb, after: ea, index } of exemptions.kept) {
    if (!equal(eb.when, ea.when)) {
      out.push({ area: 'fee', kind: 'fee-exemption-condition', path: `${path}/exemptions/${index}/when`, message: say((l) => (l === 'vi' ? `${label.vi}: điều kiện miễn «${both(ea.reason).vi}» thay đổi` : `${label.en}: the condition of the exemption "${both(ea.reason).en}" changed`)), basis });
    }
  }
  return out;
}

/** The old amount, without the unit when both versions charge per the same unit (`8.000 đ → 10.000 đ/bản`). */
function oldAmountText(b: Fee, a: Fee): LocalizedText {
  if (b.kind === 'per_unit' && a.kind === 'per_unit' && b.unit === a.unit && b.amount !== undefined) return amountText(b.amount, b.currency ?? 'VND');
  return feeAmountText(b);
}

function cond(expr: string | undefined, lang: 'vi' | 'en'): string {
  if (expr) return `\`${expr}\``;
  return lang === 'vi' ? '(luôn thu)' : '(always)';
}
