import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizedText } from '@thutuc/runtime';
import type { DeliveryInput, DeliveryMethod, DossierDetail } from './api.js';
import { DeskPage } from './shared.js';
import { DELIVERY_METHODS, renderResultDelivery } from './views/result-delivery.js';
import { resultStrings } from './views/result-strings.js';

const chosenDelivery = (d: DossierDetail): DeliveryMethod | undefined => DELIVERY_METHODS.find((m) => m === d.envelope?.delivery);

/**
 * The result part of a dossier in processing (4) or processed (9): upload the electronic result
 * and record how it goes to the applicant, preselected to the applicant's choice. A refusal is
 * shown in its own form and focused; what was done is told to the dossier page by a
 * `desk-recorded` event (its text in `detail`), which reloads the dossier and announces it.
 *
 * @fires desk-recorded - A result was uploaded or a delivery recorded; `detail` says which, in words.
 */
export class ThutucDeskResult extends DeskPage {
  static override properties = {
    ...DeskPage.properties,
    dossier: { attribute: false },
    method: { state: true },
    uploadProblem: { state: true },
    deliveryProblem: { state: true },
  };

  declare dossier: DossierDetail;
  /** The method the delivery form shows, once the officer picked another than the applicant's. */
  declare method: DeliveryMethod | undefined;
  declare uploadProblem: LocalizedText | undefined;
  declare deliveryProblem: LocalizedText | undefined;
  private shownFor: string | undefined;

  override willUpdate(): void {
    // Another dossier starts from its own applicant's choice, with no refusal showing.
    if (this.dossier && this.dossier.code !== this.shownFor) {
      this.shownFor = this.dossier.code;
      this.method = undefined;
      this.uploadProblem = undefined;
      this.deliveryProblem = undefined;
    }
  }

  /** Sends one result or delivery request; a refusal goes into that form and takes focus. */
  private async record(form: 'result' | 'delivery', send: () => Promise<string>): Promise<void> {
    const setProblem = (p: LocalizedText | undefined) => (form === 'result' ? (this.uploadProblem = p) : (this.deliveryProblem = p));
    setProblem(undefined);
    const text = await this.run(send, (p) => {
      setProblem(p);
      this.focusFirst(`#${form}-form [role=alert]`);
    });
    if (text !== undefined) this.dispatchEvent(new CustomEvent('desk-recorded', { detail: text, bubbles: true, composed: true }));
  }

  private uploadResult(file: File | undefined): void {
    const s = resultStrings(this.lang);
    if (!file) {
      this.uploadProblem = { vi: resultStrings('vi').fileMissing, en: resultStrings('en').fileMissing };
      this.focusFirst('#result-form [role=alert]');
      return;
    }
    void this.record('result', async () => s.uploaded((await this.client.uploadResult(this.dossier.code, file)).name));
  }

  private recordDelivery(input: DeliveryInput): void {
    const s = resultStrings(this.lang);
    void this.record('delivery', async () => {
      await this.client.recordDelivery(this.dossier.code, input);
      return s.recorded(s.methods[input.method] ?? input.method);
    });
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.dossier;
    if (!d) return nothing;
    return html`<section class="panel" aria-labelledby="result-title">
      <h2 id="result-title">${resultStrings(this.lang).title}</h2>
      ${renderResultDelivery({
        lang: this.lang, busy: this.busy, chosen: chosenDelivery(d), method: this.method ?? chosenDelivery(d) ?? 'in_person',
        result: d.result, recorded: d.delivery, uploadProblem: this.uploadProblem, deliveryProblem: this.deliveryProblem,
        onMethod: (m) => (this.method = m),
        onUpload: (f) => this.uploadResult(f),
        onRecord: (input) => this.recordDelivery(input),
      })}
    </section>`;
  }
}
