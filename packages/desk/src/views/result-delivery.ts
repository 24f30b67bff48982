import { html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import type { DeliveryInput, DeliveryMethod, UploadedResult } from '../api.js';
import { strings, type Lang } from '../i18n.js';
import { resultStrings } from './result-strings.js';

export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['online', 'post', 'in_person'];

export interface ResultDeliveryView {
  lang: Lang;
  busy: boolean;
  /** The method the form shows; starts as the applicant's choice. */
  method: DeliveryMethod;
  /** What the applicant chose on the form, if anything. */
  chosen: DeliveryMethod | undefined;
  /** What is already recorded (null or undefined: nothing yet). */
  result: UploadedResult | null | undefined;
  recorded: DeliveryInput | null | undefined;
  uploadProblem: LocalizedText | undefined;
  deliveryProblem: LocalizedText | undefined;
  onMethod(method: DeliveryMethod): void;
  onUpload(file: File | undefined): void;
  onRecord(input: DeliveryInput): void;
}

const problem = (p: LocalizedText | undefined, lang: Lang) =>
  p ? html`<p class="notice problem" role="alert" tabindex="-1"><span class="visually-hidden">${strings(lang).errorPrefix} </span>${localize(p, lang)}</p>` : nothing;

const field = (id: string, label: string, input: TemplateResult) => html`<div class="field"><label for=${id}>${label}</label>${input}</div>`;

/** Only the details the chosen method needs travel; empty ones are left out so the server names what is missing. */
function deliveryInput(form: HTMLFormElement, method: DeliveryMethod): DeliveryInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const input: DeliveryInput = { method };
  const keep = (name: 'carrier' | 'tracking' | 'place' | 'appointment') => {
    if (text(name)) input[name] = text(name);
  };
  if (method === 'post') (['carrier', 'tracking'] as const).forEach(keep);
  if (method === 'in_person') (['place', 'appointment'] as const).forEach(keep);
  return input;
}

/**
 * While the dossier is processed or signed off: upload the electronic result, and record how
 * it goes to the applicant (preselected to the applicant's choice, with the details that
 * method needs), so that returning the result (status 10) is allowed.
 */
export function renderResultDelivery(v: ResultDeliveryView): TemplateResult {
  const s = resultStrings(v.lang);
  const upload = (e: SubmitEvent) => {
    e.preventDefault();
    v.onUpload((e.target as HTMLFormElement).querySelector<HTMLInputElement>('#result-file')?.files?.[0]);
  };
  const record = (e: SubmitEvent) => {
    e.preventDefault();
    v.onRecord(deliveryInput(e.target as HTMLFormElement, v.method));
  };
  return html`<form id="result-form" @submit=${upload} novalidate aria-labelledby="result-upload-title">
      <h3 id="result-upload-title">${s.upload}</h3>
      ${problem(v.uploadProblem, v.lang)}
      <p>${v.result ? s.current(v.result.name) : s.noResult}</p>
      <div class="field">
        <label for="result-file">${s.file}</label>
        <input id="result-file" name="result" type="file" accept=".pdf,.xml,.jpg,.jpeg,.png,application/pdf,application/xml,text/xml,image/jpeg,image/png" aria-describedby="result-file-hint" />
        <p class="hint" id="result-file-hint">${s.uploadHint}</p>
      </div>
      <button type="submit" ?disabled=${v.busy}>${s.uploadButton}</button>
    </form>
    <form id="delivery-form" @submit=${record} novalidate aria-labelledby="delivery-title">
      <h3 id="delivery-title">${s.delivery}</h3>
      ${problem(v.deliveryProblem, v.lang)}
      ${v.chosen ? html`<p>${s.chosen(s.methods[v.chosen] ?? v.chosen)}</p>` : nothing}
      ${v.recorded ? html`<p>${s.currentDelivery(s.methods[v.recorded.method] ?? v.recorded.method)}</p>` : nothing}
      ${field('delivery-method', s.method, html`<select id="delivery-method" name="method" @change=${(e: Event) => v.onMethod((e.target as HTMLSelectElement).value as DeliveryMethod)}>
        ${DELIVERY_METHODS.map((m) => html`<option value=${m} ?selected=${m === v.method}>${s.methods[m]}</option>`)}
      </select>`)}
      ${v.method === 'post'
        ? html`${field('delivery-carrier', s.carrier, html`<input id="delivery-carrier" name="carrier" type="text" maxlength="120" autocomplete="off" />`)}
          ${field('delivery-tracking', s.tracking, html`<input id="delivery-tracking" name="tracking" type="text" maxlength="60" pattern="[0-9A-Za-z.\\-/ ]+" autocomplete="off" />`)}`
        : nothing}
      ${v.method === 'in_person'
        ? html`${field('delivery-place', s.place, html`<input id="delivery-place" name="place" type="text" maxlength="300" autocomplete="off" />`)}
          ${field('delivery-appointment', s.appointment, html`<input id="delivery-appointment" name="appointment" type="datetime-local" />`)}`
        : nothing}
      <button type="submit" ?disabled=${v.busy}>${s.record}</button>
    </form>`;
}
