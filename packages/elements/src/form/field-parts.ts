import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormField } from '@thutuc/runtime/model';
import type { Lang, Strings } from '../i18n.js';

/**
 * One field, in the GOV.UK Design System's accessible order: label, hint, error message,
 * control; `aria-describedby` joins hint and error; groups of controls sit in a fieldset
 * whose legend comes first. All text goes through lit's escaping.
 */
export interface FieldView {
  field: FormField;
  /** JSON Pointer of the value in the submission, e.g. `/data/ho_ten`. */
  path: string;
  value: unknown;
  error: string | undefined;
  required: boolean;
  lang: Lang;
  s: Strings;
  onChange(value: unknown): void;
  onBlur(): void;
  /** Renders one entry of a repeatable group (supplied by the form, which knows visibility). */
  renderGroupItem?(index: number, entry: Record<string, unknown>): TemplateResult;
  /** Renders an address field with the province and commune pickers (supplied by the form, which holds their state). */
  address?: { render(id: string, v: FieldView): TemplateResult };
}

export function describedBy(id: string, v: FieldView): string | typeof nothing {
  const ids = [v.field.hint ? `${id}-hint` : '', v.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function labelText(v: FieldView) {
  return html`${localize(v.field.label, v.lang)}${v.required ? nothing : html` <span class="optional">${v.s.optional}</span>`}`;
}

export function hintAndError(id: string, v: FieldView) {
  return html`${v.field.hint ? html`<p class="hint" id="${id}-hint" part="hint">${localize(v.field.hint, v.lang)}</p>` : nothing}${v.error
    ? html`<p class="error" id="${id}-error" part="error"><span class="visually-hidden">${v.s.errorPrefix} </span>${v.error}</p>`
    : nothing}`;
}

export const blank = (s: string) => (s.trim() === '' ? undefined : s);

export function fieldset(id: string, v: FieldView, body: TemplateResult) {
  return html`<fieldset class="group ${v.error ? 'invalid' : ''}" part="field" aria-describedby=${describedBy(id, v)}>
    <legend part="label">${labelText(v)}</legend>
    ${hintAndError(id, v)} ${body}
  </fieldset>`;
}
