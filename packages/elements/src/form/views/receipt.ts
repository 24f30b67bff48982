import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { strings, type Lang } from '../../i18n.js';
import type { CompiledProcedure, Receipt } from '../../types.js';

export interface ReceiptView {
  procedure: CompiledProcedure;
  lang: Lang;
  receipt: Receipt;
}

function formatDate(iso: string | undefined, lang: Lang): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = iso.length === 10 ? { dateStyle: 'full', timeZone: 'Asia/Ho_Chi_Minh' } : { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', options).format(date);
}

/** The confirmation: the dossier code the server issued and the appointment it gave. */
export function renderReceipt({ procedure: p, lang, receipt }: ReceiptView): TemplateResult {
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
    <p>${s.keepCode}</p>
  </div>`;
}
