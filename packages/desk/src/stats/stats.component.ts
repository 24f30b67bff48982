import { css, html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import { DeskPage, problemOf } from '../shared.js';
import { periodOf, renderPeriodForm } from '../views/period-form.js';
import { deskStyles } from '../styles.js';
import { renderShareChart } from './share-chart.js';
import { statsStrings } from './stats-strings.js';
import { renderFiguresTable } from './stats-tables.js';
import type { OnlineShareTargets, Statistics } from './stats-types.js';
import { renderTargetsForm } from './targets-form.js';

/**
 * The agency's statistics for a period (`#/stats?from=…&to=…`): what was received and how,
 * the online share per field against the agency's target as a chart and as tables, the
 * standing against time limits, a CSV download, and for admins the targets themselves.
 */
export class ThutucDeskStats extends DeskPage {
  static override styles = [
    deskStyles,
    css`
      .scroll { overflow-x: auto; margin-bottom: 1rem; }
      /* Names keep a readable width; the figures scroll beside them. */
      .scroll th[scope='row'], .scroll thead th:first-child { min-width: 14rem; }
      .share-chart { max-width: 48rem; display: block; margin-bottom: 1rem; }
    `,
  ];
  static override properties = {
    ...DeskPage.properties, query: { attribute: false }, admin: { type: Boolean },
    stats: { state: true }, problem: { state: true }, targetsError: { state: true },
  };

  declare query: URLSearchParams;
  /** The officer may change the targets (role admin); the server checks it again. */
  declare admin: boolean;
  declare stats: Statistics | undefined;
  declare problem: LocalizedText | undefined;
  declare targetsError: string | undefined;
  private loaded: string | undefined;

  constructor() {
    super();
    this.query = new URLSearchParams();
    this.admin = false;
  }

  private period(): URLSearchParams {
    return periodOf(this.query);
  }

  override willUpdate(): void {
    const wanted = this.period().toString();
    if (wanted !== this.loaded && this.client) {
      this.loaded = wanted;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.stats = await this.client.request<Statistics>(`/stats?${this.period()}`);
      this.problem = undefined;
      this.announce(statsStrings(this.lang).asOf(this.stats.agency, this.stats.period.from, this.stats.period.to, this.stats.asOf));
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = problemOf(error);
    }
    if (this.focusOnLoad) {
      this.focusOnLoad = false;
      this.focusFirst('h1');
    }
  }

  private async saveTargets(targets: OnlineShareTargets): Promise<void> {
    const saved = await this.run(async () => {
      await this.client.request('/stats/targets', { method: 'PUT', body: targets });
      return true;
    }, (p) => (this.targetsError = localize(p, this.lang)));
    if (!saved) return;
    this.targetsError = undefined;
    await this.load();
    this.announce(statsStrings(this.lang).saved);
  }

  override render(): TemplateResult {
    const s = statsStrings(this.lang);
    const st = this.stats;
    // Sections carry no accessible name, so only the tables' scrolling regions are landmarks.
    return html`<section class="panel">
        <h1 id="stats-title" tabindex="-1">${s.title}</h1>
        ${renderPeriodForm({ lang: this.lang, from: st?.period.from ?? this.query.get('from') ?? '', to: st?.period.to ?? this.query.get('to') ?? '', target: '#/stats' })}
      </section>
      ${this.problem ? html`<p class="notice problem" role="alert">${localize(this.problem, this.lang)}</p>` : nothing}
      ${st ? this.renderFigures(st) : nothing}`;
  }

  private renderFigures(st: Statistics) {
    const s = statsStrings(this.lang);
    const csv = this.client.url(`/stats?${new URLSearchParams({ from: st.period.from, to: st.period.to, format: 'csv', lang: this.lang })}`);
    const fields = [...st.byField, ...Object.keys(st.targets.fields).filter((k) => !st.byField.some((f) => f.key === k)).map((key) => ({ key, name: { vi: key } }))];
    return html`<section class="panel">
        <h2 id="stats-total">${s.total}</h2>
        <p>${s.asOf(st.agency, st.period.from, st.period.to, st.asOf)} <a href=${csv} download>${s.csv}</a></p>
        ${st.total.received === 0 ? html`<p>${s.none}</p>` : renderFiguresTable('total-table', s.total, s.total, [{ name: st.agency, figures: st.total }], this.lang, true)}
      </section>
      ${st.byField.length
        ? html`<section class="panel">
            <h2 id="stats-fields">${s.byField}</h2>
            ${renderShareChart(st.byField, this.lang)}
            ${renderFiguresTable('field-table', s.byField, s.field, st.byField.map((f) => ({ name: localize(f.name, this.lang), figures: f })), this.lang, true)}
            ${renderFiguresTable('level-table', s.byLevel, s.level, st.byLevel.map((l) => ({ name: localize(l.label, this.lang), figures: l })), this.lang, false)}
            ${renderFiguresTable('procedure-table', s.byProcedure, s.procedure, st.byProcedure.map((p) => ({ name: localize(p.title, this.lang), figures: p })), this.lang, false)}
          </section>`
        : nothing}
      ${this.admin
        ? renderTargetsForm({
            lang: this.lang, targets: st.targets, fields, busy: this.busy, ...(this.targetsError ? { error: this.targetsError } : {}),
            onSubmit: (t) => void this.saveTargets(t), onInvalid: (m) => (this.targetsError = m),
          })
        : nothing}`;
  }
}
