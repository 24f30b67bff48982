import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../i18n.js';
import type { DossierKey } from '../api.js';
import { statusStrings } from '../status-strings.js';

export interface LookupFormView {
  lang: Lang;
  key: DossierKey;
  busy: boolean;
  fieldErrors: { code?: string; secret?: string };
  /** Why the last lookup failed (not found, offline, rate limited). */
  problem: string | undefined;
  onInput(part: keyof DossierKey, value: string): void;
  onSubmit(): void;
}

/** The two fields printed on the receipt, in the form's accessible markup order. */
export function renderLookupForm(v: LookupFormView): TemplateResult {
  const s = statusStrings(v.lang);
  const field = (part: keyof DossierKey, label: string, hint: string, autocomplete: string) => {
    const id = `status-${part}`;
    const error = v.fieldErrors[part];
    return html`<div class="group ${error ? 'invalid' : ''}" part="field">
      <label for=${id} part="label">${label}</label>
      <p class="hint" id="${id}-hint" part="hint">${hint}</p>
      ${error ? html`<p class="error" id="${id}-error" part="error"><span class="visually-hidden">${s.errorPrefix} </span>${error}</p>` : nothing}
      <input type="text" id=${id} name=${part} part="input" autocomplete=${autocomplete} spellcheck="false" autocapitalize="characters"
        .value=${v.key[part]} aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid=${error ? 'true' : 'false'}
        @input=${(e: Event) => v.onInput(part, (e.target as HTMLInputElement).value)} />
    </div>`;
  };
  const errors = [v.fieldErrors.code && ['status-code', v.fieldErrors.code], v.fieldErrors.secret && ['status-secret', v.fieldErrors.secret]].filter((e): e is [string, string] => !!e);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    v.onSubmit();
  };
  return html`<form part="form" novalidate @submit=${onSubmit}>
    <h2 part="step-title">${s.title}</h2>
    ${v.problem || errors.length
      ? html`<div class="error-summary" role="alert" tabindex="-1" part="error-summary">
          <h3>${s.errorSummaryTitle}</h3>
          ${v.problem ? html`<p>${v.problem}</p>` : nothing}
          ${errors.length ? html`<ul>${errors.map(([id, text]) => html`<li><a href="#${id}" @click=${(e: Event) => focusControl(e, id)}>${text}</a></li>`)}</ul>` : nothing}
        </div>`
      : nothing}
    <p>${s.intro}</p>
    ${field('code', s.code, s.codeHint, 'off')}
    ${field('secret', s.secret, s.secretHint, 'off')}
    <div class="actions">
      <button type="submit" part="button" ?disabled=${v.busy} aria-busy=${v.busy ? 'true' : 'false'}>${v.busy ? s.lookingUp : s.lookUp}</button>
    </div>
  </form>`;
}

/** Error summary links move focus to their field inside the shadow root. */
function focusControl(e: Event, id: string): void {
  e.preventDefault();
  const root = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  root.getElementById(id)?.focus();
}
