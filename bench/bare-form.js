// The yardstick for the render figures: a bare Lit element that renders the same controls as
// <thutuc-form> for a section (a label and an input, a select, radios, a checkbox or a text
// area per field), with no validation, conditions, drafts or styles. Bundled by bench/render.js.
import { LitElement, html } from 'lit';

const INPUT_TYPES = { date: 'date', number: 'number', email: 'email', phone: 'tel' };

class BareForm extends LitElement {
  static properties = { fields: { attribute: false } };

  constructor() {
    super();
    this.fields = [];
    this.values = {};
  }

  control(f) {
    const id = `f-${f.id}`;
    const set = (e) => (this.values[f.id] = e.target.value);
    if (f.type === 'textarea') return html`<textarea id=${id} name=${f.id} @input=${set}></textarea>`;
    if (f.type === 'boolean') return html`<input type="checkbox" id=${id} name=${f.id} @change=${set} />`;
    if (f.type === 'choice')
      return html`${f.options.map((o, i) => html`<input type="radio" id=${`${id}-${i}`} name=${f.id} value=${o.value} @change=${set} /><label for=${`${id}-${i}`}>${o.label.vi}</label>`)}`;
    return html`<input id=${id} name=${f.id} type=${INPUT_TYPES[f.type] ?? 'text'} .value=${this.values[f.id] ?? ''} @input=${set} />`;
  }

  render() {
    return html`<form novalidate>
      ${this.fields.map((f) => html`<div class="group"><label for=${`f-${f.id}`}>${f.label.vi}</label>${this.control(f)}</div>`)}
      <button type="submit">Tiếp tục</button>
    </form>`;
  }
}
customElements.define('bare-form', BareForm);
