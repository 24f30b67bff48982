import { html, nothing, type TemplateResult } from 'lit';
import { computeFees, formatAmount } from '@thutuc/core/runtime';
import type { ValidationError } from '@thutuc/core/runtime';
import { strings, tr } from '../../i18n.js';
import type { CompiledProcedure } from '../../types.js';
import type { ThutucForm } from '../thutuc-form.component.js';
import { controlId, formChannel } from '../state.js';

export interface FeeSummary {
  result: ReturnType<typeof computeFees>;
  total: Record<string, number>;
  complete: boolean;
}

/** The same fee engine the server and the receipt use, on what the form holds now. */
export function computeFeeSummary(p: CompiledProcedure, payload: Record<string, unknown>, today: string): FeeSummary | undefined {
  const result = computeFees(p.definition, p.conditions, { ...payload, channel: formChannel(p) } as Parameters<typeof computeFees>[2], { today });
  return { result, total: result.totals, complete: result.complete };
}

export function renderFeeTable(form: ThutucForm, p: CompiledProcedure): TemplateResult {
  const lang = form.language;
  const s = strings(lang);
  const summary = computeFeeSummary(p, form.payload(), form.todayValue);
  if (!summary || summary.result.lines.length === 0) return html`<p>${s.feeNone}</p>`;
  const { lines } = summary.result;
  return html`<table class="fees" part="fees">
      <thead><tr><th scope="col">${lang === 'vi' ? 'Khoản thu' : 'Item'}</th><th scope="col" class="amount">${lang === 'vi' ? 'Số tiền' : 'Amount'}</th></tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr>
            <td>${tr(line.label, lang)}${line.detail ? html`<br /><span class="hint">${tr(line.detail, lang)}</span>` : nothing}${line.exemption ? html`<br /><span class="hint">${tr(line.exemption.reason, lang)}</span>` : nothing}${line.legalBasis?.length
              ? html`<br /><span class="hint">${line.legalBasis.join('; ')}</span>`
              : nothing}</td>
            <td class="amount">${line.status === 'local' ? s.feeLocal : line.status === 'exempt' ? s.feeExempt : formatAmount(line.amount ?? 0, line.currency, lang)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        ${Object.entries(summary.total).map(([currency, amount]) => html`<tr><th scope="row">${s.feeTotal}</th><td class="amount"><strong>${formatAmount(amount, currency, lang)}</strong></td></tr>`)}
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
