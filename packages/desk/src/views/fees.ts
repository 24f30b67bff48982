import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, localize } from '@thutuc/runtime';
import type { DossierDetail, FeeLine } from '../api.js';
import { strings, vietnamDateTime, type Lang } from '../i18n.js';

function amountOf(line: FeeLine, lang: Lang): string {
  const s = strings(lang);
  if (line.status === 'local') return s.local;
  if (line.status === 'exempt') return s.exempt;
  // Unknown is a value: a fee the catalogue does not state is never shown as 0 đ.
  if (line.status === 'unknown' || line.amount === undefined) return s.unknownFee;
  return formatAmount(line.amount, line.currency ?? 'VND', lang);
}

/** The fee lines computed at submission, their total, and the payment state when the intake takes payments. */
export function renderFees(d: DossierDetail, lang: Lang): TemplateResult {
  const s = strings(lang);
  const fees = d.receipt.fees;
  const table = !fees || fees.lines.length === 0
    ? html`<p>${s.noFees}</p>`
    : html`<table>
        <caption class="visually-hidden">${s.fees}</caption>
        <thead><tr><th scope="col">${s.item}</th><th scope="col" class="amount">${s.amount}</th></tr></thead>
        <tbody>${fees.lines.map((line) => html`<tr><td>${line.member ? html`<span class="hint">${localize(line.member, lang)}</span><br />` : nothing}${localize(line.label, lang)}${line.detail ? html`<br /><span class="hint">${localize(line.detail, lang)}</span>` : nothing}</td><td class="amount">${amountOf(line, lang)}</td></tr>`)}</tbody>
        <tfoot>${Object.entries(fees.total).map(([currency, amount]) => html`<tr><th scope="row">${s.total}</th><td class="amount"><strong>${!fees.complete && amount === 0 ? s.unknownTotal : formatAmount(amount, currency, lang)}</strong></td></tr>`)}</tfoot>
      </table>`;
  const p = d.payment;
  return html`${table}
    ${p
      ? html`<dl class="review" aria-label=${s.payment}>
          <dt>${s.payment}</dt><dd>${s.paymentStates[p.state] ?? p.state}${p.amount !== undefined && p.state !== 'none' ? html` · ${formatAmount(p.amount, p.currency ?? 'VND', lang)}` : nothing}</dd>
          ${p.paidAt ? html`<dt>${s.paidAt}</dt><dd>${vietnamDateTime(p.paidAt)}</dd>` : nothing}
        </dl>`
      : nothing}`;
}
