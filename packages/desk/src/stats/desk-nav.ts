import { html, type TemplateResult } from 'lit';
import { strings, type Lang } from '../i18n.js';
import type { Route } from '../route.js';
import { registerStrings } from '../register/register-strings.js';
import { statsStrings } from './stats-strings.js';

/** The desk's places: the inbox (a dossier belongs to it), the statistics and the register. */
export function renderDeskNav(page: Route['page'], lang: Lang): TemplateResult {
  const place = page === 'dossier' ? 'inbox' : page;
  const here = (p: typeof place) => (p === place ? 'page' : 'false');
  return html`<nav class="desk-nav" aria-label=${statsStrings(lang).navLabel}>
    <ul>
      <li><a href="#/" aria-current=${here('inbox')}>${strings(lang).inbox}</a></li>
      <li><a href="#/stats" aria-current=${here('stats')}>${statsStrings(lang).nav}</a></li>
      <li><a href="#/register" aria-current=${here('register')}>${registerStrings(lang).nav}</a></li>
    </ul>
  </nav>`;
}
