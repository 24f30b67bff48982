import { html, nothing, type TemplateResult } from 'lit';
import { formatAmount, localize, type SubmissionFees } from '@thutuc/runtime';
import { strings, type Lang } from '../../i18n.js';
import type { CompiledProcedure } from '../../types.js';
import { controlId } from '../state.js';

/** The fee lines and totals of a fee summary (computeFeeSummary in state.ts). */
export function renderFeeTable(summary: SubmissionFees, lang: Lang): TemplateResult {
  const s = strings(lang);
  if (summary.lines.length === 0) return html`<p>${s.feeNone}</p>`;
  const { lines } = summary;
  return html`<table class="fees" part="fees">
      <thead><tr><th scope="col">${localize({ vi: 'Khoản thu', en: 'Item' }, lang)}</th><th scope="col" class="amount">${localize({ vi: 'Số tiền', en: 'Amount' }, lang)}</th></tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <td>${line.member ? html`<span class="hint">${localize(line.member, lang)}</span><br />` : nothing}${localize(line.label, lang)}${line.detail ? html`<br /><span class="hint">${localize(line.detail, lang)}</span>` : nothing}${line.exemption ? html`<br /><span class="hint">${localize(line.exemption.reason, lang)}</span>` : nothing}${line.legalBasis?.length
              ? html`<br /><span class="hint">${line.legalBasis.join('; ')}</span>`
              : nothing}</td>
            <td class="amount">${line.status === 'local' ? s.feeLocal : line.status === 'exempt' ? s.feeExempt : formatAmount(line.amount ?? 0, line.currency, lang)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        ${Object.entries(summary.totals).map(([currency, amount]) => html`<tr><th scope="row">${s.feeTotal}</th><td class="amount"><strong>${formatAmount(amount, currency, lang)}</strong></td></tr>`)}
      </tfoot>
    </table>
    ${summary.complete ? nothing : html`<p class="hint">${s.feeIncomplete}</p>`}`;
}

export interface FeesView {
  procedure: CompiledProcedure;
  lang: Lang;
  delivery: string | undefined;
  fees: SubmissionFees;
  /** Error text for a path, when it is to be shown. */
  errorFor(path: string): string | undefined;
  onDelivery(delivery: string): void;
}

/** Delivery choice and the live fee summary. */
export function renderFeesStep(v: FeesView): TemplateResult {
  const { lang } = v;
  const s = strings(lang);
  const options = v.procedure.definition.delivery ?? [];
  const error = v.errorFor('/delivery');
  const id = controlId('/delivery');
  return html`<h2 tabindex="-1" part="step-title">${s.feesTitle}</h2>
    ${options.length
      ? html`<fieldset class="group ${error ? 'invalid' : ''}" part="field">
          <legend part="label">${s.deliveryLegend}</legend>
          ${error ? html`<p class="error" part="error"><span class="visually-hidden">${s.errorPrefix} </span>${error}</p>` : nothing}
          ${options.map(
            (value, i) => html`<div class="option">
              <input type="radio" name="/delivery" id=${i === 0 ? id : `${id}-${i}`} value=${value} .checked=${v.delivery === value}
                @change=${() => v.onDelivery(value)} />
              <label for=${i === 0 ? id : `${id}-${i}`}>${s.delivery[value] ?? value}</label>
            </div>`,
          )}
        </fieldset>`
      : nothing}
    ${renderFeeTable(v.fees, lang)}`;
}
