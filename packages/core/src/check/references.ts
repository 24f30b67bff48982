import { diagnostic, type Diagnostic, type LocalizedText } from '../diagnostics/diagnostic.js';
import type { ParsedSource } from '../source/parse.js';
import { didYouMean } from '../suggest.js';
import { describeLocation, type CatalogueFiles } from './catalogue.js';

const WHAT = {
  agency: { vi: 'cơ quan', en: 'agency' },
  documentType: { vi: 'loại giấy tờ', en: 'document type' },
  legal: { vi: 'văn bản căn cứ (trong legalBasis)', en: 'legal document (in legalBasis)' },
  document: { vi: 'giấy tờ trong cùng trường hợp', en: 'document in the same case' },
  procedure: { vi: 'thủ tục', en: 'procedure' },
} satisfies Record<string, LocalizedText>;

function resolver(out: Diagnostic[], source: ParsedSource, what: LocalizedText, known: ReadonlySet<string>) {
  return (ref: string, pointer: string) => {
    if (!known.has(ref)) out.push(diagnostic('TT3002', source.locate(pointer), { what, ref, hint: didYouMean(ref, known) }));
  };
}

/** Every name that points somewhere must find what it points to. */
export function checkReferences(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const agencies = new Set(files.agencies.flatMap((f) => f.value.agencies.map((a) => a.id)));
  const documentTypes = new Set(files.documentTypes.flatMap((f) => f.value.documentTypes.map((t) => t.id)));
  const templates = new Map<string, { json: string; source: ParsedSource; pointer: string }>();

  for (const { value: p, source } of files.procedures) {
    const agency = resolver(out, source, WHAT.agency, agencies);
    for (const role of ['executing', 'authority', 'delegated', 'coordinating'] as const) {
      (p.agencies?.[role] ?? []).forEach((id, i) => agency(id, `/agencies/${role}/${i}`));
    }
    const legal = resolver(out, source, WHAT.legal, new Set(p.legalBasis.map((l) => l.id)));
    (p.changeBasis ?? []).forEach((id, i) => legal(id, `/changeBasis/${i}`));
    // A step meant for one way of filing names a channel the procedure offers.
    const channels = new Set(p.channels.map((c) => c.channel));
    (p.steps ?? []).forEach((step, i) =>
      (step.channels ?? []).forEach((channel, k) => {
        if (!channels.has(channel)) out.push(diagnostic('TT3044', source.locate(`/steps/${i}/channels/${k}`), { step: step.title.vi, channel }));
      }),
    );
    p.channels.forEach((c, i) =>
      c.fees.forEach((f, j) => {
        const base = `/channels/${i}/fees/${j}`;
        (f.legalBasis ?? []).forEach((id, k) => legal(id, `${base}/legalBasis/${k}`));
        (f.exemptions ?? []).forEach((e, k) => (e.legalBasis ?? []).forEach((id, m) => legal(id, `${base}/exemptions/${k}/legalBasis/${m}`)));
      }),
    );
    const documentType = resolver(out, source, WHAT.documentType, documentTypes);
    p.cases.forEach((c, i) => {
      const sameCase = resolver(out, source, WHAT.document, new Set(c.documents.map((d) => d.id)));
      c.documents.forEach((d, j) => {
        const base = `/cases/${i}/documents/${j}`;
        if (d.type) documentType(d.type, `${base}/type`);
        (d.alternatives ?? []).forEach((id, k) => sameCase(id, `${base}/alternatives/${k}`));
        if (d.template) {
          if (d.template.legalBasis) legal(d.template.legalBasis, `${base}/template/legalBasis`);
          // A template code names one official form: every mention must describe it alike.
          const { code, name } = d.template;
          const json = JSON.stringify({ name });
          const first = templates.get(code);
          if (!first) templates.set(code, { json, source, pointer: `${base}/template` });
          else if (name && first.json !== json && JSON.parse(first.json).name) {
            out.push(diagnostic('TT3013', source.locate(`${base}/template`), { code, other: describeLocation(first.source, first.pointer) }));
          }
        }
      });
    });
  }

  const procedures = new Set(files.procedures.map((p) => p.value.id));
  for (const { value, source } of files.examples) {
    resolver(out, source, WHAT.procedure, procedures)(value.procedure, '/procedure');
  }
  return out;
}
