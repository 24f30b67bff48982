import { LitElement } from 'lit';
import type { LocalizedText } from '@thutuc/runtime';
import { ApiError, type DeskApi } from './api.js';
import type { Lang } from './i18n.js';
import { deskStyles } from './styles.js';

/**
 * What the desk's pages share: the API client and language from <thutuc-desk>, telling the
 * shell when the session is gone, and announcing results through its live region.
 */
export class DeskPage extends LitElement {
  static override styles = [deskStyles];
  static override properties = { client: { attribute: false }, lang: { type: String }, focusOnLoad: { type: Boolean }, busy: { state: true } };

  declare client: DeskApi;
  declare lang: Lang;
  /** Move focus to the page's heading once it has loaded (set after navigation). */
  declare focusOnLoad: boolean;
  /** A request started by `run` is under way: its buttons are disabled. */
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'vi';
    this.focusOnLoad = false;
    this.busy = false;
  }

  /**
   * Runs one request the officer asked for: `busy` meanwhile; a lost session goes to the shell,
   * any other failure to `failed` in words. Answers the task's value, or undefined if it failed.
   */
  protected async run<T>(task: () => Promise<T>, failed: (problem: LocalizedText) => void): Promise<T | undefined> {
    this.busy = true;
    try {
      return await task();
    } catch (error) {
      if (!this.sessionLost(error)) failed(problemOf(error));
      return undefined;
    } finally {
      this.busy = false;
    }
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

/** An API refusal's own words, or the error as text. */
export const problemOf = (error: unknown): LocalizedText => (error instanceof ApiError ? error.reason : { vi: String(error), en: String(error) });
