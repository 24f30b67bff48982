import { html, type TemplateResult } from 'lit';
import type { Lang } from '../i18n.js';
import { statsStrings } from '../stats/stats-strings.js';

export interface PeriodFormView {
  lang: Lang;
  from: string;
  to: string;
  /** The page the chosen period opens, e.g. `#/stats`. */
  target: string;
  /** Shown beside the fields, e.g. "the start is after the end". */
  problem?: string | undefined;
}

/** Keeps a `from`/`to` pair that are plain ISO dates, dropping anything else. */
export function periodOf(query: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['from', 'to']) {
    const value = query.get(key);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) q.set(key, value);
  }
  return q;
}

/** The period fields the statistics and the register share: submitting opens `target?from=…&to=…`. */
export function renderPeriodForm(v: PeriodFormView): TemplateResult {
  const s = statsStrings(v.lang);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const q = new URLSearchParams();
    for (const key of ['from', 'to']) if (data.get(key)) q.set(key, String(data.get(key)));
    location.hash = `${v.target}?${q}`;
  };
  return html`<form class="toolbar" @submit=${submit} aria-label=${s.period}>
    <div class="field"><label for="from">${s.from}</label><input id="from" name="from" type="date" .value=${v.from} /></div>
    <div class="field"><label for="to">${s.to}</label><input id="to" name="to" type="date" .value=${v.to} /></div>
    <button type="submit">${s.show}</button>
  </form>
  ${v.problem ? html`<p class="notice problem" role="alert">${v.problem}</p>` : ''}`;
}
