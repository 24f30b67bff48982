import { LitElement } from 'lit';
import { ApiError, type DeskApi } from './api.js';
import type { Lang } from './i18n.js';
import { deskStyles } from './styles.js';

/**
 * What the desk's pages share: the API client and language from <thutuc-desk>, telling the
 * shell when the session is gone, and announcing results through its live region.
 */
export class DeskPage extends LitElement {
  static override styles = [deskStyles];
  static override properties = { client: { attribute: false }, lang: { type: String }, focusOnLoad: { type: Boolean } };

  declare client: DeskApi;
  declare lang: Lang;
  /** Move focus to the page's heading once it has loaded (set after navigation). */
  declare focusOnLoad: boolean;

  constructor() {
    super();
    this.lang = 'vi';
    this.focusOnLoad = false;
  }

  protected announce(text: string): void {
    this.dispatchEvent(new CustomEvent('desk-announce', { detail: text, bubbles: true, composed: true }));
  }

  /** True when the error was a lost session, which the shell handles by showing the sign-in. */
  protected sessionLost(error: unknown): boolean {
    if (error instanceof ApiError && error.status === 401) {
      this.dispatchEvent(new CustomEvent('desk-expired', { bubbles: true, composed: true }));
      return true;
    }
    return false;
  }

  protected focusFirst(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
