import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../dates.js';
import type { Lang } from '../../i18n.js';
import type { LookupAnswer } from '../api.js';
import { statusStrings } from '../status-strings.js';

/**
 * The procedure's declared steps as an ordered list, as the server reports them: done, the current one (marked with
 * aria-current so screen readers announce it), those still to come, each with its due day
 * when the procedure shares its time limit between steps, and those that are not part of this
 * dossier's way (another channel; a supplement, refusal or extension that did not happen).
 */
export function renderTimeline(progress: LookupAnswer['progress'], lang: Lang): TemplateResult {
  const s = statusStrings(lang);
  if (!progress.steps.length) return html`<h3>${s.timeline}</h3><p>${s.noSteps}</p>`;
  // The server says which step is current (none once the dossier is closed); an older server's answer has `done` only.
  const firstOpen = progress.steps.findIndex((step) => !step.done);
  return html`<h3 id="status-timeline">${s.timeline}</h3>
    <ol class="timeline" part="timeline" aria-labelledby="status-timeline">
      ${progress.steps.map((step, i) => {
        const state = step.state ?? (step.done ? 'done' : i === firstOpen ? 'current' : 'pending');
        const label = { done: s.stepDone, current: s.stepCurrent, pending: s.stepPending, skipped: s.stepSkipped, 'if-needed': s.stepIfNeeded }[state];
        return html`<li class=${state} part="timeline-step ${state}" aria-current=${state === 'current' ? 'step' : nothing}>
          <span class="marker" aria-hidden="true"></span>
          <span class="step-title">${localize(step.title, lang)}</span>
          <span class="step-state">${label}${step.due && (state === 'current' || state === 'pending') ? html` · ${s.stepDue} ${formatDate(step.due.slice(0, 10), lang)}` : nothing}</span>
        </li>`;
      })}
    </ol>`;
}
