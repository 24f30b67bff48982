import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localize, todayInVietnam, versionFor, type ProvinceFeeFile } from '@thutuc/runtime';
import { hasStrings, loadStrings, strings, type Lang } from '../i18n.js';
import type { CompiledProcedure } from '../types.js';
import { fetchProvinceFees, importProcedure, importProcedureInForce, importProcedureVersion } from './catalogue.js';
import { draftKey, loadDraft, otherVersionDraft } from './autosave.js';
import { FormController } from './form-controller.js';
import { loadMigration } from './load-migration.js';
import { controlId, errorsForStep, type Step } from './state.js';
import { formStyles } from './thutuc-form.styles.js';
import { renderDocumentsStep } from './views/documents.js';
import { renderErrorSummary } from './views/error-summary.js';
import { renderFeesStep } from './views/fees.js';
import { renderReceipt } from './views/receipt.js';
import { renderReview } from './views/review.js';
import { renderSection } from './views/section.js';
import type { AddressPicker } from './address/address-picker.js';
import { hasAddressField, loadAddressPicker, loadedAddressPicker } from './address/load-picker.js';
import { renderAddressCodes, setAddressPart, streetInput } from './address/address-codes.js';
import type { MarkupKit } from './address/render-address.js';
import { describedBy, fieldset } from './field-parts.js';
import type { FieldView } from './render-field.js';

/** What the address picker's markup takes from this script (see MarkupKit). */
const ADDRESS_MARKUP: MarkupKit = { html, nothing, describedBy, fieldset, renderAddressCodes, setAddressPart, streetInput };

/**
 * An online application form for one administrative procedure.
 *
 * @summary Renders a compiled thutuc procedure as a step-by-step form and submits it.
 *
 * @attr procedure - Procedure id (e.g. `ho-tich.dang-ky-khai-sinh`), loaded from `catalogue-base`.
 * @attr catalogue-base - URL of the browser catalogue (folder holding `procedures/<id>.js`).
 * @attr action - URL the form POSTs the submission to (multipart/form-data).
 * @attr lang - `vi` (default) or `en`.
 * @attr today - Date (YYYY-MM-DD) used as today for conditions; defaults to today in Vietnam.
 * @attr timeout - Milliseconds to wait for the server (default 30000).
 * @attr province - Province code (2 digits): fees set by that province's council are shown with their amounts.
 * @attr status-page - URL of the page holding <thutuc-status>: the receipt links there with the code and lookup secret.
 *
 * @fires thutuc-submit - Before posting; cancelable. `detail: { envelope, files }`. Cancel it to post yourself.
 * @fires thutuc-submitted - After the server accepted it. `detail: { receipt, envelope }`.
 * @fires thutuc-error - When submitting failed. `detail: { kind, status, reasons }`; every value is kept.
 *
 * @csspart form - The form element.
 * @csspart progress - "Bước 2/5" line.
 * @csspart step-title - Heading of the current step.
 * @csspart field - A field's group (label, hint, error, control).
 * @csspart label - A field's label or legend.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart input - Text inputs, selects and text areas.
 * @csspart button - Primary buttons.
 * @csspart button-secondary - Secondary buttons.
 * @csspart error-summary - The error summary box.
 * @csspart notice - Notices (restored draft, failed submission).
 * @csspart fees - The fee table.
 * @csspart review - The answers on the review page.
 * @csspart receipt - The confirmation with the dossier code.
 * @csspart status-link - The receipt's link to the status page.
 *
 * @cssprop --thutuc-color-primary - Buttons and links (default #005ea5).
 * @cssprop --thutuc-color-on-primary - Text on primary buttons (default #ffffff).
 * @cssprop --thutuc-color-text - Body text (default #1b1b1b).
 * @cssprop --thutuc-color-hint - Hints (default #505a5f).
 * @cssprop --thutuc-color-error - Errors (default #b00020).
 * @cssprop --thutuc-color-border - Input borders (default #505a5f).
 * @cssprop --thutuc-color-background - Background (default #ffffff).
 * @cssprop --thutuc-color-success - Receipt border (default #00703c).
 * @cssprop --thutuc-focus-color - Focus ring (default #ffbf47).
 * @cssprop --thutuc-font-family - Font stack.
 * @cssprop --thutuc-radius - Corner radius of inputs and buttons (default 0).
 * @cssprop --thutuc-max-width - Largest width of the form (default 48rem).
 */
export class ThutucForm extends LitElement {
  static override styles = formStyles;

  static override properties = {
    procedure: { attribute: 'procedure' },
    catalogueBase: { attribute: 'catalogue-base' },
    action: {},
    lang: { reflect: true },
    today: {},
    timeout: { type: Number },
    province: {},
    statusPage: { attribute: 'status-page' },
  };

  /** A compiled procedure module, or its id (then loaded from `catalogue-base`). */
  declare procedure: CompiledProcedure | string | undefined;
  /** URL of the browser catalogue (folder holding `procedures/<id>.js`); `./catalogue/` when unset. */
  declare catalogueBase: string | undefined;
  /** URL the form POSTs the submission to (multipart/form-data). */
  declare action: string | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;
  /** Date (YYYY-MM-DD) used as today for conditions; defaults to today in Vietnam. */
  declare today: string | undefined;
  /** Milliseconds to wait for the server. */
  declare timeout: number;
  /** Province code (2 digits): fees set by that province's council are shown with their amounts. */
  declare province: string | undefined;
  /** URL of the page holding <thutuc-status>: the receipt links there with the code and lookup secret. */
  declare statusPage: string | undefined;

  #overrides: ProvinceFeeFile | undefined;
  #loadError: string | undefined;
  #loads = 0;
  readonly #form = new FormController(
    this,
    () => ({
      lang: this.#language,
      today: this.today ?? todayInVietnam(),
      action: this.action,
      timeout: this.timeout,
      overrides: this.#overrides,
      communes: this.#picker?.places.membership,
    }),
    (id, version) => (typeof this.procedure === 'string' ? importProcedureVersion(this.catalogueBase, id, version) : Promise.resolve(undefined)),
  );

  /** The address picker, loaded for forms with an address field (see #pickerReady); `failed` falls back to typed codes. */
  #addresses: AddressPicker | 'loading' | 'failed' | undefined;
  readonly #renderAddress = {
    render: (id: string, v: FieldView) => {
      const picker = this.#addresses;
      return typeof picker === 'object' ? picker.render(id, v) : renderAddressCodes(id, v);
    },
  };

  constructor() {
    super();
    this.lang = 'vi';
    this.timeout = 30_000;
  }

  get #language(): Lang {
    return this.lang === 'en' ? 'en' : 'vi';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) void this.#loadStrings();
    if (changed.has('procedure') || (changed.has('today') && this.#versionMoved())) void this.#loadProcedure();
    if (changed.has('province') || changed.has('catalogueBase')) void this.#loadOverrides();
  }

  /**
   * Whether a new `today` falls in another version's period than the one shown (or the first
   * load is still on its way), so the form must load that version. A `today` that stays in the
   * same period only moves conditions and fees, and keeps the applicant where they are.
   */
  #versionMoved(): boolean {
    if (typeof this.procedure !== 'string') return false;
    const shown = this.#form.procedure;
    if (!shown) return this.hasUpdated;
    const pick = shown.versions && versionFor(shown.versions, this.today ?? todayInVietnam());
    return !!pick && pick.version !== shown.version;
  }

  async #loadProcedure(): Promise<void> {
    // Only the newest load may start the form: an earlier one (other procedure or date) may finish later.
    const load = ++this.#loads;
    const given = this.procedure;
    this.#loadError = undefined;
    if (!given) {
      this.#form.clear();
      return;
    }
    if (typeof given !== 'string') {
      this.#form.start(given);
      return;
    }
    try {
      const module = await importProcedureInForce(this.catalogueBase, given, this.today ?? todayInVietnam());
      const other = loadDraft(draftKey(module.id, module.version)) ? undefined : otherVersionDraft(module.id, module.version);
      const chunk = other && module.versions?.find((v) => v.version === other.version)?.chunk;
      const earlier = chunk ? await Promise.all([importProcedure(this.catalogueBase, chunk), loadMigration()]).then(([module, migrate]) => ({ module, key: other.key, migrate })) : undefined;
      if (load === this.#loads) this.#form.start(module, earlier);
    } catch {
      if (load !== this.#loads) return;
      this.#loadError = strings(this.#language).loadFailed;
      this.requestUpdate();
    }
  }

  /** English loads beside the procedure; until it arrives the form shows nothing rather than the wrong language (Vietnamese if it cannot load). */
  #stringsLoading = false;
  async #loadStrings(): Promise<void> {
    const lang = this.#language;
    this.#stringsLoading = !hasStrings(lang);
    if (!this.#stringsLoading) return;
    await loadStrings(lang).catch(() => undefined);
    if (this.#language !== lang) return;
    this.#stringsLoading = false;
    this.requestUpdate();
  }

  get #picker(): AddressPicker | undefined {
    return typeof this.#addresses === 'object' ? this.#addresses : undefined;
  }

  /**
   * Whether the step shown can render now. The address picker loads when the step shown or the
   * next one has an address field (or is the review of one), so it is there before the applicant
   * reaches that step; such a step waits for it (or its failure: typed codes), so no field changes
   * shape on screen.
   */
  #pickerReady(steps: Step[], index: number): boolean {
    const hasAddress = (step: Step | undefined) => step?.kind === 'section' && hasAddressField(step.section.fields);
    // The review names the provinces and communes of the addresses answered (a draft may reopen there).
    const needs = (step: Step | undefined) => hasAddress(step) || (step?.kind === 'review' && steps.some(hasAddress));
    if (this.#addresses === undefined && (needs(steps[index]) || needs(steps[index + 1]))) this.#loadPicker();
    return this.#addresses !== 'loading' || !needs(steps[index]);
  }

  #loadPicker(): void {
    const create = (Picker: typeof AddressPicker) => new Picker(this, ADDRESS_MARKUP, () => this.catalogueBase, () => this.#form.recheck());
    const loaded = loadedAddressPicker();
    if (loaded) {
      this.#addresses = create(loaded);
      return;
    }
    this.#addresses = 'loading';
    void loadAddressPicker()
      .then(
        (Picker) => void (this.#addresses = create(Picker)),
        () => void (this.#addresses = 'failed'),
      )
      .finally(() => this.requestUpdate());
  }

  async #loadOverrides(): Promise<void> {
    this.#overrides = undefined;
    const province = this.province;
    const fees = await fetchProvinceFees(this.catalogueBase, province);
    if (fees && this.province === province) {
      this.#overrides = fees;
      this.requestUpdate();
    }
  }

  protected override render(): TemplateResult {
    if (this.#stringsLoading) return html`<p aria-busy="true"></p>`;
    const s = strings(this.#language);
    if (this.#loadError) return html`<div class="notice problem" role="alert" part="notice">${this.#loadError}</div>`;
    const form = this.#form;
    const p = form.procedure;
    if (!p) return html`<p aria-busy="true">${s.loading}</p>`;
    if (form.receipt) return renderReceipt({ procedure: p, lang: this.#language, receipt: form.receipt, statusPage: this.statusPage });
    const steps = form.steps();
    const index = Math.min(form.step, steps.length - 1);
    const step = steps[index]!;
    if (!this.#pickerReady(steps, index)) return html`<p aria-busy="true">${s.loading}</p>`;
    const last = index === steps.length - 1;
    const onSubmit = (e: Event) => {
      e.preventDefault();
      if (last) void form.submit(steps, form.errors());
      else form.next(steps, form.errors());
    };
    return html`<form part="form" novalidate @submit=${onSubmit}>
      ${form.migration
        ? html`<div class="notice" role="status" part="notice">
            <p>${localize(form.migration.summary, this.#language)}</p>
            ${form.migration.dropped.length || form.migration.newRequired.length || form.migration.documents.added.length
              ? html`<ul>
                  ${form.migration.newRequired.map((f) => html`<li>${s.migratedRequired} ${localize(f.label, this.#language)}</li>`)}
                  ${form.migration.dropped.map((f) => html`<li>${s.migratedDropped} ${localize(f.label, this.#language)}</li>`)}
                  ${form.migration.documents.added.map((d) => html`<li>${s.migratedDocument} ${localize(d, this.#language)}</li>`)}
                </ul>`
              : nothing}
          </div>`
        : nothing}
      ${form.restored
        ? html`<div class="notice" role="status" part="notice">
            <p>${s.restored}</p>
            <button type="button" class="secondary" part="button-secondary" @click=${() => form.startOver()}>${s.startOver}</button>
          </div>`
        : nothing}
      ${p.definition.onlineLevel === 'none' ? html`<div class="notice" part="notice">${s.notOnline}</div>` : nothing}
      ${renderErrorSummary({
        lang: this.#language,
        // Only listed once the step was attempted: until then nothing is validated to render.
        errors: form.showErrors ? errorsForStep(step, form.errors()) : [],
        showErrors: form.showErrors,
        outcome: form.outcome,
        onFocusControl: (path) => this.renderRoot.querySelector<HTMLElement>(`#${controlId(path)}`)?.focus(),
      })}
      <p class="progress" part="progress">${s.step(index + 1, steps.length)} · ${localize(p.definition.title, this.#language)}</p>
      ${this.#renderStep(step, steps)}
      <div class="actions">
        <button type="submit" part="button" ?disabled=${form.submitting} aria-busy=${form.submitting ? 'true' : 'false'}>
          ${form.submitting ? s.submitting : last ? (form.outcome ? s.retry : s.submit) : s.next}
        </button>
        ${index > 0 ? html`<button type="button" class="secondary" part="button-secondary" @click=${() => form.goTo(index - 1)}>${s.back}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderStep(step: Step, steps: Step[]): TemplateResult {
    const form = this.#form;
    const shared = { procedure: form.procedure!, lang: this.#language };
    const errorFor = (path: string) => form.errorFor(path);
    switch (step.kind) {
      case 'section':
        return renderSection({
          ...shared,
          errorFor,
          section: step.section,
          data: form.data,
          context: form.context,
          onChange: (path, value) => form.setValue(path, value),
          onBlur: (path) => form.touch(path),
          address: this.#renderAddress,
        });
      case 'documents':
        return renderDocumentsStep({
          ...shared,
          errorFor,
          caseId: form.caseId,
          files: form.files,
          fileProblems: form.fileProblems,
          onCase: (id) => form.setCase(id),
          onFiles: (id, files, problems) => form.setFiles(id, files, problems),
        });
      case 'fees':
        return renderFeesStep({ ...shared, errorFor, delivery: form.delivery, fees: form.fees(), onDelivery: (value) => form.setDelivery(value) });
      case 'review':
        return renderReview({
          ...shared,
          steps,
          data: form.data,
          context: form.context,
          caseId: form.caseId,
          delivery: form.delivery,
          files: form.files,
          fees: form.fees(),
          onChange: (index) => form.goTo(index),
          places: this.#picker?.places,
        });
    }
  }
}
