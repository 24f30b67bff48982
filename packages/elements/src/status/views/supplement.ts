import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { formatSize } from '../../form/files.js';
import { strings, type Lang } from '../../i18n.js';
import type { AttachedFile } from '../../types.js';
import type { DocumentAsked, LookupAnswer } from '../api.js';
import { statusStrings } from '../status-strings.js';

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

export interface SupplementView {
  lang: Lang;
  supplement: NonNullable<LookupAnswer['supplement']>;
  files: Record<string, AttachedFile[]>;
  fileProblems: Record<string, string[]>;
  busy: boolean;
  problem: string | undefined;
  onPick(doc: DocumentAsked, files: File[]): void;
  onRemove(docId: string, index: number): void;
  onSend(): void;
}

/** The documents asked for, one upload each with the same limits the form applies. */
export function renderSupplement(v: SupplementView): TemplateResult {
  const s = statusStrings(v.lang);
  const f = strings(v.lang);
  const upload = (doc: DocumentAsked) => {
    const id = `supplement-${doc.id}`;
    const files = v.files[doc.id] ?? [];
    const problems = v.fileProblems[doc.id] ?? [];
    const types = (doc.accept ?? []).map((t) => TYPE_NAMES[t] ?? t).join(', ');
    const onChange = (e: Event) => {
      const input = e.target as HTMLInputElement;
      const picked = [...(input.files ?? [])];
      input.value = '';
      v.onPick(doc, picked);
    };
    return html`<div class="group ${problems.length ? 'invalid' : ''}" part="field">
      <label for=${id} part="label">${localize(doc.name, v.lang)}</label>
      <p class="hint" id="${id}-hint" part="hint">${f.limits(types || '—', Math.round((doc.maxBytes ?? 10 * 1024 * 1024) / 1024 / 1024), doc.maxFiles ?? 5)}</p>
      ${problems.length ? html`<p class="error" id="${id}-error" part="error"><span class="visually-hidden">${s.errorPrefix} </span>${problems.join(' ')}</p>` : nothing}
      <input type="file" id=${id} multiple accept=${(doc.accept ?? []).join(',')} aria-describedby=${problems.length ? `${id}-hint ${id}-error` : `${id}-hint`} @change=${onChange} />
      ${files.length
        ? html`<ul class="files">
            ${files.map((file, i) => html`<li><span>${file.name}</span><span>${formatSize(file.size)}</span>
              <button type="button" class="link" @click=${() => v.onRemove(doc.id, i)}>${s.removeFile(file.name)}</button></li>`)}
          </ul>`
        : nothing}
    </div>`;
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    v.onSend();
  };
  return html`<section class="item" part="supplement" aria-labelledby="supplement-title">
    <h3 id="supplement-title">${s.supplementTitle}</h3>
    ${v.supplement.reason ? html`<p>${localize(v.supplement.reason, v.lang)}</p>` : nothing}
    ${v.supplement.requested.length
      ? html`<p>${s.requested}</p><ul>${v.supplement.requested.map((t) => html`<li>${localize(t, v.lang)}</li>`)}</ul>`
      : nothing}
    <form novalidate @submit=${onSubmit}>
      ${v.problem ? html`<div class="error-summary" role="alert" part="error-summary"><p>${s.sendFailed} ${v.problem}</p></div>` : nothing}
      ${v.supplement.documents.map(upload)}
      <div class="actions">
        <button type="submit" part="button" ?disabled=${v.busy} aria-busy=${v.busy ? 'true' : 'false'}>${v.busy ? s.sending : s.sendSupplement}</button>
      </div>
    </form>
  </section>`;
}
