// Registers <thutuc-status>; dist/thutuc-status.js is this file bundled with Lit (scripts/bundle.js).
import { ThutucStatus } from './status/thutuc-status.component.js';

export { ThutucStatus };

// Registering twice (two copies of the script on a page) must not throw.
if (!customElements.get('thutuc-status')) customElements.define('thutuc-status', ThutucStatus);

declare global {
  interface HTMLElementTagNameMap {
    'thutuc-status': ThutucStatus;
  }
}
