import { html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import type { DeskAction } from '../api.js';
import { strings, type Lang } from '../i18n.js';

/** What the officer asked for, as the action route takes it. */
export interface ActionInput {
  action: string;
  body: { reason?: { vi: string; en?: string }; documents?: string[]; step?: number; extension?: number };
}

export interface ActionFormView {
  lang: Lang;
  actions: DeskAction[];
  selected: string;
  busy: boolean;
  /** The reason field was required and left empty. */
  reasonMissing: boolean;
  problem: LocalizedText | undefined;
  onSelect(action: string): void;
  onSubmit(input: ActionInput): void;
}

/**
 * The lifecycle's actions open to this officer now, one form: pick an action, give what it
 * needs (a reason, the documents to supplement, the step done, the extension), submit.
 */
export function renderActionForm(v: ActionFormView): TemplateResult {
  const s = strings(v.lang);
  if (!v.actions.length) return html`<p>${s.noActions}</p>`;
  const chosen = v.actions.find((a) => a.action === v.selected) ?? v.actions[0]!;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const vi = String(data.get('reasonVi') ?? '').trim();
    const en = String(data.get('reasonEn') ?? '').trim();
    const body: ActionInput['body'] = {};
    if (vi) body.reason = { vi, ...(en ? { en } : {}) };
    if (chosen.documents) body.documents = data.getAll('documents').map(String);
    if (chosen.steps) body.step = Number(data.get('step'));
    if (chosen.extensions) body.extension = Number(data.get('extension'));
    v.onSubmit({ action: chosen.action, body });
  };
  return html`<form id="action-form" @submit=${submit} novalidate>
    ${v.problem ? html`<p class="notice problem" role="alert"><span class="visually-hidden">${s.errorPrefix} </span>${localize(v.problem, v.lang)}</p>` : nothing}
    <div class="field">
      <label for="action">${s.chooseAction}</label>
      <select id="action" name="action" @change=${(e: Event) => v.onSelect((e.target as HTMLSelectElement).value)}>
        ${v.actions.map((a) => html`<option value=${a.action} ?selected=${a.action === chosen.action}>${localize(a.label, v.lang)}${a.paper ? ` (${(s.paperNames[a.paper] ?? a.paper).split(' — ')[0]})` : ''}</option>`)}
      </select>
    </div>
    ${chosen.steps
      ? html`<div class="field"><label for="step">${s.step}</label>
          <select id="step" name="step">${chosen.steps.map((st) => html`<option value=${st.index}>${st.index + 1}. ${localize(st.title, v.lang)}</option>`)}</select></div>`
      : nothing}
    ${chosen.extensions
      ? html`<div class="field"><label for="extension">${s.extension}</label>
          <select id="extension" name="extension">${chosen.extensions.map((x) => html`<option value=${x.index}>${localize(x.duration, v.lang)} — ${localize(x.reason, v.lang)}</option>`)}</select></div>`
      : nothing}
    ${chosen.documents?.length
      ? html`<fieldset><legend>${s.supplementDocuments}</legend>
          ${chosen.documents.map((d, i) => html`<div class="check"><input type="checkbox" id=${`doc-${i}`} name="documents" value=${d.id} /><label for=${`doc-${i}`}>${localize(d.name, v.lang)}</label></div>`)}
        </fieldset>`
      : nothing}
    <div class="field">
      <label for="reason-vi">${chosen.reason ? s.reasonVi : `${s.reasonVi} — ${s.reason.toLowerCase()}`}</label>
      ${v.reasonMissing ? html`<p class="error" id="reason-error"><span class="visually-hidden">${s.errorPrefix} </span>${s.reasonRequired}</p>` : nothing}
      <textarea id="reason-vi" name="reasonVi" maxlength="2000" ?required=${chosen.reason} aria-invalid=${v.reasonMissing ? 'true' : 'false'}
        aria-describedby=${v.reasonMissing ? 'reason-error' : nothing}></textarea>
    </div>
    <div class="field">
      <label for="reason-en">${s.reasonEn}</label>
      <textarea id="reason-en" name="reasonEn" maxlength="2000" lang="en"></textarea>
    </div>
    <button type="submit" ?disabled=${v.busy}>${v.busy ? s.performing : s.perform}</button>
  </form>`;
}
