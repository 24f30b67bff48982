import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocumentRule } from '@thutuc/runtime';
import { addFiles } from '../form/files.js';
import { strings, type Lang } from '../i18n.js';
import type { AttachedFile } from '../types.js';
import { downloadResult, lookUp, sendSupplement, startPayment, StatusCallError, type DocumentAsked, type DossierKey, type LookupAnswer, type PaymentProvider, type VietQrPayment } from './api.js';
import { safeSvg } from './safe-svg.js';
import { statusStrings } from './status-strings.js';

export interface StatusSettings {
  api: string;
  lang: Lang;
}

/**
 * What <thutuc-status> knows and does: the dossier key the applicant typed (or the link
 * carried), the last lookup answer, the files chosen for a supplement, a payment started,
 * and a download. Every call keeps what was typed; failures become messages, not exceptions.
 *
 * @internal
 */
export class StatusController implements ReactiveController {
  key: DossierKey = { code: '', secret: '' };
  answer: LookupAnswer | undefined;
  busy: 'lookup' | 'supplement' | 'payment' | 'download' | undefined;
  /** Field errors of the lookup form, shown after a submit. */
  fieldErrors: { code?: string; secret?: string } = {};
  /** The last failure, in words, and which part of the page it belongs to. */
  problem: { where: 'lookup' | 'supplement' | 'payment' | 'download'; text: string } | undefined;
  files: Record<string, AttachedFile[]> = {};
  fileProblems: Record<string, string[]> = {};
  /** Confirmation after a supplement was sent. */
  sent: number | undefined;
  transfer: VietQrPayment | undefined;
  /** The transfer's QR code, checked once (see safe-svg.ts). */
  qr: SVGSVGElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => StatusSettings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  setKey(part: keyof DossierKey, value: string): void {
    this.key = { ...this.key, [part]: value };
  }

  async lookUp(): Promise<boolean> {
    const s = statusStrings(this.settings().lang);
    const code = this.key.code.trim();
    const secret = this.key.secret.trim();
    this.fieldErrors = { ...(code ? {} : { code: s.needCode }), ...(secret ? {} : { secret: s.needSecret }) };
    this.problem = undefined;
    if (!code || !secret) {
      this.host.requestUpdate();
      return false;
    }
    const answer = await this.#run('lookup', () => lookUp(this.settings().api, { code, secret }));
    if (answer) {
      this.answer = answer;
      this.key = { code: answer.code, secret };
      this.transfer = undefined;
    }
    this.host.requestUpdate();
    return !!answer;
  }

  /** Forgets the dossier (the applicant looks up another one). */
  reset(): void {
    Object.assign(this, { answer: undefined, key: { code: '', secret: '' }, files: {}, fileProblems: {}, sent: undefined, transfer: undefined, qr: undefined, problem: undefined, fieldErrors: {} });
    this.host.requestUpdate();
  }

  async addFiles(doc: DocumentAsked, picked: File[]): Promise<void> {
    const rule: DocumentRule = { id: doc.id, name: doc.name, cases: [], required: false, ...(doc.accept ? { accept: doc.accept } : {}), ...(doc.maxBytes ? { maxBytes: doc.maxBytes } : {}), ...(doc.maxFiles ? { maxFiles: doc.maxFiles } : {}) };
    const { files, problems } = await addFiles(rule, this.files[doc.id] ?? [], picked, strings(this.settings().lang));
    this.files = { ...this.files, [doc.id]: files };
    this.fileProblems = { ...this.fileProblems, [doc.id]: problems };
    this.host.requestUpdate();
  }

  removeFile(docId: string, index: number): void {
    this.files = { ...this.files, [docId]: (this.files[docId] ?? []).filter((_, i) => i !== index) };
    this.host.requestUpdate();
  }

  async sendSupplement(): Promise<void> {
    const s = statusStrings(this.settings().lang);
    const chosen = Object.fromEntries(Object.entries(this.files).filter(([, list]) => list.length));
    if (!Object.keys(chosen).length) {
      this.problem = { where: 'supplement', text: s.noFiles };
      this.host.requestUpdate();
      return;
    }
    const done = await this.#run('supplement', () => sendSupplement(this.settings().api, this.key, chosen));
    if (done) {
      this.files = {};
      this.fileProblems = {};
      // The confirmation appears with the refreshed status, never beside the old one.
      await this.#refresh();
      this.sent = done.files;
    }
    this.host.requestUpdate();
  }

  async pay(provider: PaymentProvider): Promise<void> {
    const started = await this.#run('payment', () => startPayment(this.settings().api, this.key, provider));
    if (started?.provider === 'vnpay') {
      // The gateway's page takes over; it sends the applicant back to the status page.
      window.location.assign(started.redirectUrl);
      return;
    }
    if (started) {
      this.transfer = started;
      this.qr = safeSvg(started.svg);
    }
    this.host.requestUpdate();
  }

  async download(): Promise<void> {
    const file = await this.#run('download', () => downloadResult(this.settings().api, this.key));
    this.host.requestUpdate();
    if (!file) return;
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async #refresh(): Promise<void> {
    const answer = await this.#run('lookup', () => lookUp(this.settings().api, this.key));
    if (answer) this.answer = answer;
  }

  async #run<T>(where: NonNullable<StatusController['busy']>, work: () => Promise<T>): Promise<T | undefined> {
    const { lang } = this.settings();
    const s = statusStrings(lang);
    this.busy = where;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      return await work();
    } catch (error) {
      const reason = error instanceof StatusCallError ? error.reason : undefined;
      const text = error instanceof StatusCallError && error.status === 0 ? s.offline : where === 'lookup' && (error as StatusCallError).status === 404 ? s.notFound : reason ? reason[lang] : s.offline;
      this.problem = { where, text };
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }
}
