import { copyRequirementText, localize, processingTimeText, validityText } from '@thutuc/runtime';
import type { Procedure, Text } from '@thutuc/core';
import { ACTORS, DELIVERY, GOV_LEVELS, ONLINE_LEVELS, STATUSES, dateText, knownDateText, type ReportLang } from './labels.js';
import type { ReportRow } from './rows.js';

/**
 * What one procedure page shows, as plain strings in the page's language. Everything is
 * worked out here so the template only loops and prints (escaped): no logic in markup.
 */

type Doc = Procedure['cases'][number]['documents'][number];
const NONE = null;

function quantity(d: Doc, lang: ReportLang): string {
  const parts: string[] = [];
  if (d.originals) parts.push(localize({ vi: `${d.originals} bản chính`, en: `${d.originals} original${d.originals === 1 ? '' : 's'}` }, lang));
  if (d.copies) parts.push(localize({ vi: `${d.copies} bản sao`, en: `${d.copies} cop${d.copies === 1 ? 'y' : 'ies'}` }, lang));
  return parts.join(', ') || '—';
}

/** Required, required in some cases (requiredWhen), optional; plus "present only". */
function requirement(d: Doc, lang: ReportLang): string {
  const base = d.requiredWhen !== undefined
    ? { vi: 'Bắt buộc trong một số trường hợp', en: 'Required in some cases' }
    : d.required === false ? { vi: 'Không bắt buộc', en: 'Optional' } : { vi: 'Bắt buộc', en: 'Required' };
  const present = d.presentOnly ? { vi: '; chỉ xuất trình, không nộp', en: '; shown, not submitted' } : { vi: '', en: '' };
  return base[lang] + present[lang];
}

function documentNotes(d: Doc, all: readonly Doc[], lang: ReportLang): string[] {
  const notes: string[] = [];
  const alternatives = (d.alternatives ?? []).map((id) => all.find((x) => x.id === id)).filter((x): x is Doc => !!x);
  if (alternatives.length) notes.push(`${localize({ vi: 'Có thể nộp thay bằng', en: 'May be replaced by' }, lang)}: ${alternatives.map((x) => localize(x.name, lang)).join('; ')}`);
  const copies = copyRequirementText(d);
  if (copies) notes.push(localize(copies, lang));
  if (d.electronicForm) notes.push(localize({ vi: 'Khi nộp trực tuyến: khai trên biểu mẫu điện tử.', en: 'Online: filled in on the electronic form.' }, lang));
  if (d.note) notes.push(localize(d.note, lang));
  return notes;
}

function templateText(d: Doc, lang: ReportLang): string | null {
  const t = d.template;
  if (!t) return NONE;
  return [t.code, t.name ? localize(t.name, lang) : '', t.file ? `(${t.file})` : ''].filter(Boolean).join(' — ');
}

export function procedurePage(p: Procedure, row: ReportRow, lang: ReportLang, agencyNames: ReadonlyMap<string, Text>) {
  const opt = (t: Text | undefined) => (t ? localize(t, lang) : NONE);
  const cutoff = (time: string) =>
    localize({ vi: `Nhận sau ${time}: trả kết quả vào ngày làm việc tiếp theo.`, en: `Received after ${time}: the result comes the next working day.` }, lang);
  const executing = (p.agencies?.executing ?? []).map((id) => (agencyNames.has(id) ? localize(agencyNames.get(id), lang) : id));
  return {
    title: localize(p.title, lang),
    code: p.code,
    id: p.id,
    field: localize(p.field.name, lang),
    levels: p.levels.map((l) => GOV_LEVELS[l][lang]).join(', '),
    online: ONLINE_LEVELS[p.onlineLevel][lang],
    onlineLevel: p.onlineLevel,
    status: STATUSES[p.status][lang],
    isDraft: p.status === 'draft',
    version: p.version,
    effectiveDate: row.effectiveDate,
    effective: knownDateText(row.effectiveDate, lang),
    decision: p.decision ? [p.decision.number, dateText(p.decision.date, lang), p.decision.issuer ?? ''].filter(Boolean).join(' · ') : NONE,
    agencies: executing.length ? executing.join('; ') : NONE,
    description: opt(p.description),
    requirements: opt(p.requirements),
    channels: row.channels.map((c) => ({
      name: c.name[lang],
      time: c.processingTime.text[lang],
      cutoff: c.processingTime.sameDayCutoff ? cutoff(c.processingTime.sameDayCutoff) : NONE,
      extensions: c.processingTime.extensions.map((e) => localize({ vi: `Gia hạn thêm ${e.text.vi}: ${localize(e.reason, lang)}`, en: `Extended by ${e.text.en}: ${localize(e.reason, lang)}` }, lang)),
      raw: c.processingTime.raw ?? NONE,
      note: opt(c.note),
      fees: c.fees.map((f) => ({
        label: localize(f.label, lang),
        type: f.typeName[lang],
        price: f.price[lang],
        conditional: f.conditional,
        reason: opt(f.reason),
        detail: (f.status === 'local' || f.status === 'unknown') && f.detail ? localize(f.detail, lang) : NONE,
        exemptions: f.exemptions.map((e) => ({ reason: [localize(e.reason, lang), e.reduced ? `${localize({ vi: 'mức thu', en: 'charged' }, lang)} ${localize(e.reduced, lang)}` : '', e.period ? localize(e.period, lang) : ''].filter(Boolean).join(' · '), basis: e.legalBasis.join(', ') || NONE })),
        basis: f.legalBasis.join(', ') || NONE,
        note: opt(f.note),
      })),
    })),
    cases: p.cases.map((c) => ({
      name: localize(c.name, lang),
      code: c.code ?? NONE,
      documents: c.documents.map((d) => ({
        name: localize(d.name, lang),
        quantity: quantity(d, lang),
        requirement: requirement(d, lang),
        template: templateText(d, lang),
        notes: documentNotes(d, c.documents, lang),
      })),
    })),
    steps: (p.steps ?? []).map((s) => ({ actor: ACTORS[s.actor][lang], title: localize(s.title, lang), description: opt(s.description), timeLimit: s.timeLimit ? localize(processingTimeText(s.timeLimit), lang) : NONE })),
    results: p.results.map((r) => ({ name: localize(r.name, lang), code: r.code ?? NONE, electronic: r.electronic === true, validity: r.validity ? localize(validityText(r.validity), lang) : NONE })),
    delivery: p.delivery?.length ? p.delivery.map((d) => DELIVERY[d][lang]).join('; ') : NONE,
    legalBasis: p.legalBasis.map((l) => ({
      number: l.number,
      title: localize(l.title, lang),
      issuer: l.issuer ?? NONE,
      dates: [l.date ? dateText(l.date, lang) : '', l.effectiveDate ? `${localize({ vi: 'hiệu lực', en: 'in force' }, lang)} ${dateText(l.effectiveDate, lang)}` : ''].filter(Boolean).join(' · ') || '—',
      articles: l.articles ?? NONE,
    })),
    gaps: (p.gaps ?? []).map((g) => localize(g, lang)),
    sources: p.sources ?? [],
  };
}
