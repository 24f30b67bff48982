import { html, nothing, type TemplateResult } from 'lit';
import { localize } from '@thutuc/runtime';
import type { Lang } from '../i18n.js';
import { statsStrings } from './stats-strings.js';
import type { FieldFigures, OnlineShareTargets } from './stats-types.js';

export interface TargetsFormView {
  lang: Lang;
  targets: OnlineShareTargets;
  /** The fields to offer a target for: those with dossiers in the period, then any already targeted. */
  fields: readonly Pick<FieldFigures, 'key' | 'name'>[];
  busy: boolean;
  error?: string;
  onSubmit(targets: OnlineShareTargets): void;
  onInvalid(message: string): void;
}

/** Reads a percent input: empty is "no target"; anything else must be a number 0–100. */
function percentOf(value: FormDataEntryValue | null): number | null | undefined {
  const text = String(value ?? '').trim().replace(',', '.');
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** The admin's form for the agency's online-share targets (the whole set is saved at once). */
export function renderTargetsForm(v: TargetsFormView): TemplateResult {
  const s = statsStrings(v.lang);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const overall = percentOf(data.get('overall'));
    const fields: Record<string, number> = {};
    let bad = overall === undefined;
    v.fields.forEach((f, i) => {
      const p = percentOf(data.get(`field-${i}`));
      if (p === undefined) bad = true;
      else if (p !== null) fields[f.key] = p;
    });
    if (bad) v.onInvalid(s.badPercent);
    else v.onSubmit({ overall: overall ?? null, fields });
  };
  const input = (id: string, label: string, value: number | null | undefined) => html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${id} type="number" inputmode="decimal" min="0" max="100" step="0.1" .value=${value === null || value === undefined ? '' : String(value)}
      aria-describedby=${v.error ? 'targets-hint targets-error' : 'targets-hint'} aria-invalid=${v.error ? 'true' : 'false'} />
  </div>`;
  return html`<section class="panel" aria-labelledby="targets-title">
    <h2 id="targets-title">${s.targets}</h2>
    <p class="hint" id="targets-hint">${s.targetsHint}</p>
    ${v.error ? html`<p class="notice problem" role="alert" id="targets-error">${v.error}</p>` : nothing}
    <form @submit=${submit} novalidate>
      ${input('overall', s.overallTarget, v.targets.overall)}
      ${v.fields.map((f, i) => input(`field-${i}`, s.fieldTarget(localize(f.name, v.lang)), v.targets.fields[f.key]))}
      <button type="submit" ?disabled=${v.busy}>${s.save}</button>
    </form>
  </section>`;
}
