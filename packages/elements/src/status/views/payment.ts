import { formatAmount, localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../dates.js';
import type { Lang } from '../../i18n.js';
import type { LookupAnswer, PaymentProvider, VietQrPayment } from '../api.js';
import { statusStrings } from '../status-strings.js';

const PROVIDER_NAMES: Record<PaymentProvider, string> = { vnpay: 'VNPay', vietqr: 'VietQR' };

export interface PaymentView {
  lang: Lang;
  payment: NonNullable<LookupAnswer['payment']>;
  transfer: VietQrPayment | undefined;
  /** The VietQR code as a sanitised SVG element (never markup from the network as HTML). */
  qr: SVGSVGElement | undefined;
  busy: boolean;
  problem: string | undefined;
  onPay(provider: PaymentProvider): void;
}

/** The amount the server computed, the lines it comes from, and one button per provider. */
export function renderPayment(v: PaymentView): TemplateResult | typeof nothing {
  const { payment, lang } = v;
  if (payment.state === 'none') return nothing;
  const s = statusStrings(lang);
  const lines = (payment.lines ?? []).filter((l) => l.label && typeof l.amount === 'number');
  return html`<section class="item" part="payment" aria-labelledby="payment-title">
    <h3 id="payment-title">${s.paymentTitle}</h3>
    ${lines.length
      ? html`<table class="fees" part="fees"><tbody>
          ${lines.map((l) => html`<tr><td>${localize(l.label!, lang)}</td><td class="amount">${l.status === 'exempt' ? s.feeExempt : formatAmount(l.amount!, payment.currency, lang)}</td></tr>`)}
        </tbody></table>`
      : nothing}
    <p>${s.amountDue}: <strong>${formatAmount(payment.amount, payment.currency, lang)}</strong></p>
    ${payment.state === 'paid' ? html`<p role="status">${s.paid(formatDate(payment.paidAt, lang) ?? '')}</p>` : nothing}
    ${payment.state === 'pending' ? html`<p role="status">${s.paymentPending}</p>` : nothing}
    ${v.problem ? html`<div class="error-summary" role="alert" part="error-summary"><p>${s.payFailed} ${v.problem}</p></div>` : nothing}
    ${payment.state === 'due' || payment.state === 'pending'
      ? html`<div class="actions">
          ${payment.providers.map((p) => html`<button type="button" part="button" ?disabled=${v.busy} @click=${() => v.onPay(p)}>${v.busy ? s.paying : s.payWith(PROVIDER_NAMES[p] ?? p)}</button>`)}
        </div>`
      : nothing}
    ${v.transfer
      ? html`<dl class="facts" part="transfer">
          <dt>${s.transferTo}</dt><dd>${v.transfer.account}</dd>
          <dt>${s.amountDue}</dt><dd>${formatAmount(v.transfer.amount, 'VND', lang)}</dd>
          <dt>${s.transferNote}</dt><dd><strong>${v.transfer.note}</strong></dd>
        </dl>
        ${v.qr ? html`<figure class="qr" part="qr"><figcaption>${s.transferQr}</figcaption>${v.qr}</figure>` : nothing}`
      : nothing}
  </section>`;
}
