import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormField } from '@thutuc/runtime/model';
import type { ConditionContext, SubmissionFees } from '@thutuc/runtime';
import { strings, type Lang } from '../../i18n.js';
import type { AttachedFile, CompiledProcedure } from '../../types.js';
import { formatSize } from '../files.js';
import { isFieldVisible, type Data, type Step } from '../state.js';
import { renderFeeTable } from './fees.js';
import { addressText } from '../address/address-text.js';
import type { PlaceData } from '../address/places.js';

function show(field: FormField, value: unknown, lang: Lang, places: PlaceData | undefined): string {
  const s = strings(lang);
  if (value === undefined || value === null || value === '') return s.empty;
  switch (field.type) {
    case 'boolean':
      return value === true ? s.yes : s.no;
    case 'choice':
      return localize(field.options?.find((o) => o.value === value)?.label, lang) || String(value);
    case 'multi_choice':
      return (value as string[]).map((v) => localize(field.options?.find((o) => o.value === v)?.label, lang) || v).join(', ');
    case 'address':
      return addressText(value as Record<string, string | undefined>, places, lang, s);
    case 'group':
      return (value as Record<string, unknown>[])
        .map((entry, i) => `${s.item(i + 1)}: ${(field.fields ?? []).map((sub) => (entry[sub.id] === undefined ? '' : show(sub, entry[sub.id], lang, places))).filter(Boolean).join('; ')}`)
        .join('\n');
    default:
      return String(value);
  }
}

export interface ReviewView {
  procedure: CompiledProcedure;
  lang: Lang;
  steps: Step[];
  data: Data;
  context: ConditionContext;
  caseId: string | undefined;
  delivery: string | undefined;
  files: ReadonlyMap<string, AttachedFile[]>;
  fees: SubmissionFees;
  /** "Thay đổi": back to the step at this index. */
  onChange(stepIndex: number): void;
  /** Names of provinces and communes, for addresses. */
  places?: PlaceData;
}

/** "Kiểm tra thông tin": every answer, each section with a link back to change it. */
export function renderReview(v: ReviewView): TemplateResult {
  const { procedure: p, lang, steps, data } = v;
  const s = strings(lang);
  const change = (index: number, label: string) =>
    html`<button type="button" class="link" @click=${() => v.onChange(index)}>${s.change}<span class="visually-hidden"> ${label}</span></button>`;
  const sections = steps.map((step, index) => {
    if (step.kind !== 'section') return nothing;
    const fields = step.section.fields.filter((f) => isFieldVisible(p, f.id, data, v.context));
    return html`<h3>${localize(step.section.title, lang)}</h3>
      <dl class="review" part="review">
        ${fields.map((f) => html`<dt>${localize(f.label, lang)}</dt><dd>${show(f, data[f.id], lang, v.places)}</dd><dd>${change(index, localize(f.label, lang))}</dd>`)}
      </dl>`;
  });
  const documentsIndex = steps.findIndex((step) => step.kind === 'documents');
  const caseDef = p.definition.cases.find((c) => c.id === (v.caseId ?? p.definition.cases[0]!.id));
  const documents =
    documentsIndex >= 0 && caseDef
      ? html`<h3>${s.reviewDocuments}</h3>
          <dl class="review" part="review">
            ${caseDef.documents
              .filter((d) => v.files.has(d.id) || !d.presentOnly)
              .map((d) => {
                const files = v.files.get(d.id) ?? [];
                return html`<dt>${localize(d.name, lang)}</dt>
                  <dd>${files.length ? files.map((f) => `${f.name} (${formatSize(f.size)})`).join('\n') : s.reviewNoFiles}</dd>
                  <dd>${change(documentsIndex, localize(d.name, lang))}</dd>`;
              })}
          </dl>`
      : nothing;
  const feesIndex = steps.findIndex((step) => step.kind === 'fees');
  return html`<h2 tabindex="-1" part="step-title">${s.reviewTitle}</h2>
    ${sections}${documents}
    <h3>${s.feesTitle}</h3>
    ${v.delivery ? html`<p>${s.delivery[v.delivery] ?? v.delivery} ${change(feesIndex, s.deliveryLegend)}</p>` : nothing}
    ${renderFeeTable(v.fees, lang)}`;
}
