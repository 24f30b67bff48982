import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { FormField } from '@thutuc/runtime/model';
import { todayInVietnam, type ConditionContext, type ProvinceFeeFile, type ValidationError } from '@thutuc/runtime';
import { strings, tr, type Lang } from '../i18n.js';
import type { AttachedFile, CompiledProcedure, Receipt } from '../types.js';
import { clearDraft, draftKey, loadDraft, saveDraft } from './autosave.js';
import { renderField } from './render-field.js';
import {
  contextOf,
  controlId,
  documentsPayload,
  errorsForStep,
  formChannel,
  isFieldRequired,
  isFieldVisible,
  stepsOf,
  visibleData,
  type Data,
  type Step,
} from './state.js';
import { newIdempotencyKey, postSubmission, type Envelope, type SubmitOutcome } from './submit.js';
import { formStyles } from './thutuc-form.styles.js';
import { renderDocumentsStep } from './views/documents.js';
import { computeFeeSummary, renderFeesStep } from './views/fees.js';
import { renderReceipt } from './views/receipt.js';
import { renderReview } from './views/review.js';

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
    _proc: { state: true },
    _overrides: { state: true },
    _data: { state: true },
    _case: { state: true },
    _delivery: { state: true },
    _files: { state: true },
    _step: { state: true },
    _showErrors: { state: true },
    _touched: { state: true },
    _restored: { state: true },
    _submitting: { state: true },
    _outcome: { state: true },
    _receipt: { state: true },
    _fileProblems: { state: true },
    _loadError: { state: true },
  };

  /** A compiled procedure module, or its id (then loaded from `catalogue-base`). */
  declare procedure: CompiledProcedure | string | undefined;
  declare catalogueBase: string | undefined;
  declare action: string | undefined;
  declare lang: string;
  declare today: string | undefined;
  declare timeout: number;
  declare province: string | undefined;
  declare _overrides: ProvinceFeeFile | undefined;

  declare _proc: CompiledProcedure | undefined;
  declare _data: Data;
  declare _case: string | undefined;
  declare _delivery: string | undefined;
  declare _files: Map<string, AttachedFile[]>;
  declare _step: number;
  declare _showErrors: boolean;
  declare _touched: Set<string>;
  declare _restored: boolean;
  declare _submitting: boolean;
  declare _outcome: Extract<SubmitOutcome, { ok: false }> | undefined;
  declare _receipt: Receipt | undefined;
  declare _fileProblems: Map<string, string[]>;
  declare _loadError: string | undefined;

  private idempotencyKey = newIdempotencyKey();
  private focusAfterRender: 'summary' | 'heading' | undefined;

  constructor() {
    super();
    this.lang = 'vi';
    this.timeout = 30_000;
    this.reset();
  }

  private reset(): void {
    this._data = {};
    this._case = undefined;
    this._delivery = undefined;
    this._files = new Map();
    this._step = 0;
    this._showErrors = false;
    this._touched = new Set();
    this._restored = false;
    this._outcome = undefined;
    this._receipt = undefined;
    this._fileProblems = new Map();
    this.idempotencyKey = newIdempotencyKey();
  }

  get language(): Lang {
    return this.lang === 'en' ? 'en' : 'vi';
  }

  private get todayDate(): string {
    return this.today ?? todayInVietnam();
  }

  /** Channel, case, delivery and today as conditions see them; computed once per render. */
  private renderContext: ConditionContext | undefined;
  get conditionContext(): ConditionContext {
    return this.renderContext ?? contextOf(this._proc!, this._case, this._delivery, this.todayDate);
  }

  /** A URL inside the browser catalogue (`catalogue-base`). */
  private catalogueUrl(relative: string): URL {
    const base = this.catalogueBase ?? './catalogue/';
    return new URL(relative, new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('procedure')) void this.loadProcedure();
    if (changed.has('province') || changed.has('catalogueBase')) void this.loadOverrides();
  }

  /** The province's council-set amounts, when a province is given (missing file: none set). */
  private async loadOverrides(): Promise<void> {
    this._overrides = undefined;
    const province = this.province;
    if (!province || !/^\d{2}$/.test(province)) return;
    try {
      const response = await fetch(this.catalogueUrl(`overrides/${province}.json`));
      if (response.ok && this.province === province) this._overrides = (await response.json()) as ProvinceFeeFile;
    } catch {
      // no amounts for this province: local fees stay "set by the provincial council"
    }
  }

  get overrides(): ProvinceFeeFile | undefined {
    return this._overrides;
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (target === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async loadProcedure(): Promise<void> {
    const given = this.procedure;
    this._loadError = undefined;
    if (!given) {
      this._proc = undefined;
      return;
    }
    if (typeof given !== 'string') {
      this.useProcedure(given);
      return;
    }
    try {
      const url = this.catalogueUrl(`procedures/${encodeURIComponent(given)}.js`);
      const module = (await import(/* @vite-ignore */ url.href)) as CompiledProcedure;
      if (this.procedure === given) this.useProcedure(module);
    } catch {
      this._loadError = strings(this.language).loadFailed;
    }
  }

  private useProcedure(p: CompiledProcedure): void {
    this.reset();
    this._proc = p;
    const draft = loadDraft(draftKey(p.id, p.version));
    if (draft) {
      this._data = draft.data;
      this._case = draft.caseId;
      this._delivery = draft.delivery;
      this._step = Math.max(0, draft.step);
      this._restored = true;
    }
  }

  private save(): void {
    const p = this._proc;
    if (!p || this._receipt) return;
    saveDraft(draftKey(p.id, p.version), {
      data: this._data,
      ...(this._case ? { caseId: this._case } : {}),
      ...(this._delivery ? { delivery: this._delivery } : {}),
      step: this._step,
      savedAt: new Date().toISOString(),
    });
  }

  private startOver(): void {
    const p = this._proc!;
    clearDraft(draftKey(p.id, p.version));
    this.reset();
    this._proc = p;
    this.focusAfterRender = 'heading';
  }

  /** The submission as the validator and the server see it. */
  payload(): Record<string, unknown> {
    const p = this._proc!;
    const ctx = this.conditionContext;
    return {
      ...(p.definition.cases.length > 1 ? { case: this._case } : {}),
      channel: formChannel(p),
      ...(p.definition.delivery ? { delivery: this._delivery } : {}),
      data: visibleData(p, this._data, ctx),
      documents: documentsPayload(this._files),
    };
  }

  private errors(): ValidationError[] {
    return this._proc!.validate(this.payload(), { today: this.todayDate }).errors;
  }

  setValue(path: string, value: unknown): void {
    const [, , id, index, sub] = path.split('/');
    const data = { ...this._data };
    if (index !== undefined && sub !== undefined) {
      const list = [...((data[id!] as Data[] | undefined) ?? [])];
      list[Number(index)] = { ...list[Number(index)], [sub]: value };
      data[id!] = list;
    } else if (value === undefined) {
      delete data[id!];
    } else {
      data[id!] = value;
    }
    this._data = data;
    this._outcome = undefined;
    this.save();
  }

  touch(path: string): void {
    if (this._touched.has(path)) return;
    this._touched = new Set(this._touched).add(path);
  }

  setCase(id: string): void {
    this._case = id;
    this.save();
  }

  setDelivery(value: string): void {
    this._delivery = value;
    this.save();
  }

  setFiles(documentId: string, files: AttachedFile[], problems: string[]): void {
    this._files = new Map(this._files).set(documentId, files);
    this._fileProblems = new Map(this._fileProblems).set(documentId, problems);
    this.touch(`/documents/${documentId}`);
  }

  /** Error text for a path, shown once the field was left or the step was attempted. */
  errorFor(path: string, errors: readonly ValidationError[]): string | undefined {
    if (!this._showErrors && !this._touched.has(path)) return undefined;
    const e = errors.find((x) => x.path === path || x.path.startsWith(`${path}/`));
    return e ? e.message[this.language] : undefined;
  }

  goTo(index: number): void {
    this._step = index;
    this._showErrors = false;
    this.focusAfterRender = 'heading';
    this.save();
  }

  private next(steps: Step[], errors: ValidationError[]): void {
    if (errorsForStep(steps[this._step]!, errors).length) {
      this._showErrors = true;
      this.focusAfterRender = 'summary';
      return;
    }
    this.goTo(Math.min(this._step + 1, steps.length - 1));
  }

  private async submit(steps: Step[], errors: ValidationError[]): Promise<void> {
    if (errors.length) {
      const first = steps.findIndex((step) => step.kind !== 'review' && errorsForStep(step, errors).length);
      this._step = first >= 0 ? first : this._step;
      this._showErrors = true;
      this.focusAfterRender = 'summary';
      return;
    }
    const p = this._proc!;
    const payload = this.payload() as Omit<Envelope, 'procedure' | 'lang' | 'clientTime' | 'idempotencyKey' | 'fees'>;
    const fees = computeFeeSummary(p, payload, this.todayDate, this._overrides);
    const envelope: Envelope = {
      procedure: { id: p.id, version: p.version },
      ...payload,
      fees: { total: fees.totals, complete: fees.complete },
      lang: this.language,
      clientTime: new Date().toISOString(),
      idempotencyKey: this.idempotencyKey,
    };
    const proceed = this.dispatchEvent(new CustomEvent('thutuc-submit', { detail: { envelope, files: this._files }, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) return;
    if (!this.action) {
      this.fail({ ok: false, kind: 'server' });
      return;
    }
    this._submitting = true;
    this._outcome = undefined;
    const outcome = await postSubmission(this.action, envelope, this._files, this.timeout);
    this._submitting = false;
    if (outcome.ok) {
      this._receipt = outcome.receipt;
      clearDraft(draftKey(p.id, p.version));
      this.focusAfterRender = 'heading';
      this.dispatchEvent(new CustomEvent('thutuc-submitted', { detail: { receipt: outcome.receipt, envelope }, bubbles: true, composed: true }));
    } else {
      this.fail(outcome);
    }
  }

  private fail(outcome: Extract<SubmitOutcome, { ok: false }>): void {
    this._outcome = outcome;
    this.focusAfterRender = 'summary';
    this.dispatchEvent(new CustomEvent('thutuc-error', { detail: { kind: outcome.kind, status: outcome.status, reasons: outcome.reasons }, bubbles: true, composed: true }));
  }

  /** A field of the current section (or of a group item) with its live state. */
  fieldView(field: FormField, path: string, key: string, value: unknown, errors: ValidationError[], item?: Data): TemplateResult {
    const p = this._proc!;
    const ctx = this.conditionContext;
    return renderField({
      field,
      path,
      value,
      error: this.errorFor(path, errors),
      required: isFieldRequired(p, field, key, this._data, ctx, item),
      lang: this.language,
      s: strings(this.language),
      onChange: (v) => this.setValue(path, v),
      onBlur: () => this.touch(path),
      renderGroupItem: (index, entry) => this.groupItem(field, path, index, entry, errors),
    });
  }

  private groupItem(group: FormField, path: string, index: number, entry: Data, errors: ValidationError[]): TemplateResult {
    const s = strings(this.language);
    const p = this._proc!;
    const ctx = this.conditionContext;
    const remove = () => {
      const list = [...((this._data[group.id] as Data[] | undefined) ?? [])];
      list.splice(index, 1);
      this.setValue(path, list.length ? list : undefined);
    };
    return html`<fieldset class="item">
      <legend>${s.item(index + 1)}</legend>
      ${(group.fields ?? [])
        .filter((sub) => isFieldVisible(p, `${group.id}.${sub.id}`, this._data, ctx, entry))
        .map((sub) => this.fieldView(sub, `${path}/${index}/${sub.id}`, `${group.id}.${sub.id}`, entry[sub.id], errors, entry))}
      <button type="button" class="link" @click=${remove}>${s.removeItem(index + 1)}</button>
    </fieldset>`;
  }

  private errorSummary(errors: ValidationError[]): TemplateResult | typeof nothing {
    const s = strings(this.language);
    const outcome = this._outcome;
    if (outcome) {
      const text = { offline: s.offline, timeout: s.timeout, server: s.serverError, rejected: s.rejected }[outcome.kind];
      return html`<div class="error-summary" role="alert" tabindex="-1" part="error-summary">
        <h2>${s.errorSummaryTitle}</h2>
        <p>${text}</p>
        ${outcome.reasons?.length ? html`<ul>${outcome.reasons.map((r) => html`<li>${tr(r.message, this.language)}</li>`)}</ul>` : nothing}
      </div>`;
    }
    if (!this._showErrors || errors.length === 0) return nothing;
    const focus = (e: Event, path: string) => {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLElement>(`#${controlId(path)}`)?.focus();
    };
    return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" part="error-summary">
      <h2 id="error-summary-title">${s.errorSummaryTitle}</h2>
      <ul>
        ${errors.map((e) => html`<li><a href="#${controlId(e.path)}" @click=${(ev: Event) => focus(ev, e.path)}>${e.message[this.language]}</a></li>`)}
      </ul>
    </div>`;
  }

  private renderStep(step: Step, errors: ValidationError[]): TemplateResult {
    const p = this._proc!;
    switch (step.kind) {
      case 'section':
        return html`<h2 tabindex="-1" part="step-title">${tr(step.section.title, this.language)}</h2>
          ${step.section.hint ? html`<p class="hint">${tr(step.section.hint, this.language)}</p>` : nothing}
          ${step.section.fields
            .filter((f) => isFieldVisible(p, f.id, this._data, this.conditionContext))
            .map((f) => this.fieldView(f, `/data/${f.id}`, f.id, this._data[f.id], errors))}`;
      case 'documents':
        return renderDocumentsStep(this, p, errors);
      case 'fees':
        return renderFeesStep(this, p, errors);
      case 'review':
        return renderReview(this, p, this.stepsNow());
    }
  }

  stepsNow(): Step[] {
    const p = this._proc!;
    return stepsOf(p, this._data, this.conditionContext);
  }

  get currentCase(): string | undefined {
    return this._case;
  }
  get currentDelivery(): string | undefined {
    return this._delivery;
  }
  get files(): ReadonlyMap<string, AttachedFile[]> {
    return this._files;
  }
  get fileProblems(): ReadonlyMap<string, string[]> {
    return this._fileProblems;
  }
  get data(): Data {
    return this._data;
  }
  get todayValue(): string {
    return this.todayDate;
  }

  protected override render(): TemplateResult {
    // Fields ask for the condition context one by one; compute it once for the whole render.
    this.renderContext = this._proc ? contextOf(this._proc, this._case, this._delivery, this.todayDate) : undefined;
    try {
      return this.renderForm();
    } finally {
      this.renderContext = undefined;
    }
  }

  private renderForm(): TemplateResult {
    const s = strings(this.language);
    if (this._loadError) return html`<div class="notice problem" role="alert" part="notice">${this._loadError}</div>`;
    const p = this._proc;
    if (!p) return html`<p aria-busy="true">${s.loading}</p>`;
    if (this._receipt) return renderReceipt(this, p, this._receipt);
    const steps = this.stepsNow();
    const index = Math.min(this._step, steps.length - 1);
    const step = steps[index]!;
    const errors = this.errors();
    const stepErrors = step.kind === 'review' ? errors : errorsForStep(step, errors);
    const last = index === steps.length - 1;
    return html`<form part="form" novalidate @submit=${(e: Event) => {
      e.preventDefault();
      if (last) void this.submit(steps, errors);
      else this.next(steps, errors);
    }}>
      ${this._restored
        ? html`<div class="notice" role="status" part="notice">
            <p>${s.restored}</p>
            <button type="button" class="secondary" part="button-secondary" @click=${() => this.startOver()}>${s.startOver}</button>
          </div>`
        : nothing}
      ${p.definition.onlineLevel === 'none' ? html`<div class="notice" part="notice">${s.notOnline}</div>` : nothing}
      ${this.errorSummary(stepErrors)}
      <p class="progress" part="progress">${s.step(index + 1, steps.length)} · ${tr(p.definition.title, this.language)}</p>
      ${this.renderStep(step, errors)}
      <div class="actions">
        <button type="submit" part="button" ?disabled=${this._submitting} aria-busy=${this._submitting ? 'true' : 'false'}>
          ${this._submitting ? s.submitting : last ? (this._outcome ? s.retry : s.submit) : s.next}
        </button>
        ${index > 0 ? html`<button type="button" class="secondary" part="button-secondary" @click=${() => this.goTo(index - 1)}>${s.back}</button>` : nothing}
      </div>
    </form>`;
  }
}
