import { html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import type { InboxPage } from './api.js';
import { strings, vietnamDateTime } from './i18n.js';
import { dossierHref, inboxHref } from './route.js';
import { DeskPage, problemOf } from './shared.js';

/** Filters the inbox understands, as they travel in the address and to the server. */
const FILTERS = ['q', 'status', 'procedure', 'dueWithin', 'overdue', 'page'] as const;

/**
 * The agency's dossiers, one server-side page at a time, with filters (status, procedure,
 * due within N working days, overdue) and search by code or name. The filters live in the
 * address, so a filtered list can be bookmarked and the back button undoes a filter.
 */
export class ThutucDeskInbox extends DeskPage {
  static override properties = { ...DeskPage.properties, query: { attribute: false }, result: { state: true }, problem: { state: true } };

  declare query: URLSearchParams;
  declare result: InboxPage | undefined;
  declare problem: LocalizedText | undefined;
  private loaded: string | undefined;

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  override willUpdate(): void {
    const wanted = this.serverQuery().toString();
    if (wanted !== this.loaded && this.client) {
      const first = this.loaded === undefined;
      this.loaded = wanted;
      void this.load(first);
    }
  }

  private serverQuery(): URLSearchParams {
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = this.query.get(key)?.trim();
      if (value) q.set(key, value);
    }
    return q;
  }

  private async load(first: boolean): Promise<void> {
    const s = strings(this.lang);
    try {
      this.result = await this.client.inbox(this.serverQuery());
      this.problem = undefined;
      this.announce(s.found(this.result.total));
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = problemOf(error);
    }
    if (this.focusOnLoad) {
      this.focusOnLoad = false;
      this.focusFirst(first ? 'h1' : '#results');
    }
  }

  private filter(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next = new URLSearchParams();
    for (const key of ['q', 'status', 'procedure', 'dueWithin', 'overdue']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    location.hash = inboxHref(next);
  }

  private pageHref(page: number): string {
    const next = new URLSearchParams(this.serverQuery());
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return inboxHref(next);
  }

  override render(): TemplateResult {
    const s = strings(this.lang);
    const r = this.result;
    const q = this.query;
    return html`<section class="panel" aria-labelledby="inbox-title">
      <h1 id="inbox-title" tabindex="-1">${s.inbox}</h1>
      <form role="search" aria-label=${s.filters} @submit=${(e: SubmitEvent) => this.filter(e)}>
        <div class="field">
          <label for="q">${s.search}</label>
          <p class="hint" id="q-hint">${s.searchHint}</p>
          <input id="q" name="q" type="search" maxlength="100" aria-describedby="q-hint" .value=${q.get('q') ?? ''} />
        </div>
        <div class="toolbar">
          <div class="field">
            <label for="status">${s.status}</label>
            <select id="status" name="status">
              <option value="">${s.allStatuses}</option>
              ${(r?.statuses ?? []).map((st) => html`<option value=${st.code} ?selected=${q.get('status') === String(st.code)}>${st.code}. ${localize(st.label, this.lang)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="procedure">${s.procedure}</label>
            <select id="procedure" name="procedure">
              <option value="">${s.allProcedures}</option>
              ${(r?.procedures ?? []).map((p) => html`<option value=${p.id} ?selected=${q.get('procedure') === p.id}>${localize(p.title, this.lang)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="dueWithin">${s.dueWithin}</label>
            <input id="dueWithin" name="dueWithin" type="number" min="0" max="365" inputmode="numeric" .value=${q.get('dueWithin') ?? ''} />
          </div>
          <div class="check">
            <input id="overdue" name="overdue" type="checkbox" value="true" .checked=${q.get('overdue') === 'true'} />
            <label for="overdue">${s.overdueOnly}</label>
          </div>
        </div>
        <p class="actions"><button type="submit">${s.apply}</button><a href="#/">${s.clear}</a></p>
      </form>
    </section>
    ${this.problem ? html`<p class="notice problem" role="alert"><span class="visually-hidden">${s.errorPrefix} </span>${localize(this.problem, this.lang)}</p>` : nothing}
    ${r ? this.renderResults(r) : html`<p>${s.loading}</p>`}`;
  }

  private renderResults(r: InboxPage) {
    const s = strings(this.lang);
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    return html`<section class="panel" aria-labelledby="results">
      <h2 id="results" tabindex="-1">${s.found(r.total)}${pages > 1 ? html` · ${s.pageOf(r.page, pages)}` : nothing}</h2>
      ${r.dossiers.length === 0
        ? html`<p>${s.noDossiers}</p>`
        : html`<table>
            <caption class="visually-hidden">${s.inbox}, ${s.pageOf(r.page, pages)}</caption>
            <thead><tr><th scope="col">${s.code}</th><th scope="col">${s.procedure}</th><th scope="col">${s.applicant}</th><th scope="col">${s.status}</th><th scope="col">${s.submittedAt}</th><th scope="col">${s.due}</th></tr></thead>
            <tbody>
              ${r.dossiers.map(
                (d) => html`<tr>
                  <td><a href=${dossierHref(d.code)}>${d.code}</a></td>
                  <td>${d.title ? localize(d.title, this.lang) : d.procedure}</td>
                  <td>${d.applicant ?? s.none}</td>
                  <td>${localize(d.statusLabel, this.lang)}</td>
                  <td>${vietnamDateTime(d.submittedAt)}</td>
                  <td>${vietnamDateTime(d.due)}${d.overdue ? html` <span class="tag overdue">${s.overdue}</span>` : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${pages > 1 ? this.renderPages(r.page, pages) : nothing}
    </section>`;
  }

  private renderPages(page: number, pages: number) {
    const s = strings(this.lang);
    const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
    return html`<nav class="pages" aria-label=${s.pages}>
      <ul>
        ${page > 1 ? html`<li><a href=${this.pageHref(page - 1)} rel="prev">${s.previous}</a></li>` : nothing}
        ${shown.map((n) => html`<li><a href=${this.pageHref(n)} aria-current=${n === page ? 'page' : nothing} aria-label=${s.page(n)}>${n}</a></li>`)}
        ${page < pages ? html`<li><a href=${this.pageHref(page + 1)} rel="next">${s.next}</a></li>` : nothing}
      </ul>
    </nav>`;
  }
}
