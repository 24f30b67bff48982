import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../dates.js';
import type { Lang } from '../../i18n.js';
import type { LookupAnswer } from '../api.js';
import { statusStrings } from '../status-strings.js';

/** What the time limit says right now, in a sentence. */
function timeSentence(a: LookupAnswer, lang: Lang): string | undefined {
  const s = statusStrings(lang);
  switch (a.time.state) {
    case 'on-time':
      return a.time.workingDaysLeft !== undefined ? s.daysLeft(a.time.workingDaysLeft) : undefined;
    case 'overdue':
      return s.overdue;
    case 'paused':
      return s.paused(a.time.remaining);
    case 'finished-on-time':
      return s.finishedOnTime;
    case 'finished-late':
      return s.finishedLate;
    case 'not-started':
      return s.notStarted;
    default:
      return undefined;
  }
}

/** The dossier at a glance: procedure, national status, dates, time left and what to do next. */
export function renderSummary(a: LookupAnswer, lang: Lang): TemplateResult {
  const s = statusStrings(lang);
  const time = timeSentence(a, lang);
  const due = formatDate(a.dueDate ?? undefined, lang);
  return html`<section class="summary" part="summary" aria-labelledby="status-heading">
    <h2 id="status-heading" tabindex="-1" part="step-title">${a.procedure.title ? localize(a.procedure.title, lang) : a.procedure.id}</h2>
    <p class="code-line">${s.code}: <span class="code">${a.code}</span></p>
    <p class="status-badge status-${a.status.code}" part="status">
      <span class="visually-hidden">${s.status}: </span>${a.status.label[lang]} <span class="hint">(${s.statusCode(a.status.code)})</span>
    </p>
    <dl class="facts">
      <dt>${s.submittedAt}</dt><dd>${formatDate(a.submittedAt, lang)}</dd>
      ${a.acceptedAt ? html`<dt>${s.acceptedAt}</dt><dd>${formatDate(a.acceptedAt, lang)}</dd>` : nothing}
      ${due ? html`<dt>${s.due}</dt><dd><strong>${due}</strong></dd>` : nothing}
    </dl>
    ${time ? html`<p class="time ${a.time.state}" part="time">${time}</p>` : nothing}
    <h3>${s.next}</h3>
    <p part="todo">${a.todo ? a.todo[lang] : s.nothingToDo}</p>
  </section>`;
}
