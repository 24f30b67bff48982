import { html, nothing, type TemplateResult } from 'lit';
import { computeSubmissionFees, formatAmount, type FeePayload, type ProvinceFeeFile, type SubmissionFees } from '@thutuc/runtime';
import type { ValidationError } from '@thutuc/runtime';
import { strings, tr } from '../../i18n.js';
import type { CompiledProcedure } from '../../types.js';
import type { ThutucForm } from '../thutuc-form.component.js';
import { controlId, formChannel } from '../state.js';

/** The same fee rules the server and the receipt use, on what the form holds now. */
export function computeFeeSummary(p: CompiledProcedure, payload: Record<string, unknown>, today: string, province?: ProvinceFeeFile): SubmissionFees {
  return computeSubmissionFees(p, { ...payload, channel: formChannel(p) } as unknown as FeePayload, { today, ...(province ? { province } : {}) });
}

export function renderFeeTable(form: ThutucForm, p: CompiledProcedure): TemplateResult {
  const lang = form.language;
  const s = strings(lang);
  const summary = computeFeeSummary(p, form.payload(), form.todayValue, form.overrides);
  if (summary.lines.length === 0) return html`<p>${s.feeNone}</p>`;
  const { lines } = summary;
  return html`<table class="fees" part="fees">
      <thead><tr><th scope="col">${lang === 'vi' ? 'Khoản thu' : 'Item'}</th><th scope="col" class="amount">${lang === 'vi' ? 'Số tiền' : 'Amount'}</th></tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <td>${line.member ? html`<span class="hint">${tr(line.member, lang)}</span><br />` : nothing}${tr(line.label, lang)}${line.detail ? html`<br /><span class="hint">${tr(line.detail, lang)}</span>` : nothing}${line.exemption ? html`<br /><span class="hint">${tr(line.exemption.reason, lang)}</span>` : nothing}${line.legalBasis?.length
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

/** Delivery choice and the live fee summary. */
export function renderFeesStep(form: ThutucForm, p: CompiledProcedure, errors: readonly ValidationError[]): TemplateResult {
  const lang = form.language;
  const s = strings(lang);
  const options = p.definition.delivery ?? [];
  const error = form.errorFor('/delivery', errors);
  const id = controlId('/delivery');
  return html`<h2 tabindex="-1" part="step-title">${s.feesTitle}</h2>
    ${options.length
      ? html`<fieldset class="group ${error ? 'invalid' : ''}" part="field">
          <legend part="label">${s.deliveryLegend}</legend>
          ${error ? html`<p class="error" part="error"><span class="visually-hidden">${s.errorPrefix} </span>${error}</p>` : nothing}
          ${options.map(
            (value, i) => html`<div class="option">
              <input type="radio" name="/delivery" id=${i === 0 ? id : `${id}-${i}`} value=${value} .checked=${form.currentDelivery === value}
                @change=${() => form.setDelivery(value)} />
              <label for=${i === 0 ? id : `${id}-${i}`}>${s.delivery[value] ?? value}</label>
            </div>`,
          )}
        </fieldset>`
      : nothing}
    ${renderFeeTable(form, p)}`;
}
