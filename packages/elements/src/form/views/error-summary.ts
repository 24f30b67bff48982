import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { ValidationError } from '@thutuc/runtime';
import { strings, type Lang } from '../../i18n.js';
import { controlId } from '../state.js';
import type { FailedOutcome } from '../submit.js';

export interface ErrorSummaryView {
  lang: Lang;
  /** The errors of the step shown. */
  errors: readonly ValidationError[];
  /** The step was attempted: its errors are listed. */
  showErrors: boolean;
  /** The last submission failed: that is said instead. */
  outcome: FailedOutcome | undefined;
  /** Moves focus to the control of the error at this path. */
  onFocusControl(path: string): void;
}

/** The box above the step: why the submission failed, or links to each error's control. */
export function renderErrorSummary(v: ErrorSummaryView): TemplateResult | typeof nothing {
  const { lang, outcome } = v;
  const s = strings(lang);
  if (outcome) {
    const text = { offline: s.offline, timeout: s.timeout, server: s.serverError, rejected: s.rejected }[outcome.kind];
    return html`<div class="error-summary" role="alert" tabindex="-1" part="error-summary">
      <h2>${s.errorSummaryTitle}</h2>
      <p>${text}</p>
      ${outcome.reasons?.length ? html`<ul>${outcome.reasons.map((r) => html`<li>${localize(r.message, lang)}</li>`)}</ul>` : nothing}
    </div>`;
  }
  if (!v.showErrors || v.errors.length === 0) return nothing;
  const focus = (e: Event, path: string) => {
    e.preventDefault();
    v.onFocusControl(path);
  };
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" part="error-summary">
    <h2 id="error-summary-title">${s.errorSummaryTitle}</h2>
    <ul>
      ${v.errors.map((e) => html`<li><a href="#${controlId(e.path)}" @click=${(ev: Event) => focus(ev, e.path)}>${e.message[lang]}</a></li>`)}
    </ul>
  </div>`;
}
