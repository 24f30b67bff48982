import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '@thutuc/runtime';
import type { DossierDetail } from '../api.js';
import { strings, vietnamDateTime, type Lang } from '../i18n.js';

/** The procedure's declared steps and which are done. */
export function renderSteps(d: DossierDetail, lang: Lang): TemplateResult {
  const s = strings(lang);
  if (!d.steps.length) return html``;
  return html`<h2>${s.steps}</h2>
    <ol>${d.steps.map((step) => {
      const label = step.done ? s.stepDone : step.state === 'skipped' ? s.stepSkipped : step.state === 'if-needed' ? s.stepIfNeeded : s.stepOpen;
      return html`<li>${localize(step.title, lang)} — <span class=${step.done ? '' : 'hint'}>${label}</span> <span class="hint">(${s.actorRoles[step.actor] ?? step.actor})</span></li>`;
    })}</ol>`;
}

/** Every transition, oldest first, with who did it and why. */
export function renderHistory(d: DossierDetail, lang: Lang): TemplateResult {
  const s = strings(lang);
  return html`<table>
    <caption class="visually-hidden">${s.history}</caption>
    <thead><tr><th scope="col">${s.when}</th><th scope="col">${s.action}</th><th scope="col">${s.status}</th><th scope="col">${s.by}</th><th scope="col">${s.reason}</th></tr></thead>
    <tbody>
      ${d.history.map(
        (h) => html`<tr>
          <td>${vietnamDateTime(h.at)}</td>
          <td>${h.label ? localize(h.label, lang) : h.action}${h.papers.length ? html`<br /><span class="hint">${h.papers.map((p) => s.paperNames[p] ?? p).join('; ')}</span>` : nothing}</td>
          <td>${h.toLabel ? localize(h.toLabel, lang) : h.to_status}</td>
          <td>${s.actorRoles[h.actor_role] ?? h.actor_role}${h.actor_id ? html`<br /><span class="hint">${h.actor_id}</span>` : nothing}</td>
          <td>${h.reason ? localize(h.reason, lang) : s.none}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
