import { html, type TemplateResult } from 'lit';
import { todayInVietnam } from '@thutuc/runtime';
import { DeskPage } from '../shared.js';
import { periodOf, renderPeriodForm } from '../views/period-form.js';
import { registerStrings } from './register-strings.js';

/**
 * The agency's register, Mẫu 07 (`#/register?from=…&to=…`): pick a period, then open the
 * printable register the server draws up (paginated there) or download it as CSV. Both are
 * plain links to the officer API, so the browser's own printing and downloading apply and the
 * session cookie goes with them. The period defaults to this month so far.
 */
export class ThutucDeskRegister extends DeskPage {
  static override properties = { ...DeskPage.properties, query: { attribute: false } };

  declare query: URLSearchParams;

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  override firstUpdated(): void {
    if (this.focusOnLoad) {
      this.focusOnLoad = false;
      this.focusFirst('h1');
    }
  }

  override render(): TemplateResult {
    const s = registerStrings(this.lang);
    const today = todayInVietnam();
    const chosen = periodOf(this.query);
    const from = chosen.get('from') ?? `${today.slice(0, 8)}01`;
    const to = chosen.get('to') ?? today;
    const reversed = from > to;
    const link = (format: 'html' | 'csv') => this.client.url(`/register?${new URLSearchParams({ from, to, format })}`);
    return html`<section class="panel">
      <h1 id="register-title" tabindex="-1">${s.title}</h1>
      <p>${s.intro}</p>
      ${renderPeriodForm({ lang: this.lang, from, to, target: '#/register', problem: reversed ? s.reversed : undefined })}
      ${reversed
        ? ''
        : html`<p>${s.period(from, to)}</p>
            <ul class="plain">
              <li><a href=${link('html')} target="_blank" rel="noopener">${s.open}</a> <span class="hint">${s.newTab}</span></li>
              <li><a href=${link('csv')} download>${s.csv}</a></li>
            </ul>`}
    </section>`;
  }
}
