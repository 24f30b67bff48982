import { html, nothing, type TemplateResult } from 'lit';
import { blank, describedBy, fieldset, type FieldView } from '../field-parts.js';

type AddressValue = Record<string, string | undefined>;

/** Sets one part of an address; an address with no part left is no answer at all. */
export function setAddressPart(v: FieldView, value: AddressValue, changes: AddressValue): void {
  const next = { ...value, ...changes };
  v.onChange(Object.values(next).some((x) => x !== undefined) ? next : undefined);
}

/** The street part, the same in both renderings. */
export function streetInput(id: string, v: FieldView, value: AddressValue): TemplateResult {
  return html`<div class="part">
    <label for=${`${id}-street`}>${v.s.street}</label>
    <input id=${`${id}-street`} type="text" name=${`${v.path}/street`} part="input" autocomplete="street-address"
      .value=${value.street ?? ''} aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy(id, v)}
      @input=${(e: Event) => setAddressPart(v, value, { street: blank((e.target as HTMLInputElement).value) })} @blur=${v.onBlur} />
  </div>`;
}

/**
 * An address typed as codes: what the form falls back to when the catalogue it loads from has
 * no administrative units (no `communes/provinces.json`).
 */
export function renderAddressCodes(id: string, v: FieldView): TemplateResult {
  const value = (v.value ?? {}) as AddressValue;
  const code = (name: 'province' | 'commune', label: string) => {
    const partId = name === 'province' ? id : `${id}-${name}`;
    return html`<div class="part">
      <label for=${partId}>${label}</label>
      <input id=${partId} type="text" class="short" inputmode="numeric" name=${`${v.path}/${name}`} part="input"
        .value=${value[name] ?? ''} aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy(id, v) ?? nothing}
        @input=${(e: Event) => setAddressPart(v, value, { [name]: blank((e.target as HTMLInputElement).value) })} @blur=${v.onBlur} />
    </div>`;
  };
  return fieldset(id, v, html`${code('province', v.s.province)}${code('commune', v.s.commune)}${streetInput(id, v, value)}`);
}
