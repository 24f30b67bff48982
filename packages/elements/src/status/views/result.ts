import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../dates.js';
import type { Lang } from '../../i18n.js';
import type { LookupAnswer } from '../api.js';
import { statusStrings } from '../status-strings.js';

export interface ResultView {
  lang: Lang;
  result: NonNullable<LookupAnswer['result']>;
  busy: boolean;
  problem: string | undefined;
  onDownload(): void;
}

/** How the result arrives: the electronic copy to download, the parcel's tracking, or the appointment. */
export function renderResult(v: ResultView): TemplateResult {
  const { result, lang } = v;
  const s = statusStrings(lang);
  return html`<section class="item" part="result" aria-labelledby="result-title">
    <h3 id="result-title">${s.resultTitle}</h3>
    ${result.method ? html`<p>${s.method[result.method] ?? result.method}</p>` : nothing}
    ${result.ready
      ? html`<dl class="facts">
          ${result.carrier ? html`<dt>${s.carrier}</dt><dd>${result.carrier}</dd>` : nothing}
          ${result.tracking ? html`<dt>${s.tracking}</dt><dd>${result.tracking}</dd>` : nothing}
          ${result.place ? html`<dt>${s.place}</dt><dd>${result.place}</dd>` : nothing}
          ${result.appointment ? html`<dt>${s.appointment}</dt><dd>${formatDate(result.appointment, lang)}</dd>` : nothing}
        </dl>`
      : html`<p>${s.resultNotReady}</p>`}
    ${v.problem ? html`<div class="error-summary" role="alert" part="error-summary"><p>${s.downloadFailed} ${v.problem}</p></div>` : nothing}
    ${result.downloadable
      ? html`<div class="actions"><button type="button" part="button" ?disabled=${v.busy} aria-busy=${v.busy ? 'true' : 'false'} @click=${v.onDownload}>${v.busy ? s.downloading : s.download}</button></div>`
      : nothing}
  </section>`;
}
