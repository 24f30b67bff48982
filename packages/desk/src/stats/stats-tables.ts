import { html, type TemplateResult } from 'lit';
import type { Lang } from '../i18n.js';
import { statsStrings } from './stats-strings.js';
import type { Figures, Targeted } from './stats-types.js';

export interface TableRow {
  name: string;
  figures: Figures & Partial<Targeted>;
}

/**
 * A group's figures as a table (the agency, fields, levels, procedures). Wide, so it scrolls
 * inside a focusable region rather than the whole page scrolling sideways.
 */
export function renderFiguresTable(id: string, caption: string, nameHeader: string, rows: readonly TableRow[], lang: Lang, withTarget: boolean): TemplateResult {
  const s = statsStrings(lang);
  const n = (v: number | null) => (v === null ? s.notStated : v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));
  return html`<div class="scroll" role="region" tabindex="0" aria-labelledby=${`${id}-caption`}>
    <table id=${id}>
      <caption id=${`${id}-caption`}>${caption}</caption>
      <thead><tr>
        <th scope="col">${nameHeader}</th><th scope="col" class="amount">${s.received}</th><th scope="col" class="amount">${s.online}</th>
        <th scope="col" class="amount">${s.post}</th><th scope="col" class="amount">${s.inPerson}</th><th scope="col" class="amount">${s.share}</th>
        ${withTarget ? html`<th scope="col" class="amount">${s.target}</th>` : ''}
        <th scope="col" class="amount">${s.onTime}</th><th scope="col" class="amount">${s.late}</th><th scope="col" class="amount">${s.overdue}</th>
        <th scope="col" class="amount">${s.pending}</th><th scope="col" class="amount">${s.closed}</th><th scope="col" class="amount">${s.days}</th>
        <th scope="col" class="amount">${s.supplements}</th>
      </tr></thead>
      <tbody>${rows.map(({ name, figures: f }) => html`<tr>
        <th scope="row">${name}</th><td class="amount">${n(f.received)}</td><td class="amount">${n(f.channels.online)}</td>
        <td class="amount">${n(f.channels.post)}</td><td class="amount">${n(f.channels.in_person)}</td><td class="amount">${s.percent(f.onlineSharePercent)}</td>
        ${withTarget ? html`<td class="amount">${s.percent(f.targetPercent ?? null)}</td>` : ''}
        <td class="amount">${n(f.onTime)}</td><td class="amount">${n(f.late)}</td><td class="amount">${n(f.overdue)}</td>
        <td class="amount">${n(f.pending)}</td><td class="amount">${n(f.closed)}</td><td class="amount">${n(f.averageWorkingDays)}</td>
        <td class="amount">${n(f.supplementsRequested)}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
