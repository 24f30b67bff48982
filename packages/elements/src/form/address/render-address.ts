import { localize, type CommuneName } from '@thutuc/runtime';
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { describedBy, fieldset, FieldView } from '../field-parts.js';
import type { renderAddressCodes, setAddressPart, streetInput } from './address-codes.js';
import type { ComboState } from './combobox.js';
import type { LoadedCommunes, PlaceData } from './places.js';

/**
 * What the picker's markup takes from the element's script: lit's tag and sentinel and the
 * parts every field shares. The markup loads with the picker (thutuc-address.js), which must not
 * carry a second lit: a page would download it twice, and templates of two copies do not mix.
 */
export interface MarkupKit {
  html: typeof litHtml;
  nothing: typeof litNothing;
  describedBy: typeof describedBy;
  fieldset: typeof fieldset;
  renderAddressCodes: typeof renderAddressCodes;
  setAddressPart: typeof setAddressPart;
  streetInput: typeof streetInput;
}

/** What the markup asks of the address picker (address-picker.ts holds the state). */
export interface PickerView {
  readonly places: PlaceData;
  state(path: string): ComboState;
  set(path: string, next: ComboState): void;
  options(path: string, communes: LoadedCommunes): CommuneName[];
  key(path: string, event: KeyboardEvent, communes: LoadedCommunes, choose: (c: CommuneName | undefined) => void): boolean;
  leave(path: string, communes: LoadedCommunes, choose: (c: CommuneName | undefined) => void): void;
  reset(path: string): void;
}

type AddressValue = Record<string, string | undefined>;

/**
 * An address as people know it: a province <select>, then a commune combobox that filters the
 * chosen province's communes as one types (WAI-ARIA 1.2 combobox with a listbox popup), then
 * the street. The answer holds codes; names are for display only.
 */
export function renderAddress(kit: MarkupKit, picker: PickerView, id: string, v: FieldView): TemplateResult {
  const { html, describedBy, fieldset, renderAddressCodes, setAddressPart, streetInput } = kit;
  const provinces = picker.places.provinces();
  if (provinces === 'failed') return renderAddressCodes(id, v);
  const value = (v.value ?? {}) as AddressValue;
  const s = v.s;
  const invalid = v.error ? 'true' : 'false';
  const onProvince = (e: Event) => {
    const province = (e.target as HTMLSelectElement).value || undefined;
    picker.reset(v.path);
    // A commune belongs to one province: a new province empties it.
    setAddressPart(v, value, { province, commune: province === value.province ? value.commune : undefined });
  };
  const province = html`<div class="part">
    <label for=${id}>${s.provinceName}</label>
    <select id=${id} name=${`${v.path}/province`} part="input" aria-invalid=${invalid} aria-describedby=${describedBy(id, v)}
      aria-busy=${provinces === undefined ? 'true' : 'false'} @change=${onProvince} @blur=${v.onBlur}>
      <option value="" ?selected=${!value.province}>${s.chooseProvince}</option>
      ${(provinces ?? []).map((p) => html`<option value=${p.code} ?selected=${p.code === value.province}>${localize(p.name, v.lang)}</option>`)}
    </select>
  </div>`;
  return fieldset(id, v, html`${province}${communeCombobox(kit, picker, id, v, value)}${streetInput(id, v, value)}`);
}

function communeCombobox(kit: MarkupKit, picker: PickerView, id: string, v: FieldView, value: AddressValue): TemplateResult {
  const { html, nothing, setAddressPart } = kit;
  const s = v.s;
  const inputId = `${id}-commune`;
  const listId = `${inputId}-list`;
  const communes = picker.places.communes(value.province);
  if (communes === 'failed') return html`<p class="error" role="alert">${s.communesFailed}</p>`;
  const state = picker.state(v.path);
  const options = communes ? picker.options(v.path, communes) : [];
  const chosenName = communes && value.commune ? communes.byCode.get(value.commune)?.name : undefined;
  const text = state.query ?? chosenName ?? '';
  const choose = (c: CommuneName | undefined) => setAddressPart(v, value, { commune: c?.code });
  const optionId = (c: CommuneName) => `${inputId}-${c.code}`;
  const active = state.open && state.active >= 0 ? options[state.active] : undefined;
  const onInput = (e: Event) => {
    picker.set(v.path, { query: (e.target as HTMLInputElement).value, open: true, active: -1 });
    if (value.commune) choose(undefined);
  };
  const onKey = (e: KeyboardEvent) => {
    if (communes && picker.key(v.path, e, communes, choose)) e.preventDefault();
  };
  const onBlur = () => {
    if (communes) picker.leave(v.path, communes, choose);
    v.onBlur();
  };
  const hintId = `${inputId}-hint`;
  return html`<div class="part combobox">
    <label for=${inputId}>${s.communeName}</label>
    <p class="hint" id=${hintId}>${value.province ? s.communeHint : s.chooseProvinceFirst}</p>
    <input id=${inputId} type="text" role="combobox" name=${`${v.path}/commune`} part="input" autocomplete="off"
      aria-autocomplete="list" aria-expanded=${state.open && communes ? 'true' : 'false'} aria-controls=${listId}
      aria-activedescendant=${active ? optionId(active) : nothing} aria-invalid=${v.error ? 'true' : 'false'}
      aria-describedby=${[hintId, v.error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      ?disabled=${!value.province} aria-busy=${value.province && !communes ? 'true' : 'false'} .value=${text}
      @input=${onInput} @keydown=${onKey} @blur=${onBlur}
      @click=${() => communes && picker.set(v.path, { ...state, open: !state.open })} />
    <ul id=${listId} role="listbox" aria-label=${s.communeName} class="listbox" part="listbox" ?hidden=${!(state.open && communes)}>
      ${state.open && communes
        ? options.map(
            (c, i) => html`<li id=${optionId(c)} role="option" aria-selected=${i === state.active ? 'true' : 'false'}
              class=${c.code === value.commune ? 'chosen' : ''} @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => {
                picker.set(v.path, { query: undefined, open: false, active: -1 });
                choose(c);
              }}>${c.name}</li>`,
          )
        : nothing}
    </ul>
    <p class="visually-hidden" role="status">${state.open && communes ? (options.length ? s.communeResults(options.length) : s.noCommune) : ''}</p>
  </div>`;
}
