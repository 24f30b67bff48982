import { html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import { ApiError, type DossierDetail, type DossierFile, type StoredPaper } from './api.js';
import { strings } from './i18n.js';
import { DeskPage, problemOf } from './shared.js';
import { renderActionForm, type ActionInput } from './views/action-form.js';
import { fileKey, renderDocuments, sha256Hex, type Verification } from './views/documents.js';
import { renderFees, renderTransferConfirm } from './views/fees.js';
import { renderHistory, renderSteps } from './views/history.js';
import { renderPapers } from './views/papers.js';
import { renderReview, renderSummary } from './views/summary.js';

interface Outcome {
  text: string;
  paper?: { name: string; href: string };
  supplementLink?: string;
}

/** Statuses in which the result is uploaded and its delivery recorded (<thutuc-desk-result>): processing (4) and processed (9). */
const RESULT_STATUSES = [4, 9];

/**
 * One dossier: its summary, the actions open to the officer, the answers laid out as the
 * form's review page, the files (each checked against its SHA-256 before it is shown), the
 * fees and payment, the steps, the history and the papers issued; while in processing, the
 * result and its delivery (<thutuc-desk-result>).
 */
export class ThutucDeskDossier extends DeskPage {
  static override properties = {
    ...DeskPage.properties,
    code: { type: String },
    roles: { attribute: false },
    dossier: { state: true },
    problem: { state: true },
    papers: { state: true },
    checks: { state: true },
    selected: { state: true },
    reasonMissing: { state: true },
    actionProblem: { state: true },
    outcome: { state: true },
  };

  declare code: string;
  /** The signed-in officer's roles (reception confirms bank transfers). */
  declare roles: string[];
  declare dossier: DossierDetail | undefined;
  declare problem: LocalizedText | undefined;
  declare papers: StoredPaper[] | undefined;
  declare checks: Map<string, Verification>;
  declare selected: string;
  declare reasonMissing: boolean;
  declare actionProblem: LocalizedText | undefined;
  declare outcome: Outcome | undefined;
  private loaded: string | undefined;

  constructor() {
    super();
    this.code = '';
    this.roles = [];
    this.checks = new Map();
    this.selected = '';
    this.reasonMissing = false;
  }

  override willUpdate(): void {
    if (this.code && this.code !== this.loaded && this.client) {
      this.loaded = this.code;
      this.dossier = undefined;
      this.outcome = undefined;
      this.checks = new Map();
      void this.load().then(() => {
        if (this.focusOnLoad) {
          this.focusOnLoad = false;
          this.focusFirst('h1');
        }
      });
    }
  }

  private async load(): Promise<void> {
    try {
      const [dossier, papers] = await Promise.all([this.client.dossier(this.code), this.client.papers(this.code)]);
      this.dossier = dossier;
      this.papers = papers;
      this.problem = undefined;
      if (!dossier.actions.some((a) => a.action === this.selected)) this.selected = dossier.actions[0]?.action ?? '';
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = problemOf(error);
    }
  }

  /** What was done: shown above the actions, announced, and focused so the officer hears it. */
  private showOutcome(outcome: Outcome): void {
    this.outcome = outcome;
    this.announce(outcome.text);
    this.focusFirst('#outcome');
  }

  /** Runs an action-form request; a refusal is shown in that form and takes focus. */
  private async runAction(task: () => Promise<Outcome>): Promise<void> {
    this.actionProblem = undefined;
    const outcome = await this.run(task, (p) => {
      this.actionProblem = p;
      this.focusFirst('form [role=alert]');
    });
    if (outcome) this.showOutcome(outcome);
  }

  private act(input: ActionInput): void {
    const s = strings(this.lang);
    const action = this.dossier?.actions.find((a) => a.action === input.action);
    if (!action) return;
    this.reasonMissing = action.reason && !input.body.reason;
    if (this.reasonMissing) {
      this.focusFirst('#reason-vi');
      return;
    }
    void this.runAction(async () => {
      const done = await this.client.act(this.code, input.action, input.body);
      // The reason just given belongs to that action, not to the next one.
      this.renderRoot.querySelector<HTMLFormElement>('#action-form')?.reset();
      await this.load();
      const paperName = action.paper ? (s.paperNames[action.paper] ?? action.paper) : undefined;
      const stored = action.paper ? this.papers?.filter((p) => p.kind === action.paper).at(-1) : undefined;
      return {
        text: `${s.done(localize(action.label, this.lang), localize(done.status.label, this.lang))}${paperName ? ` ${s.issued(paperName)}` : ''}`,
        ...(paperName ? { paper: { name: paperName, href: this.client.paperUrl(this.code, stored?.id ?? action.paper!) } } : {}),
        ...(done.supplementLink ? { supplementLink: done.supplementLink } : {}),
      };
    });
  }

  private confirmTransfer(reference: string): void {
    void this.runAction(async () => {
      await this.client.confirmTransfer(this.code, reference);
      await this.load();
      return { text: strings(this.lang).transferConfirmed };
    });
  }

  /** <thutuc-desk-result> uploaded the result or recorded the delivery: show the dossier as it is now. */
  private readonly onRecorded = async (e: Event): Promise<void> => {
    await this.load();
    this.showOutcome({ text: (e as CustomEvent<string>).detail });
  };

  /** Fetches the file, checks its SHA-256 against the one recorded on receipt, then shows or saves it. */
  private async open(file: DossierFile, how: 'view' | 'download'): Promise<void> {
    const key = fileKey(file);
    const set = (v: Verification) => (this.checks = new Map(this.checks).set(key, v));
    set('checking');
    // The tab is opened now, while the click still counts as the user's gesture.
    const tab = how === 'view' ? window.open('', '_blank') : null;
    try {
      const response = await fetch(this.client.fileUrl(this.code, file.sha256), { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(response.status, { vi: `Máy chủ trả lời ${response.status}.`, en: `The server answered ${response.status}.` });
      const bytes = await response.arrayBuffer();
      const hash = await sha256Hex(bytes);
      const verdict: Verification = hash === undefined ? 'unverifiable' : hash === file.sha256 ? 'verified' : 'mismatch';
      set(verdict);
      if (verdict === 'mismatch') {
        tab?.close();
        return;
      }
      const url = URL.createObjectURL(new Blob([bytes], { type: file.type || 'application/octet-stream' }));
      if (tab) tab.location.href = url;
      else {
        const a = document.createElement('a');
        a.href = url;
        a.download = file.name;
        this.renderRoot.appendChild(a);
        a.click();
        a.remove();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      this.checks = new Map(this.checks);
      this.checks.delete(key);
      if (this.sessionLost(error)) return;
      this.actionProblem = problemOf(error);
    }
  }

  private transferAwaited(d: DossierDetail): boolean {
    const p = d.payment;
    return !!p && (p.state === 'due' || p.state === 'pending') && !!p.providers?.includes('vietqr') && this.roles.includes('reception');
  }

  override render(): TemplateResult {
    const s = strings(this.lang);
    const d = this.dossier;
    const back = html`<p><a href="#/">← ${s.back}</a></p>`;
    if (this.problem) return html`${back}<p class="notice problem" role="alert"><span class="visually-hidden">${s.errorPrefix} </span>${localize(this.problem, this.lang)}</p>`;
    if (!d) return html`${back}<p class="panel">${s.loading}</p>`;
    return html`${back}
      <section class="panel" aria-labelledby="dossier-title">
        <h1 id="dossier-title" tabindex="-1">${s.dossier(d.code)}</h1>
        ${renderSummary(d, this.lang)}
      </section>
      <section class="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">${s.actions}</h2>
        ${this.outcome
          ? html`<div class="notice success" id="outcome" tabindex="-1">
              <p>${this.outcome.text}</p>
              ${this.outcome.paper ? html`<p><a href=${this.outcome.paper.href} target="_blank" rel="noopener">${this.outcome.paper.name} — ${s.print}</a></p>` : nothing}
              ${this.outcome.supplementLink ? html`<p>${s.supplementLink}: <code>${this.outcome.supplementLink}</code></p>` : nothing}
            </div>`
          : nothing}
        ${renderActionForm({
          lang: this.lang, actions: d.actions, selected: this.selected, busy: this.busy, reasonMissing: this.reasonMissing, problem: this.actionProblem,
          onSelect: (a) => {
            this.selected = a;
            this.reasonMissing = false;
          },
          onSubmit: (input) => this.act(input),
        })}
      </section>
      ${RESULT_STATUSES.includes(d.status)
        ? html`<thutuc-desk-result .client=${this.client} .lang=${this.lang} .dossier=${d} @desk-recorded=${this.onRecorded}></thutuc-desk-result>`
        : nothing}
      <section class="panel" aria-labelledby="data-title"><h2 id="data-title">${s.data}</h2>${renderReview(d, this.lang)}</section>
      <section class="panel" aria-labelledby="documents-title">
        <h2 id="documents-title">${s.documents}</h2>
        ${renderDocuments({ dossier: d, lang: this.lang, checks: this.checks, onOpen: (f, how) => void this.open(f, how) })}
      </section>
      <section class="panel" aria-labelledby="fees-title">
        <h2 id="fees-title">${s.fees}</h2>${renderFees(d, this.lang)}
        ${this.transferAwaited(d) ? renderTransferConfirm({ lang: this.lang, busy: this.busy, onConfirm: (r) => this.confirmTransfer(r) }) : nothing}
      </section>
      <section class="panel" aria-labelledby="papers-title"><h2 id="papers-title">${s.papers}</h2>${renderPapers(d, this.papers, this.client, this.lang)}</section>
      <section class="panel" aria-labelledby="history-title">${renderSteps(d, this.lang)}<h2 id="history-title">${s.history}</h2>${renderHistory(d, this.lang)}</section>`;
  }
}
