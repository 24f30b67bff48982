import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../dates.js';
import { strings, type Lang } from '../../i18n.js';
import type { CompiledProcedure, Receipt } from '../../types.js';

export interface ReceiptView {
  procedure: CompiledProcedure;
  lang: Lang;
  receipt: Receipt;
  /** The page holding <thutuc-status>; the receipt links to it with the code and secret after `#`. */
  statusPage?: string | undefined;
}

/** The confirmation: the dossier code the server issued and the appointment it gave. */
export function renderReceipt({ procedure: p, lang, receipt, statusPage }: ReceiptView): TemplateResult {
  const s = strings(lang);
  const appointment = formatDate(receipt.appointmentDate, lang);
  const received = formatDate(receipt.receivedAt, lang);
  return html`<div class="receipt" part="receipt" role="status">
    <h2 tabindex="-1" part="step-title">${s.confirmationTitle}</h2>
    <p>${localize(p.definition.title, lang)}</p>
    <p>${s.dossierCode}:<br /><span class="code">${receipt.dossierCode}</span></p>
    ${received ? html`<p>${s.receivedAt}: ${received}</p>` : nothing}
    ${appointment ? html`<p>${s.appointment}: <strong>${appointment}</strong></p>` : nothing}
    ${receipt.message ? html`<p>${localize(receipt.message, lang)}</p>` : nothing}
    ${receipt.lookupSecret ? html`<p>${s.lookupSecret}:<br /><span class="code">${receipt.lookupSecret}</span></p>` : nothing}
    <p>${s.keepCode}</p>
    ${statusPage && receipt.lookupSecret ? html`<p><a part="status-link" href=${statusLink(statusPage, receipt.dossierCode, receipt.lookupSecret)}>${s.trackLink}</a></p>` : nothing}
  </div>`;
}

/** The status page's address carrying the code and secret after `#`, so they never reach a server log. */
export function statusLink(page: string, code: string, secret: string): string {
  return `${page.split('#')[0]}#code=${encodeURIComponent(code)}&secret=${encodeURIComponent(secret)}`;
}
