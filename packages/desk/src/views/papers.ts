import { html, type TemplateResult } from 'lit';
import type { DeskApi, DossierDetail, StoredPaper } from '../api.js';
import { strings, vietnamDateTime, type Lang } from '../i18n.js';

/**
 * The papers issued for the dossier, each opening printable in a new tab. With an intake that
 * stores papers, the stored copies and Mẫu 06 (drawn from the history); with one that does not,
 * the papers the history names, printed from the dossier as it is now.
 */
export function renderPapers(d: DossierDetail, stored: StoredPaper[] | undefined, client: DeskApi, lang: Lang): TemplateResult {
  const s = strings(lang);
  const items = stored
    ? [...stored.map((p) => ({ href: client.paperUrl(d.code, p.id), name: s.paperNames[p.kind] ?? p.kind, at: p.createdAt })), { href: client.paperUrl(d.code, 'control'), name: s.controlSheet, at: undefined }]
    : [...new Set(d.history.flatMap((h) => h.papers))].map((kind) => ({ href: client.paperUrl(d.code, kind), name: s.paperNames[kind] ?? kind, at: d.history.find((h) => h.papers.includes(kind))?.at }));
  if (!items.length) return html`<p>${s.noPapers}</p>`;
  return html`<ul class="plain">
    ${items.map((p) => html`<li><a href=${p.href} target="_blank" rel="noopener">${p.name}</a>${p.at ? html` <span class="hint">(${vietnamDateTime(p.at)})</span>` : ''} <span class="visually-hidden">— ${s.print}</span></li>`)}
  </ul>`;
}
