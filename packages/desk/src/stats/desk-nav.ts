import { html, type TemplateResult } from 'lit';
import { strings, type Lang } from '../i18n.js';
import type { Route } from '../route.js';
import { statsStrings } from './stats-strings.js';

/** The desk's two places, the inbox (a dossier belongs to it) and the statistics. */
export function renderDeskNav(page: Route['page'], lang: Lang): TemplateResult {
  const here = (p: 'inbox' | 'stats') => ((p === 'stats') === (page === 'stats') ? 'page' : 'false');
  return html`<nav class="desk-nav" aria-label=${statsStrings(lang).navLabel}>
    <ul>
      <li><a href="#/" aria-current=${here('inbox')}>${strings(lang).inbox}</a></li>
      <li><a href="#/stats" aria-current=${here('stats')}>${statsStrings(lang).nav}</a></li>
    </ul>
  </nav>`;
}
