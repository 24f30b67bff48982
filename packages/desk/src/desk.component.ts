import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import { ApiError, DeskApi, type Session } from './api.js';
import { strings, type Lang } from './i18n.js';
import { parseRoute, type Route } from './route.js';
import { deskStyles } from './styles.js';
import { renderSignIn } from './views/sign-in.js';
import { renderDeskNav } from './stats/desk-nav.js';

/**
 * The officers' desk: signs in against @thutuc/intake's officer API, then shows the agency's
 * inbox, one dossier, the statistics or the register, by the address's fragment (see route.ts). Pages announce themselves
 * through one live region and move focus to their heading, so screen-reader and keyboard
 * users know where they are after each step.
 *
 * @csspart banner - the top bar with the officer's name
 * @cssproperty --thutuc-color-primary - buttons and links (default #005ea5)
 */
export class ThutucDesk extends LitElement {
  static override styles = [deskStyles];
  static override properties = {
    api: { type: String },
    lang: { type: String, reflect: true },
    session: { state: true },
    route: { state: true },
    busy: { state: true },
    signInError: { state: true },
    notice: { state: true },
    announcement: { state: true },
  };

  /** Base URL of the officer API (default `/api/officer`). */
  declare api: string;
  declare lang: Lang;
  declare session: Session | null | undefined;
  declare route: Route;
  declare busy: boolean;
  declare signInError: LocalizedText | undefined;
  declare notice: string | undefined;
  declare announcement: string;
  private client?: DeskApi;
  private focusNext = false;

  constructor() {
    super();
    this.api = '/api/officer';
    this.lang = 'vi';
    this.session = undefined;
    this.route = parseRoute(location.hash);
    this.busy = false;
    this.announcement = '';
  }

  private readonly onHash = () => {
    this.route = parseRoute(location.hash);
    this.focusNext = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.client = new DeskApi(this.api);
    void this.restore();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private async restore(): Promise<void> {
    try {
      const session = await this.client!.session();
      this.client!.csrfToken = session.csrfToken;
      this.session = session;
    } catch {
      this.session = null;
    }
  }

  private async signIn(username: string, password: string): Promise<void> {
    this.busy = true;
    this.signInError = undefined;
    try {
      this.session = await this.client!.signIn(username, password);
      this.notice = undefined;
      this.focusNext = true;
    } catch (error) {
      this.signInError = error instanceof ApiError ? error.reason : { vi: String(error), en: String(error) };
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    await this.client!.signOut().catch(() => undefined);
    this.session = null;
    this.notice = strings(this.lang).signedOut;
    this.focusNext = true;
  }

  /** A child page met a 401: the session ended elsewhere (expired, signed out in another tab). */
  private readonly onExpired = () => {
    this.session = null;
    this.notice = strings(this.lang).sessionExpired;
    this.focusNext = true;
  };

  private readonly onAnnounce = (e: Event) => {
    // Cleared first, so the same words said twice are announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = (e as CustomEvent<string>).detail));
  };

  override updated(): void {
    document.documentElement.lang = this.lang;
    document.title = strings(this.lang).appTitle;
    if (this.session === null && this.focusNext) {
      this.focusNext = false;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  override render(): TemplateResult {
    const s = strings(this.lang);
    const other: Lang = this.lang === 'vi' ? 'en' : 'vi';
    const officer = this.session?.officer;
    return html`<header class="panel" part="banner">
        <div class="toolbar">
          <p><strong>${s.appTitle}</strong>${officer ? html` · ${officer.displayName} (${officer.roles.map((r) => s.roles[r] ?? r).join(', ')}) · ${officer.agencyCode}` : nothing}</p>
          <button type="button" class="secondary" lang=${other} @click=${() => (this.lang = other)}>${s.otherLang}</button>
          ${officer ? html`<button type="button" class="secondary" @click=${() => this.signOut()}>${s.signOut}</button>` : nothing}
        </div>
        ${officer ? renderDeskNav(this.route.page, this.lang) : nothing}
      </header>
      <main @desk-expired=${this.onExpired} @desk-announce=${this.onAnnounce}>${this.renderPage()}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderPage() {
    if (this.session === undefined) return html`<p class="panel">${strings(this.lang).loading}</p>`;
    if (this.session === null) {
      return renderSignIn({ lang: this.lang, busy: this.busy, error: this.signInError, notice: this.notice, onSubmit: (u, p) => void this.signIn(u, p) });
    }
    const focus = this.focusNext;
    this.focusNext = false;
    if (this.route.page === 'register') {
      return html`<thutuc-desk-register .client=${this.client} .lang=${this.lang} .query=${this.route.query} .focusOnLoad=${focus}></thutuc-desk-register>`;
    }
    if (this.route.page === 'stats') {
      return html`<thutuc-desk-stats .client=${this.client} .lang=${this.lang} .query=${this.route.query} .admin=${this.session.officer.roles.includes('admin')} .focusOnLoad=${focus}></thutuc-desk-stats>`;
    }
    if (this.route.page === 'dossier') {
      return html`<thutuc-desk-dossier .client=${this.client} .lang=${this.lang} .code=${this.route.code} .roles=${this.session.officer.roles} .focusOnLoad=${focus}></thutuc-desk-dossier>`;
    }
    return html`<thutuc-desk-inbox .client=${this.client} .lang=${this.lang} .query=${this.route.query} .focusOnLoad=${focus}></thutuc-desk-inbox>`;
  }
}
