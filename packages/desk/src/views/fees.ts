import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, localize } from '@thutuc/runtime';
import type { DossierDetail, FeeLine, Payment } from '../api.js';
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
  return html`${table}${p ? renderPayment(p, lang) : nothing}`;
}

export interface TransferView {
  lang: Lang;
  busy: boolean;
  onConfirm(reference: string): void;
}

function renderPayment(p: Payment, lang: Lang): TemplateResult {
  const s = strings(lang);
  return html`<dl class="review" aria-label=${s.payment}>
    <dt>${s.payment}</dt>
    <dd>${s.paymentStates[p.state] ?? p.state}${typeof p.amount === 'number' && p.state !== 'none' ? html` · ${formatAmount(p.amount, p.currency ?? 'VND', lang)}` : nothing}${p.provider ? html` <span class="hint">(${PROVIDERS[p.provider] ?? p.provider})</span>` : nothing}</dd>
    ${p.paidAt ? html`<dt>${s.paidAt}</dt><dd>${vietnamDateTime(p.paidAt)}</dd>` : nothing}
    ${p.note ? html`<dt>${s.reason}</dt><dd>${localize(p.note, lang)}</dd>` : nothing}
  </dl>`;
}

const PROVIDERS: Record<string, string> = { vnpay: 'VNPay', vietqr: 'VietQR' };

/** Reception confirms a VietQR bank transfer it saw arrive (the amount is the server's, never typed here). */
export function renderTransferConfirm(v: TransferView): TemplateResult {
  const s = strings(v.lang);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    v.onConfirm(String(new FormData(e.target as HTMLFormElement).get('reference') ?? '').trim());
  };
  return html`<form @submit=${submit} novalidate>
    <div class="field">
      <label for="transfer-reference">${s.transferReference}</label>
      <input id="transfer-reference" name="reference" type="text" maxlength="100" autocomplete="off" />
    </div>
    <button type="submit" ?disabled=${v.busy}>${s.confirmTransfer}</button>
  </form>`;
}
