import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { renderAddressCodes } from './address/address-codes.js';
import { blank, describedBy, fieldset, hintAndError, labelText, type FieldView } from './field-parts.js';
import { controlId } from './state.js';

export type { FieldView } from './field-parts.js';

const TEXT_INPUTS: Record<string, { type: string; inputmode?: string; autocomplete?: string; short?: boolean }> = {
  text: { type: 'text' },
  email: { type: 'email', autocomplete: 'email' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  citizen_id: { type: 'text', inputmode: 'numeric', short: false },
  tax_code: { type: 'text', inputmode: 'numeric' },
  number: { type: 'number', inputmode: 'decimal', short: true },
  date: { type: 'date' },
};

function textControl(id: string, v: FieldView) {
  const kind = TEXT_INPUTS[v.field.type] ?? { type: 'text' };
  const onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (v.field.type === 'number') v.onChange(input.value === '' || Number.isNaN(input.valueAsNumber) ? undefined : input.valueAsNumber);
    else v.onChange(blank(input.value));
  };
  return html`<input
    id=${id}
    name=${v.path}
    part="input"
    class=${kind.short ? 'short' : ''}
    type=${kind.type}
    inputmode=${kind.inputmode ?? nothing}
    autocomplete=${kind.autocomplete ?? 'off'}
    maxlength=${v.field.maxLength ?? nothing}
    min=${v.field.min ?? nothing}
    max=${v.field.max ?? nothing}
    step=${v.field.type === 'number' ? (v.field.integer ? '1' : 'any') : nothing}
    .value=${v.value === undefined || v.value === null ? '' : String(v.value)}
    aria-invalid=${v.error ? 'true' : 'false'}
    aria-describedby=${describedBy(id, v)}
    aria-required=${v.required ? 'true' : 'false'}
    @input=${onInput}
    @blur=${v.onBlur}
  />`;
}

function textareaControl(id: string, v: FieldView) {
  return html`<textarea
    id=${id}
    name=${v.path}
    part="input"
    maxlength=${v.field.maxLength ?? nothing}
    .value=${typeof v.value === 'string' ? v.value : ''}
    aria-invalid=${v.error ? 'true' : 'false'}
    aria-describedby=${describedBy(id, v)}
    aria-required=${v.required ? 'true' : 'false'}
    @input=${(e: Event) => v.onChange(blank((e.target as HTMLTextAreaElement).value))}
    @blur=${v.onBlur}
  ></textarea>`;
}

function simple(id: string, v: FieldView, control: TemplateResult) {
  return html`<div class="group ${v.error ? 'invalid' : ''}" part="field">
    <label for=${id} part="label">${labelText(v)}</label>
    ${hintAndError(id, v)} ${control}
  </div>`;
}

function choice(id: string, v: FieldView) {
  const options = v.field.options ?? [];
  if (options.length > 6) {
    return simple(
      id,
      v,
      html`<select id=${id} name=${v.path} part="input" aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy(id, v)}
        @change=${(e: Event) => v.onChange(blank((e.target as HTMLSelectElement).value))} @blur=${v.onBlur}>
        <option value="" ?selected=${v.value === undefined}></option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${v.value === o.value}>${localize(o.label, v.lang)}</option>`)}
      </select>`,
    );
  }
  return fieldset(
    id,
    v,
    html`${options.map(
      (o, i) => html`<div class="option">
        <input type="radio" id=${i === 0 ? id : `${id}-${i}`} name=${v.path} value=${o.value} .checked=${v.value === o.value}
          aria-invalid=${v.error ? 'true' : 'false'} @change=${() => v.onChange(o.value)} @blur=${v.onBlur} />
        <label for=${i === 0 ? id : `${id}-${i}`}>${localize(o.label, v.lang)}</label>
      </div>`,
    )}`,
  );
}

function multiChoice(id: string, v: FieldView) {
  const selected = Array.isArray(v.value) ? (v.value as string[]) : [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((x) => x !== value);
    const order = (v.field.options ?? []).map((o) => o.value);
    v.onChange(next.length ? next.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : undefined);
  };
  return fieldset(
    id,
    v,
    html`${(v.field.options ?? []).map(
      (o, i) => html`<div class="checkbox">
        <input type="checkbox" id=${i === 0 ? id : `${id}-${i}`} name=${v.path} value=${o.value} .checked=${selected.includes(o.value)}
          @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} @blur=${v.onBlur} />
        <label for=${i === 0 ? id : `${id}-${i}`}>${localize(o.label, v.lang)}</label>
      </div>`,
    )}`,
  );
}

/** A required yes/no question: two radios, because "no" is an answer too. */
function yesNo(id: string, v: FieldView) {
  const options: [boolean, string][] = [
    [true, v.s.yes],
    [false, v.s.no],
  ];
  return fieldset(
    id,
    v,
    html`${options.map(
      ([value, label], i) => html`<div class="option">
        <input type="radio" id=${i === 0 ? id : `${id}-${i}`} name=${v.path} value=${String(value)} .checked=${v.value === value}
          aria-invalid=${v.error ? 'true' : 'false'} @change=${() => v.onChange(value)} @blur=${v.onBlur} />
        <label for=${i === 0 ? id : `${id}-${i}`}>${label}</label>
      </div>`,
    )}`,
  );
}

/** An optional yes/no: one checkbox, ticked = true, unticked = no answer. */
function checkbox(id: string, v: FieldView) {
  return html`<div class="group ${v.error ? 'invalid' : ''}" part="field">
    ${hintAndError(id, v)}
    <div class="checkbox">
      <input type="checkbox" id=${id} name=${v.path} .checked=${v.value === true} aria-invalid=${v.error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, v)} @change=${(e: Event) => v.onChange((e.target as HTMLInputElement).checked ? true : undefined)} @blur=${v.onBlur} />
      <label for=${id} part="label">${labelText(v)}</label>
    </div>
  </div>`;
}

function group(id: string, v: FieldView) {
  const entries = Array.isArray(v.value) ? (v.value as Record<string, unknown>[]) : [];
  const max = v.field.maxItems ?? 50;
  return fieldset(
    id,
    v,
    html`${entries.map((entry, i) => v.renderGroupItem!(i, entry))}
      ${entries.length < max
        ? html`<button type="button" id=${entries.length === 0 ? id : nothing} class="secondary" part="button-secondary"
            @click=${() => v.onChange([...entries, {}])}>${v.s.addItem}: ${localize(v.field.label, v.lang)}</button>`
        : nothing}`,
  );
}

export function renderField(v: FieldView): TemplateResult {
  const id = controlId(v.path);
  switch (v.field.type) {
    case 'textarea':
      return simple(id, v, textareaControl(id, v));
    case 'choice':
      return choice(id, v);
    case 'multi_choice':
      return multiChoice(id, v);
    case 'boolean':
      return v.required ? yesNo(id, v) : checkbox(id, v);
    case 'address':
      return v.address ? v.address.render(id, v) : renderAddressCodes(id, v);
    case 'group':
      return group(id, v);
    default:
      return simple(id, v, textControl(id, v));
  }
}
