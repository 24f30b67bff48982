import { ThutucForm } from './form/thutuc-form.component.js';

export { ThutucForm };

// Registering twice (two copies of the script on a page) must not throw.
if (!customElements.get('thutuc-form')) customElements.define('thutuc-form', ThutucForm);

declare global {
  interface HTMLElementTagNameMap {
    'thutuc-form': ThutucForm;
  }
}
