import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedSource } from '../source/parse.js';
import { describeLocation, type CatalogueFiles } from './catalogue.js';

/** Remembers the first place each id was seen in a namespace and reports later duplicates. */
class Registry {
  private readonly first = new Map<string, { source: ParsedSource; pointer: string }>();
  constructor(private readonly out: Diagnostic[]) {}
  add(id: string, source: ParsedSource, pointer: string): void {
    const previous = this.first.get(id);
    if (previous) {
      this.out.push(diagnostic('TT3001', source.locate(pointer), { id, other: describeLocation(previous.source, previous.pointer) }));
    } else {
      this.first.set(id, { source, pointer });
    }
  }
}

/**
 * Ids unique within one procedure. They depend on the procedure alone, so a rebuild keeps the
 * answer for every procedure whose parsed value it kept (all but the edited ones).
 */
const withinCache = new WeakMap<object, Diagnostic[]>();

function withinProcedure(p: CatalogueFiles['procedures'][number]['value'], source: ParsedSource): Diagnostic[] {
  const cached = withinCache.get(p);
  if (cached) return cached;
  const out: Diagnostic[] = [];
  const legal = new Registry(out);
  p.legalBasis.forEach((l, i) => legal.add(l.id, source, `/legalBasis/${i}/id`));
  const channels = new Map<string, number>();
  p.channels.forEach((c, i) => {
    if (channels.has(c.channel)) out.push(diagnostic('TT3009', source.locate(`/channels/${i}/channel`), { channel: c.channel }));
    channels.set(c.channel, i);
    const fees = new Registry(out);
    c.fees.forEach((f, j) => {
      fees.add(f.id, source, `/channels/${i}/fees/${j}/id`);
      const exemptions = new Registry(out);
      (f.exemptions ?? []).forEach((e, k) => exemptions.add(e.id, source, `/channels/${i}/fees/${j}/exemptions/${k}/id`));
    });
  });
  const cases = new Registry(out);
  p.cases.forEach((c, i) => {
    cases.add(c.id, source, `/cases/${i}/id`);
    const docs = new Registry(out);
    c.documents.forEach((d, j) => docs.add(d.id, source, `/cases/${i}/documents/${j}/id`));
  });
  const sections = new Registry(out);
  const fields = new Registry(out);
  p.form.sections.forEach((s, i) => {
    sections.add(s.id, source, `/form/sections/${i}/id`);
    s.fields.forEach((f, j) => {
      fields.add(f.id, source, `/form/sections/${i}/fields/${j}/id`);
      const sub = new Registry(out);
      (f.fields ?? []).forEach((g, k) => sub.add(g.id, source, `/form/sections/${i}/fields/${j}/fields/${k}/id`));
    });
  });
  withinCache.set(p, out);
  return out;
}

/** Ids are unique where they are looked up: across the catalogue, or within one procedure. */
export function checkUniqueIds(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const procedures = new Registry(out);
  for (const { value: p, source } of files.procedures) {
    procedures.add(`${p.id}@${p.version}`, source, '/id');
    out.push(...withinProcedure(p, source));
  }
  const agencies = new Registry(out);
  for (const { value, source } of files.agencies) value.agencies.forEach((a, i) => agencies.add(a.id, source, `/agencies/${i}/id`));
  const types = new Registry(out);
  for (const { value, source } of files.documentTypes) value.documentTypes.forEach((t, i) => types.add(t.id, source, `/documentTypes/${i}/id`));
  const years = new Registry(out);
  for (const { value, source } of files.holidays) years.add(String(value.year), source, '/year');
  const examples = new Registry(out);
  for (const { value, source } of files.examples) {
    value.examples.forEach((e, i) => examples.add(`${value.procedure}/${e.name}`, source, `/examples/${i}/name`));
  }
  return out;
}
