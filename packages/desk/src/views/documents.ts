import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '@thutuc/runtime';
import type { DossierDetail, DossierFile } from '../api.js';
import { strings, type Lang } from '../i18n.js';

/** What checking a file's bytes against the SHA-256 recorded on receipt found. */
export type Verification = 'checking' | 'verified' | 'mismatch' | 'unverifiable';

export interface DocumentsView {
  dossier: DossierDetail;
  lang: Lang;
  checks: ReadonlyMap<string, Verification>;
  onOpen(file: DossierFile, how: 'view' | 'download'): void;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Files by round (as submitted, then each supplement), each viewable and downloadable once its hash is checked. */
export function renderDocuments(v: DocumentsView): TemplateResult {
  const { dossier: d, lang } = v;
  const s = strings(lang);
  if (!d.files.length) return html`<p>${s.noDocuments}</p>`;
  const message = (check: Verification | undefined) =>
    check === 'verified' ? html`<span>✓ ${s.verified}</span>`
    : check === 'mismatch' ? html`<span class="error" role="alert">${s.mismatch}</span>`
    : check === 'unverifiable' ? html`<span class="hint">${s.cannotVerify}</span>`
    : check === 'checking' ? html`<span class="hint">${s.loading}</span>`
    : nothing;
  return html`<table>
    <caption class="visually-hidden">${s.documents}</caption>
    <thead><tr><th scope="col">${s.documents}</th><th scope="col">${s.file}</th><th scope="col">${s.size}</th><th scope="col"><span class="visually-hidden">${s.view}, ${s.download}</span></th></tr></thead>
    <tbody>
      ${d.files.map((f) => {
        const label = `${f.name} (${s.round(f.round)})`;
        return html`<tr>
          <td>${d.documentNames[f.document] ? localize(d.documentNames[f.document]!, lang) : f.document}<br /><span class="hint">${s.round(f.round)}</span></td>
          <td>${f.name}<br /><span class="hint">SHA-256 ${f.sha256.slice(0, 16)}…</span></td>
          <td>${size(f.size)}</td>
          <td>
            <span class="actions">
              <button type="button" class="secondary" @click=${() => v.onOpen(f, 'view')}>${s.view}<span class="visually-hidden"> ${label}</span></button>
              <button type="button" class="secondary" @click=${() => v.onOpen(f, 'download')}>${s.download}<span class="visually-hidden"> ${label}</span></button>
            </span>
            <div aria-live="polite">${message(v.checks.get(fileKey(f)))}</div>
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export const fileKey = (f: DossierFile): string => `${f.round}/${f.document}/${f.index}`;

/** Hex SHA-256 of the bytes, or undefined where Web Crypto is unavailable (plain HTTP off localhost). */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
