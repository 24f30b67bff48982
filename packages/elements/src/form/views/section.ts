import { localize } from '@thutuc/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { FormField, Section } from '@thutuc/runtime/model';
import type { ConditionContext } from '@thutuc/runtime';
import { strings, type Lang } from '../../i18n.js';
import type { CompiledProcedure } from '../../types.js';
import { renderField, type FieldView } from '../render-field.js';
import { isFieldRequired, isFieldVisible, type Data } from '../state.js';

export interface SectionView {
  procedure: CompiledProcedure;
  lang: Lang;
  section: Section;
  data: Data;
  context: ConditionContext;
  /** Error text for a path, when it is to be shown. */
  errorFor(path: string): string | undefined;
  /** A value changed at a JSON Pointer (`/data/id` or `/data/group/index/sub`); undefined removes it. */
  onChange(path: string, value: unknown): void;
  /** The control at a JSON Pointer was left. */
  onBlur(path: string): void;
  /** Renders address fields with the province and commune pickers. */
  address?: FieldView['address'];
}

/** One section of the form: its title, hint and the fields visible now. */
export function renderSection(v: SectionView): TemplateResult {
  const { procedure: p, lang, section, data } = v;
  return html`<h2 tabindex="-1" part="step-title">${localize(section.title, lang)}</h2>
    ${section.hint ? html`<p class="hint">${localize(section.hint, lang)}</p>` : nothing}
    ${section.fields.filter((f) => isFieldVisible(p, f.id, data, v.context)).map((f) => fieldView(v, f, `/data/${f.id}`, f.id, data[f.id]))}`;
}

/** A field (or a field of a group entry `item`) with its live state; `key` is `id` or `group.sub`. */
function fieldView(v: SectionView, field: FormField, path: string, key: string, value: unknown, item?: Data): TemplateResult {
  return renderField({
    field,
    path,
    value,
    error: v.errorFor(path),
    required: isFieldRequired(v.procedure, field, key, v.data, v.context, item),
    lang: v.lang,
    s: strings(v.lang),
    onChange: (next) => v.onChange(path, next),
    onBlur: () => v.onBlur(path),
    renderGroupItem: (index, entry) => groupItem(v, field, path, index, entry),
    ...(v.address ? { address: v.address } : {}),
  });
}

function groupItem(v: SectionView, group: FormField, path: string, index: number, entry: Data): TemplateResult {
  const s = strings(v.lang);
  const remove = () => {
    const list = [...((v.data[group.id] as Data[] | undefined) ?? [])];
    list.splice(index, 1);
    v.onChange(path, list.length ? list : undefined);
  };
  return html`<fieldset class="item">
    <legend>${s.item(index + 1)}</legend>
    ${(group.fields ?? [])
      .filter((sub) => isFieldVisible(v.procedure, `${group.id}.${sub.id}`, v.data, v.context, entry))
      .map((sub) => fieldView(v, sub, `${path}/${index}/${sub.id}`, `${group.id}.${sub.id}`, entry[sub.id], entry))}
    <button type="button" class="link" @click=${remove}>${s.removeItem(index + 1)}</button>
  </fieldset>`;
}
