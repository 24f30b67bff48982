import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '@thutuc/runtime';
import type { DossierDetail } from '../api.js';
import { strings, vietnamDateTime, type Lang } from '../i18n.js';

/** The dossier at a glance: procedure, applicant, status, dates. */
export function renderSummary(d: DossierDetail, lang: Lang): TemplateResult {
  const s = strings(lang);
  return html`<dl class="review" aria-label=${s.summary}>
    <dt>${s.procedure}</dt><dd>${localize(d.title, lang)}</dd>
    <dt>${s.applicant}</dt><dd>${d.applicant ?? s.none}</dd>
    <dt>${s.status}</dt><dd>${d.status}. ${localize(d.statusLabel, lang)}</dd>
    <dt>${s.submittedAt}</dt><dd>${vietnamDateTime(d.receipt.receivedAt)}</dd>
    <dt>${s.due}</dt><dd>${vietnamDateTime(d.due ?? d.receipt.appointmentDate)}${d.overdue ? html` <span class="tag overdue">${s.overdue}</span>` : nothing}</dd>
  </dl>`;
}

/** The answers as the form's review page ("Kiểm tra thông tin") lays them out: section by section. */
export function renderReview(d: DossierDetail, lang: Lang): TemplateResult {
  const s = strings(lang);
  if (!d.review.length) return html`<p>${s.noData}</p>`;
  return html`${d.review.map(
    (section) => html`<h3>${localize(section.title, lang)}</h3>
      <dl class="review">${section.rows.map((row) => html`<dt>${localize(row.label, lang)}</dt><dd>${localize(row.value, lang)}</dd>`)}</dl>`,
  )}`;
}
