import { html, nothing, type TemplateResult } from 'lit';
import { computeFees, formatAmount, localFeeOverrides, type FeeLine, type ProvinceFeeFile } from '@thutuc/core/runtime';
import type { ValidationError } from '@thutuc/core/runtime';
import { strings, tr } from '../../i18n.js';
import type { CompiledProcedure } from '../../types.js';
import type { ThutucForm } from '../thutuc-form.component.js';
import { controlId, formChannel } from '../state.js';

export interface FeeSummary {
  /** Each line, with the member procedure it belongs to for a liên thông bundle. */
  lines: (FeeLine & { member?: { vi: string; en?: string } })[];
  total: Record<string, number>;
  complete: boolean;
}

/**
 * The same fee engine the server and the receipt use, on what the form holds now. A bundle
 * charges its own fee lines, or, when it declares none, its members' fees.
 */
export function computeFeeSummary(p: CompiledProcedure, payload: Record<string, unknown>, today: string, province?: ProvinceFeeFile): FeeSummary | undefined {
  const channel = formChannel(p);
  const parts: { procedure: CompiledProcedure['definition']; id: string; conditions: CompiledProcedure['conditions']; payload: Record<string, unknown>; member?: { vi: string; en?: string } }[] = [
    { procedure: p.definition, id: p.id, conditions: p.conditions, payload: { ...payload, channel } },
  ];
  // A bundle that lists fee lines of its own (as the portal's record of it does) charges those;
  // one that lists none charges its members' fees on the submissions it splits into.
  const ownLines = p.definition.channels.find((c) => c.channel === channel)?.fees.length ?? 0;
  if (p.split && p.members && ownLines === 0) {
    p.split({ ...payload, channel }, { today }).forEach((part, i) => {
      const member = p.members![i]!;
      parts.push({ procedure: member.module.definition, id: member.id, conditions: member.module.conditions, payload: part.payload, member: member.module.definition.title });
    });
  }
  const summary: FeeSummary = { lines: [], total: {}, complete: true };
  for (const part of parts) {
    const overrides = localFeeOverrides(province, part.id, String(part.payload.channel));
    const result = computeFees(part.procedure, part.conditions, part.payload as unknown as Parameters<typeof computeFees>[2], { today, ...(overrides ? { overrides } : {}) });
    summary.lines.push(...result.lines.map((line) => (part.member ? { ...line, member: part.member } : line)));
    for (const [currency, amount] of Object.entries(result.totals)) summary.total[currency] = (summary.total[currency] ?? 0) + amount;
    summary.complete &&= result.complete;
  }
  return summary;
}

export function renderFeeTable(form: ThutucForm, p: CompiledProcedure): TemplateResult {
  const lang = form.language;
  const s = strings(lang);
  const summary = computeFeeSummary(p, form.payload(), form.todayValue, form.overrides);
  if (!summary || summary.lines.length === 0) return html`<p>${s.feeNone}</p>`;
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
