import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommuneMembership, ConditionContext, DraftMigration, migrateDraft, ProvinceFeeFile, SubmissionFees, ValidationError } from '@thutuc/runtime';
import { loadMigration } from './load-migration.js';
import type { Lang } from '../i18n.js';
import type { AttachedFile, CompiledProcedure, Receipt } from '../types.js';
import { clearDraft, draftKey, loadDraft, saveDraft, type Draft } from './autosave.js';
import { computeFeeSummary, contextOf, documentsPayload, errorsForStep, formChannel, stepsOf, visibleData, type Data, type Step } from './state.js';
import { newIdempotencyKey, postSubmission, type Envelope, type FailedOutcome } from './submit.js';

/** What the form reads from its element's attributes, at the moment it needs them. */
export interface FormSettings {
  lang: Lang;
  /** Today (YYYY-MM-DD) as conditions and fees see it. */
  today: string;
  action: string | undefined;
  timeout: number;
  overrides: ProvinceFeeFile | undefined;
  /** What the address picker knows of provinces and communes, for the validator's address check. */
  communes: CommuneMembership | undefined;
}

/** The element the form lives in: it re-renders on request, fires the events, holds the DOM to focus. */
export type FormHost = ReactiveControllerHost & EventTarget & { readonly renderRoot: ParentNode };

export type { FailedOutcome } from './submit.js';

/** Loads another version of a procedure (the one the server says is in force), or undefined when it cannot. */
export type VersionLoader = (id: string, version: string) => Promise<CompiledProcedure | undefined>;

/** Errors of the application for one `today`, with the first error at each path once asked for. */
interface Verdict {
  today: string;
  errors: ValidationError[];
  first: Map<string, ValidationError> | undefined;
}

/**
 * The state of one application being filled in — answers, files, case, delivery, step, which
 * fields were left, the submission's outcome — and every operation on it. Answers are saved as
 * a draft after each change; the host re-renders after each operation.
 *
 * @internal
 */
export class FormController implements ReactiveController {
  readonly #host: FormHost;
  readonly #settings: () => FormSettings;

  #procedure: CompiledProcedure | undefined;
  #data: Data = {};
  #caseId: string | undefined;
  #delivery: string | undefined;
  #files = new Map<string, AttachedFile[]>();
  #fileProblems = new Map<string, string[]>();
  #step = 0;
  #showErrors = false;
  #touched = new Set<string>();
  #restored = false;
  #migration: DraftMigration<Draft> | undefined;
  /** When the applicant began (kept in the draft, also across versions): the server's grace period counts from it. */
  #startedAt = new Date().toISOString();
  #submitting = false;
  #outcome: FailedOutcome | undefined;
  #receipt: Receipt | undefined;
  #idempotencyKey = newIdempotencyKey();
  #focusAfterRender: 'summary' | 'heading' | undefined;
  /** Fields ask for the condition context one by one; during a render it is computed once. */
  #renderContext: ConditionContext | undefined;
  /**
   * The validator's verdict on what the form holds, kept until an answer, file, case or
   * delivery changes: a render validates only when it shows an error, never once per render.
   */
  #verdict: Verdict | undefined;

  readonly #loadVersion: VersionLoader;

  constructor(host: FormHost, settings: () => FormSettings, loadVersion: VersionLoader = async () => undefined) {
    this.#host = host;
    this.#settings = settings;
    this.#loadVersion = loadVersion;
    host.addController(this);
  }

  get procedure(): CompiledProcedure | undefined {
    return this.#procedure;
  }
  get data(): Data {
    return this.#data;
  }
  get caseId(): string | undefined {
    return this.#caseId;
  }
  get delivery(): string | undefined {
    return this.#delivery;
  }
  get files(): ReadonlyMap<string, AttachedFile[]> {
    return this.#files;
  }
  get fileProblems(): ReadonlyMap<string, string[]> {
    return this.#fileProblems;
  }
  /** Index of the current step (may exceed the steps there are now: callers clamp it). */
  get step(): number {
    return this.#step;
  }
  /** The step was attempted (Continue or Submit): all its errors show. */
  get showErrors(): boolean {
    return this.#showErrors;
  }
  /** Answers were restored from a draft. */
  get restored(): boolean {
    return this.#restored;
  }

  /** The draft was saved on an earlier version and carried over: what changed. */
  get migration(): DraftMigration<Draft> | undefined {
    return this.#migration;
  }
  get submitting(): boolean {
    return this.#submitting;
  }
  get outcome(): FailedOutcome | undefined {
    return this.#outcome;
  }
  get receipt(): Receipt | undefined {
    return this.#receipt;
  }

  /** Channel, case, delivery and today as conditions see them. */
  get context(): ConditionContext {
    return this.#renderContext ?? contextOf(this.#procedure!, this.#caseId, this.#delivery, this.#settings().today);
  }

  hostUpdate(): void {
    this.#renderContext = this.#procedure ? contextOf(this.#procedure, this.#caseId, this.#delivery, this.#settings().today) : undefined;
  }

  hostUpdated(): void {
    this.#renderContext = undefined;
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (target === 'summary') this.#host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    if (target === 'heading') this.#host.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  /** An answer, file, case or delivery changed: the errors are to be found again. */
  #edited(): void {
    this.#verdict = undefined;
    this.#save();
    this.#changed();
  }

  #reset(): void {
    this.#verdict = undefined;
    this.#data = {};
    this.#caseId = undefined;
    this.#delivery = undefined;
    this.#files = new Map();
    this.#step = 0;
    this.#showErrors = false;
    this.#touched = new Set();
    this.#restored = false;
    this.#migration = undefined;
    this.#startedAt = new Date().toISOString();
    this.#outcome = undefined;
    this.#receipt = undefined;
    this.#fileProblems = new Map();
    this.#idempotencyKey = newIdempotencyKey();
  }

  /**
   * Starts an application for `procedure`, from its saved draft when there is one. A draft
   * saved on an earlier version (`earlier`: that version's module and its draft key) is moved
   * to this version with migrateDraft; the applicant is told what changed before going on.
   */
  start(procedure: CompiledProcedure, earlier?: { module: CompiledProcedure; key: string; migrate: typeof migrateDraft }): void {
    this.#reset();
    this.#procedure = procedure;
    const old = earlier && loadDraft(earlier.key);
    if (old && earlier) {
      const migration = earlier.migrate(old, earlier.module.definition, procedure.definition);
      saveDraft(draftKey(procedure.id, procedure.version), migration.draft);
      clearDraft(earlier.key);
      this.#migration = migration;
    }
    const draft = loadDraft(draftKey(procedure.id, procedure.version));
    if (draft) {
      this.#data = draft.data;
      this.#caseId = draft.caseId;
      this.#delivery = draft.delivery;
      this.#step = Math.max(0, draft.step);
      if (draft.startedAt) this.#startedAt = draft.startedAt;
      this.#restored = true;
    }
    this.#changed();
  }

  /** No procedure to show (the element's `procedure` was cleared). */
  clear(): void {
    this.#procedure = undefined;
    this.#changed();
  }

  /** Forgets the draft and everything entered, back to the first step. */
  startOver(): void {
    const p = this.#procedure!;
    clearDraft(draftKey(p.id, p.version));
    this.#reset();
    this.#procedure = p;
    this.#focusAfterRender = 'heading';
    this.#changed();
  }

  #save(): void {
    const p = this.#procedure;
    if (!p || this.#receipt) return;
    saveDraft(draftKey(p.id, p.version), this.#draft());
  }

  #draft(): Draft {
    return {
      data: this.#data,
      ...(this.#caseId ? { caseId: this.#caseId } : {}),
      ...(this.#delivery ? { delivery: this.#delivery } : {}),
      step: this.#step,
      startedAt: this.#startedAt,
      savedAt: new Date().toISOString(),
    };
  }

  /**
   * The server refused the submission because `version` is in force now (409 `old-version`):
   * the answers move to it with migrateDraft, as a draft does at load, and the applicant sees
   * the same notice of what changed on the review step, to check and submit again. Files stay
   * with the documents the new version still asks for. When that version cannot be loaded, the
   * refusal is shown as it is.
   */
  async #moveToVersion(version: string): Promise<void> {
    const from = this.#procedure!;
    const [target, migrateDraft] = await Promise.all([this.#loadVersion(from.id, version).catch(() => undefined), loadMigration().catch(() => undefined)]);
    if (!target || target.version !== version || !migrateDraft) {
      this.#fail({ ok: false, kind: 'rejected', status: 409 });
      return;
    }
    const migration = migrateDraft(this.#draft(), from.definition, target.definition);
    clearDraft(draftKey(from.id, from.version));
    const still = new Set(target.definition.cases.flatMap((c) => c.documents.map((d) => d.id)));
    this.#procedure = target;
    this.#data = migration.draft.data;
    this.#caseId = migration.draft.caseId;
    this.#delivery = migration.draft.delivery;
    this.#files = new Map([...this.#files].filter(([id]) => still.has(id)));
    this.#fileProblems = new Map();
    this.#migration = migration;
    this.#restored = false;
    this.#verdict = undefined;
    this.#outcome = undefined;
    this.#showErrors = false;
    // The refused attempt made no dossier; the moved answers are a new submission.
    this.#idempotencyKey = newIdempotencyKey();
    this.#step = this.steps().length - 1;
    this.#focusAfterRender = 'heading';
    this.#save();
    this.#changed();
  }

  /** The submission as the validator and the server see it. */
  payload(): Record<string, unknown> {
    const p = this.#procedure!;
    return {
      ...(p.definition.cases.length > 1 ? { case: this.#caseId } : {}),
      channel: formChannel(p),
      ...(p.definition.delivery ? { delivery: this.#delivery } : {}),
      data: visibleData(p, this.#data, this.context),
      documents: documentsPayload(this.#files),
    };
  }

  /** Every error of the application as it stands (validated once per change, not per call). */
  errors(): ValidationError[] {
    return this.#currentVerdict().errors;
  }

  #currentVerdict(): Verdict {
    const { today, communes } = this.#settings();
    if (this.#verdict?.today !== today) {
      this.#verdict = { today, errors: this.#procedure!.validate(this.payload(), { today, communes }).errors, first: undefined };
    }
    return this.#verdict;
  }

  /** What the validator looks addresses up in has grown (a province's communes arrived): validate again at the next render. */
  recheck(): void {
    this.#verdict = undefined;
  }

  fees(): SubmissionFees {
    const { today, overrides } = this.#settings();
    return computeFeeSummary(this.#procedure!, this.payload(), today, overrides);
  }

  steps(): Step[] {
    return stepsOf(this.#procedure!, this.#data, this.context);
  }

  /** Error text for a path, shown once the field was left or the step was attempted. */
  errorFor(path: string): string | undefined {
    if (!this.#showErrors && !this.#touched.has(path)) return undefined;
    const verdict = this.#currentVerdict();
    verdict.first ??= firstErrorByPath(verdict.errors);
    const e = verdict.first.get(path);
    return e ? e.message[this.#settings().lang] : undefined;
  }

  /** Sets the value at a JSON Pointer under `/data` (`/data/id` or `/data/group/index/sub`); undefined removes it. */
  setValue(path: string, value: unknown): void {
    const [, , id, index, sub] = path.split('/');
    const data = { ...this.#data };
    if (index !== undefined && sub !== undefined) {
      const list = [...((data[id!] as Data[] | undefined) ?? [])];
      list[Number(index)] = { ...list[Number(index)], [sub]: value };
      data[id!] = list;
    } else if (value === undefined) {
      delete data[id!];
    } else {
      data[id!] = value;
    }
    this.#data = data;
    this.#outcome = undefined;
    this.#edited();
  }

  /** The field at `path` was left: its error shows from now on. */
  touch(path: string): void {
    if (this.#touched.has(path)) return;
    this.#touched = new Set(this.#touched).add(path);
    this.#changed();
  }

  setCase(caseId: string): void {
    this.#caseId = caseId;
    this.#edited();
  }

  setDelivery(delivery: string): void {
    this.#delivery = delivery;
    this.#edited();
  }

  setFiles(documentId: string, files: AttachedFile[], problems: string[]): void {
    this.#files = new Map(this.#files).set(documentId, files);
    this.#fileProblems = new Map(this.#fileProblems).set(documentId, problems);
    this.#verdict = undefined;
    this.touch(`/documents/${documentId}`);
    this.#changed();
  }

  goTo(index: number): void {
    this.#step = index;
    this.#showErrors = false;
    this.#focusAfterRender = 'heading';
    this.#save();
    this.#changed();
  }

  /** Continue: the next step, or the current step's errors when it has any. */
  next(steps: Step[], errors: ValidationError[]): void {
    if (errorsForStep(steps[this.#step]!, errors).length) {
      this.#showErrors = true;
      this.#focusAfterRender = 'summary';
      this.#changed();
      return;
    }
    this.goTo(Math.min(this.#step + 1, steps.length - 1));
  }

  /**
   * Submit: with errors, back to the first step that has some; otherwise fires `thutuc-submit`
   * (cancelable) and posts to `action`, then `thutuc-submitted` or `thutuc-error`.
   */
  async submit(steps: Step[], errors: ValidationError[]): Promise<void> {
    if (errors.length) {
      const first = steps.findIndex((step) => step.kind !== 'review' && errorsForStep(step, errors).length);
      this.#step = first >= 0 ? first : this.#step;
      this.#showErrors = true;
      this.#focusAfterRender = 'summary';
      this.#changed();
      return;
    }
    const p = this.#procedure!;
    const { lang, action, timeout } = this.#settings();
    const payload = this.payload() as Omit<Envelope, 'procedure' | 'lang' | 'clientTime' | 'startedAt' | 'idempotencyKey' | 'fees'>;
    const fees = this.fees();
    const envelope: Envelope = {
      procedure: { id: p.id, version: p.version },
      ...payload,
      fees: { total: fees.totals, complete: fees.complete },
      lang,
      clientTime: new Date().toISOString(),
      startedAt: this.#startedAt,
      idempotencyKey: this.#idempotencyKey,
    };
    const host = this.#host;
    const proceed = host.dispatchEvent(new CustomEvent('thutuc-submit', { detail: { envelope, files: this.#files }, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) return;
    if (!action) {
      this.#fail({ ok: false, kind: 'server' });
      return;
    }
    this.#submitting = true;
    this.#outcome = undefined;
    this.#changed();
    const outcome = await postSubmission(action, envelope, this.#files, timeout);
    this.#submitting = false;
    this.#changed();
    if (outcome.ok) {
      this.#receipt = outcome.receipt;
      clearDraft(draftKey(p.id, p.version));
      this.#focusAfterRender = 'heading';
      host.dispatchEvent(new CustomEvent('thutuc-submitted', { detail: { receipt: outcome.receipt, envelope }, bubbles: true, composed: true }));
    } else if (outcome.kind === 'version') {
      await this.#moveToVersion(outcome.currentVersion);
    } else {
      this.#fail(outcome);
    }
  }

  #fail(outcome: FailedOutcome): void {
    this.#outcome = outcome;
    this.#focusAfterRender = 'summary';
    this.#changed();
    this.#host.dispatchEvent(new CustomEvent('thutuc-error', { detail: { kind: outcome.kind, status: outcome.status, reasons: outcome.reasons }, bubbles: true, composed: true }));
  }
}

/**
 * The first error at each path and at each of its ancestors (`/data/group` for
 * `/data/group/0/sub`), in the validator's order: a field shows the first error inside it.
 */
function firstErrorByPath(errors: readonly ValidationError[]): Map<string, ValidationError> {
  const first = new Map<string, ValidationError>();
  for (const e of errors) {
    for (let end = e.path.length; end > 0; end = e.path.lastIndexOf('/', end - 1)) {
      const prefix = e.path.slice(0, end);
      if (!first.has(prefix)) first.set(prefix, e);
    }
  }
  return first;
}
