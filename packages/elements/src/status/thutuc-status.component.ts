import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { hasStrings, loadStrings, type Lang } from '../i18n.js';
import type { LookupAnswer } from './api.js';
import { StatusController } from './status-controller.js';
import { statusStrings } from './status-strings.js';
import { statusStyles } from './thutuc-status.styles.js';
import { renderLookupForm } from './views/lookup-form.js';
import { renderPayment } from './views/payment.js';
import { renderResult } from './views/result.js';
import { renderSummary } from './views/summary.js';
import { renderSupplement } from './views/supplement.js';
import { renderTimeline } from './views/timeline.js';

/**
 * The applicant's status page for one dossier: look it up with the code and lookup secret
 * from the receipt (or a link carrying them), then see the national status, the procedure's
 * steps, the due date and working days left, and what to do next — send missing documents,
 * pay, or download the electronic result.
 *
 * A link opens it filled in when the page address ends in `#code=<dossier code>&secret=<lookup
 * secret>`: the part after `#` never leaves the browser, and the element sends both values in
 * request bodies only.
 *
 * @summary Tracks a dossier: status, timeline, supplement upload, payment, result download.
 *
 * @attr api - Base URL of the intake API (default `/api`): `lookup`, `supplements`, `payments`, `result` below it.
 * @attr lang - `vi` (default) or `en`.
 * @attr code - A dossier code to fill in.
 *
 * @csspart form - The lookup form.
 * @csspart step-title - The heading (lookup form, or the procedure once found).
 * @csspart field - A field's group (label, hint, error, control).
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart input - Text inputs.
 * @csspart button - Primary buttons.
 * @csspart button-secondary - Secondary buttons.
 * @csspart error-summary - A box saying what went wrong.
 * @csspart summary - The dossier at a glance (status, dates, what to do).
 * @csspart status - The national status label and code.
 * @csspart time - Working days left, paused or overdue.
 * @csspart todo - What the applicant must do next.
 * @csspart timeline - The list of the procedure's steps.
 * @csspart timeline-step - One step; also `done`, `current`, `pending`, `skipped` (not part of this dossier's way) or `if-needed`.
 * @csspart supplement - The supplement upload.
 * @csspart payment - Fees due and the pay buttons.
 * @csspart fees - The fee lines.
 * @csspart transfer - Bank transfer details (VietQR).
 * @csspart qr - The VietQR code.
 * @csspart result - How the result arrives; the download button.
 * @csspart notice - Confirmations.
 *
 * @cssprop --thutuc-color-primary - Buttons, links, the current step (default #005ea5).
 * @cssprop --thutuc-color-text - Body text (default #1b1b1b).
 * @cssprop --thutuc-color-hint - Hints and step states (default #505a5f).
 * @cssprop --thutuc-color-error - Errors, overdue (default #b00020).
 * @cssprop --thutuc-color-success - Steps done, result ready (default #00703c).
 * @cssprop --thutuc-focus-color - Focus ring (default #ffbf47).
 * @cssprop --thutuc-font-family - Font stack.
 * @cssprop --thutuc-max-width - Largest width (default 48rem).
 */
export class ThutucStatus extends LitElement {
  static override styles = statusStyles;

  static override properties = {
    api: {},
    lang: { reflect: true },
    code: {},
    dossier: { attribute: false },
  };

  /** Base URL of the intake API (default `/api`). */
  declare api: string;
  /** `vi` (default) or `en`. */
  declare lang: string;
  /** A dossier code to fill in. */
  declare code: string | undefined;
  /** The lookup answer shown; set by the element after a lookup, or by a host that looked up itself. */
  declare dossier: LookupAnswer | undefined;

  readonly #status = new StatusController(this, () => ({ api: this.api, lang: this.#language }));
  #focusAfterRender: 'heading' | 'summary' | undefined;

  constructor() {
    super();
    this.api = '/api';
    this.lang = 'vi';
  }

  get #language(): Lang {
    return this.lang === 'en' ? 'en' : 'vi';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#readLink);
    this.#readLink();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#readLink);
    super.disconnectedCallback();
  }

  /**
   * `#code=…&secret=…` in the page address: fill in both and look the dossier up. A code alone
   * (`#code=…`, or `?code=…` as the payment gateway's return page links) only fills in the code.
   */
  readonly #readLink = (): void => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const code = params.get('code') ?? new URLSearchParams(window.location.search).get('code');
    const secret = params.get('secret');
    if (!code) return;
    this.#status.setKey('code', code);
    if (!secret) return this.requestUpdate();
    this.#status.setKey('secret', secret);
    void this.#lookUp();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The supplement's file strings are the form's: English loads on demand (its lookup answer comes later anyway).
    if (changed.has('lang') && !hasStrings(this.#language)) void loadStrings(this.#language).then(() => this.requestUpdate(), () => undefined);
    if (changed.has('code') && this.code && !this.#status.key.code) this.#status.setKey('code', this.code);
    if (changed.has('dossier')) this.#status.answer = this.dossier;
  }

  protected override updated(): void {
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('#status-heading')?.focus();
    if (target === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  async #lookUp(): Promise<void> {
    const found = await this.#status.lookUp();
    if (found) this.dossier = this.#status.answer;
    this.#focusAfterRender = found ? 'heading' : 'summary';
    this.requestUpdate();
  }

  protected override render(): TemplateResult {
    const st = this.#status;
    const lang = this.#language;
    const s = statusStrings(lang);
    const a = st.answer;
    const problemAt = (where: NonNullable<StatusController['problem']>['where']) => (st.problem?.where === where ? st.problem.text : undefined);
    if (!a) {
      return renderLookupForm({
        lang, key: st.key, busy: st.busy === 'lookup', fieldErrors: st.fieldErrors, problem: problemAt('lookup'),
        onInput: (part, value) => st.setKey(part, value),
        onSubmit: () => void this.#lookUp(),
      });
    }
    return html`${renderSummary(a, lang)}
      ${st.sent !== undefined ? html`<div class="notice" role="status" part="notice">${s.supplementSent(st.sent)}</div>` : nothing}
      ${a.supplement
        ? renderSupplement({
            lang, supplement: a.supplement, files: st.files, fileProblems: st.fileProblems, busy: st.busy === 'supplement', problem: problemAt('supplement'),
            onPick: (doc, files) => void st.addFiles(doc, files),
            onRemove: (id, i) => st.removeFile(id, i),
            onSend: () => void st.sendSupplement().then(() => (this.dossier = st.answer)),
          })
        : nothing}
      ${a.payment
        ? renderPayment({
            lang, payment: a.payment, transfer: st.transfer, qr: st.qr, busy: st.busy === 'payment', problem: problemAt('payment'),
            onPay: (provider) => void st.pay(provider),
          })
        : nothing}
      ${a.result ? renderResult({ lang, result: a.result, busy: st.busy === 'download', problem: problemAt('download'), onDownload: () => void st.download() }) : nothing}
      ${renderTimeline(a.progress, lang)}
      ${problemAt('lookup') ? html`<div class="error-summary" role="alert" part="error-summary"><p>${problemAt('lookup')}</p></div>` : nothing}
      <div class="actions">
        <button type="button" part="button" @click=${() => void this.#lookUp()} ?disabled=${!!st.busy}>${s.refresh}</button>
        <button type="button" class="secondary" part="button-secondary" @click=${() => this.#startOver()}>${s.lookAgain}</button>
      </div>`;
  }

  #startOver(): void {
    this.#status.reset();
    this.dossier = undefined;
    if (window.location.hash.includes('secret=')) history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}
