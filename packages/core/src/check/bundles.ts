import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileExpression } from '../expr/compile.js';
import { lookup, typeName, type ExprType } from '../expr/types.js';
import type { Procedure } from '@thutuc/runtime/model';
import { didYouMean } from '../suggest.js';
import { latestVersions, procedureKey, type CatalogueFiles } from './catalogue.js';
import { procedureScope } from './expressions.js';

/**
 * Liên thông bundles: every member exists, every mapping names a field of its member and
 * gives a value of that field's type, every field and upload a member always requires is
 * provided, and every document mapping names documents that exist on both sides.
 * Returns the compiled mappings too (`member:<procedure>:<field>` → JavaScript text).
 */
export interface BundleCheck {
  diagnostics: Diagnostic[];
  conditions: Map<string, Record<string, string>>;
}

const LITERAL = /^\s*(["'])(.*)\1\s*$/;

function fits(from: ExprType, to: ExprType): boolean {
  if (from.kind !== to.kind) return false;
  const fromOptions = 'options' in from ? from.options : undefined;
  const toOptions = 'options' in to ? to.options : undefined;
  // A choice maps onto a choice only when every answer it allows is an answer there.
  return !toOptions || !fromOptions || fromOptions.every((o) => toOptions.includes(o));
}

/**
 * Fields and uploads a procedure needs whatever the answers: they must come from the bundle.
 * A declaration with an e-form is needed as an upload unless the member is filed online, which
 * depends on the bundle's channels (a member takes the bundle's channel when it offers it).
 */
function alwaysRequired(p: Procedure, caseId: string | undefined, bundleChannels: readonly string[]) {
  const fields = p.form.sections.filter((s) => !s.visibleWhen).flatMap((s) => s.fields.filter((f) => f.required && !f.visibleWhen).map((f) => f.id));
  const chosen = p.cases.find((c) => c.id === caseId) ?? p.cases[0];
  const offered = p.channels.map((c) => c.channel as string);
  const memberChannels = bundleChannels.map((c) => (offered.includes(c) ? c : offered[0]));
  const onlineOnly = memberChannels.every((c) => c === 'online');
  const documents = (chosen?.documents ?? [])
    .filter((d) => d.required !== false && !d.requiredWhen && !d.presentOnly && !(d.electronicForm && onlineOnly) && !d.alternatives?.length)
    .map((d) => d.id);
  return { fields, documents };
}

export function checkBundles(files: CatalogueFiles): BundleCheck {
  const diagnostics: Diagnostic[] = [];
  const conditions = new Map<string, Record<string, string>>();
  const procedures = latestVersions(files.procedures);
  for (const { value: bundle, source } of files.procedures) {
    if (!bundle.members) continue;
    const scope = procedureScope(bundle);
    const compiled: Record<string, string> = {};
    const bundleDocuments = new Set(bundle.cases.flatMap((c) => c.documents.map((d) => d.id)));
    bundle.members.forEach((member, i) => {
      const at = `/members/${i}`;
      const target = procedures.get(member.procedure);
      if (!target || target.members) {
        diagnostics.push(diagnostic('TT3002', source.locate(`${at}/procedure`), { what: { vi: 'thủ tục thành phần', en: 'member procedure' }, ref: member.procedure, hint: didYouMean(member.procedure, [...procedures.keys()].filter((id) => !procedures.get(id)!.members)) }));
        return;
      }
      if (member.case && !target.cases.some((c) => c.id === member.case)) {
        diagnostics.push(diagnostic('TT3002', source.locate(`${at}/case`), { what: { vi: 'trường hợp', en: 'case' }, ref: member.case, hint: didYouMean(member.case, target.cases.map((c) => c.id)) }));
      }
      const targetScope = procedureScope(target);
      for (const [field, expression] of Object.entries(member.data) as [string, string][]) {
        const pointer = `${at}/data/${field}`;
        const binding = lookup(targetScope, field);
        if (!binding || binding.source !== 'data') {
          const fieldIds = target.form.sections.flatMap((s) => s.fields.map((f) => f.id));
          diagnostics.push(diagnostic('TT3002', source.locate(pointer, { key: true }), { what: { vi: `trường của ${member.procedure}`, en: `field of ${member.procedure}` }, ref: field, hint: didYouMean(field, fieldIds) }));
          continue;
        }
        const result = compileExpression(expression, scope, 'any');
        for (const problem of result.problems) diagnostics.push(diagnostic(problem.code, source.locate(pointer), problem.params));
        if (!result.type || result.js === undefined) continue;
        const literal = LITERAL.exec(expression);
        const options = 'options' in binding.type ? binding.type.options : undefined;
        if (literal && options && !options.includes(literal[2]!)) {
          diagnostics.push(diagnostic('TT4009', source.locate(pointer), { value: literal[2]!, field, hint: didYouMean(literal[2]!, options) }));
        } else if (!fits(result.type, binding.type)) {
          diagnostics.push(diagnostic('TT3016', source.locate(pointer), { field, member: member.procedure, expected: typeName(binding.type), got: typeName(result.type) }));
        } else {
          compiled[`member:${member.procedure}:${field}`] = result.js;
        }
      }
      for (const [memberDoc, bundleDoc] of Object.entries(member.documents ?? {}) as [string, string][]) {
        const pointer = `${at}/documents/${memberDoc}`;
        const memberDocs = target.cases.flatMap((c) => c.documents.map((d) => d.id));
        if (!memberDocs.includes(memberDoc)) diagnostics.push(diagnostic('TT3002', source.locate(pointer, { key: true }), { what: { vi: `giấy tờ của ${member.procedure}`, en: `document of ${member.procedure}` }, ref: memberDoc, hint: didYouMean(memberDoc, memberDocs) }));
        if (!bundleDocuments.has(bundleDoc)) diagnostics.push(diagnostic('TT3002', source.locate(pointer), { what: { vi: 'giấy tờ của nhóm liên thông', en: 'document of the bundle' }, ref: bundleDoc, hint: didYouMean(bundleDoc, bundleDocuments) }));
      }
      const needed = alwaysRequired(target, member.case, bundle.channels.map((c) => c.channel));
      const missingFields = needed.fields.filter((f) => !Object.hasOwn(member.data, f));
      if (missingFields.length) diagnostics.push(diagnostic('TT3017', source.locate(`${at}/data`), { member: member.procedure, what: { vi: 'các trường', en: 'the fields' }, missing: missingFields.join('`, `') }));
      const missingDocs = needed.documents.filter((d) => !Object.hasOwn(member.documents ?? {}, d));
      if (missingDocs.length) diagnostics.push(diagnostic('TT3017', source.locate(at), { member: member.procedure, what: { vi: 'các giấy tờ', en: 'the documents' }, missing: missingDocs.join('`, `') }));
    });
    conditions.set(procedureKey(bundle), compiled);
  }
  return { diagnostics, conditions };
}
