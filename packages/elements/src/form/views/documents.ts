import { copyRequirementText, localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { strings, type Lang } from '../../i18n.js';
import type { AttachedFile, CompiledProcedure } from '../../types.js';
import { addFiles, formatSize } from '../files.js';
import { controlId, formChannel } from '../state.js';

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

export interface DocumentsView {
  procedure: CompiledProcedure;
  lang: Lang;
  /** The case the applicant chose; until then the first case's documents are asked for. */
  caseId: string | undefined;
  files: ReadonlyMap<string, AttachedFile[]>;
  /** Per document, why picked files were refused. */
  fileProblems: ReadonlyMap<string, string[]>;
  /** Error text for a path, when it is to be shown. */
  errorFor(path: string): string | undefined;
  onCase(caseId: string): void;
  onFiles(documentId: string, files: AttachedFile[], problems: string[]): void;
}

/** The documents step: the case that applies, then one upload per document of that case. */
export function renderDocumentsStep(v: DocumentsView): TemplateResult {
  const { procedure: p, lang } = v;
  const s = strings(lang);
  const cases = p.definition.cases;
  const caseId = v.caseId ?? cases[0]!.id;
  const chosen = cases.find((c) => c.id === caseId) ?? cases[0]!;
  const online = formChannel(p) === 'online';
  const caseError = v.errorFor('/case');

  const caseChoice =
    cases.length > 1
      ? html`<fieldset class="group ${caseError ? 'invalid' : ''}" part="field">
          <legend part="label">${s.caseLegend}</legend>
          ${caseError ? html`<p class="error" part="error"><span class="visually-hidden">${s.errorPrefix} </span>${caseError}</p>` : nothing}
          ${cases.map(
            (c, i) => html`<div class="option">
              <input type="radio" name="/case" id=${i === 0 ? controlId('/case') : `${controlId('/case')}-${i}`} value=${c.id}
                .checked=${v.caseId === c.id} @change=${() => v.onCase(c.id)} />
              <label for=${i === 0 ? controlId('/case') : `${controlId('/case')}-${i}`}>${localize(c.name, lang)}</label>
            </div>`,
          )}
        </fieldset>`
      : nothing;

  const documents = chosen.documents.map((doc) => {
    const rule = p.rules.documents.find((r) => r.id === doc.id)!;
    const path = `/documents/${doc.id}`;
    const id = controlId(path);
    // The kind of copy and any translation the record asks for: known before the applicant scans.
    const copyNote = copyRequirementText(doc);
    const copyLine = copyNote ? html`<br />${localize(copyNote, lang)}` : nothing;
    const counts = html`<p class="hint">${s.copies(doc.originals ?? 1, doc.copies ?? 0)}${copyLine}</p>`;
    if (doc.presentOnly || (doc.electronicForm && online)) {
      return html`<div class="group" part="field">
        <h3>${localize(doc.name, lang)}</h3>
        ${counts}
        <p>${doc.presentOnly ? s.presentOnly : s.electronicForm}</p>
      </div>`;
    }
    const files = v.files.get(doc.id) ?? [];
    const error = v.errorFor(path);
    const problems = v.fileProblems.get(doc.id) ?? [];
    const accept = (rule.accept ?? []).map((t) => TYPE_NAMES[t] ?? t).join(', ');
    const onPick = async (e: Event) => {
      const input = e.target as HTMLInputElement;
      const picked = [...(input.files ?? [])];
      input.value = '';
      const result = await addFiles(rule, files, picked, s);
      v.onFiles(doc.id, result.files, result.problems);
    };
    const remove = (index: number) => v.onFiles(doc.id, files.filter((_, i) => i !== index), []);
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    return html`<div class="group ${error || problems.length ? 'invalid' : ''}" part="field">
      <label for=${id} part="label">${localize(doc.name, lang)}${rule.required || rule.requiredWhen ? nothing : html` <span>${s.optional}</span>`}</label>
      <p class="hint" id=${hintId} part="hint">
        ${s.copies(doc.originals ?? 1, doc.copies ?? 0)}. ${s.limits(accept, Math.round((rule.maxBytes ?? 0) / 1024 / 1024), rule.maxFiles ?? 5)}${copyLine}
        ${doc.note ? html`<br />${localize(doc.note, lang)}` : nothing}
      </p>
      ${error || problems.length
        ? html`<p class="error" id=${errorId} part="error"><span class="visually-hidden">${s.errorPrefix} </span>${[error, ...problems].filter(Boolean).join(' ')}</p>`
        : nothing}
      <input type="file" id=${id} name=${path} multiple accept=${(rule.accept ?? []).join(',')} aria-describedby=${error || problems.length ? `${hintId} ${errorId}` : hintId}
        aria-invalid=${error ? 'true' : 'false'} @change=${onPick} />
      ${files.length
        ? html`<ul class="files">
            ${files.map(
              (f, i) => html`<li><span>${f.name}</span><span>${formatSize(f.size)}</span>
                <button type="button" class="link" @click=${() => remove(i)}>${s.removeFile(f.name)}</button></li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  });

  return html`<h2 tabindex="-1" part="step-title">${s.documentsTitle}</h2>${caseChoice}${documents}`;
}
