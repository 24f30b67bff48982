import type { Document, Procedure } from '@thutuc/runtime/model';
import { changeCause, legalNames } from './legal.js';
import type { ProcedureChange } from './types.js';
import { both, pairById, say } from './words.js';

/** Required-document changes, case by case; the case is named only when there are several. */
export function diffDocuments(before: Procedure, after: Procedure): ProcedureChange[] {
  const out: ProcedureChange[] = [];
  const basis = legalNames(after, after.changeBasis);
  const cases = pairById(before.cases, after.cases);
  const named = after.cases.length > 1 || before.cases.length > 1;
  for (const { item, index } of cases.added) {
    out.push({ area: 'document', kind: 'case-added', path: `/cases/${index}`, message: say((l) => (l === 'vi' ? `Thêm trường hợp: ${both(item.name).vi}` : `New case: ${both(item.name).en}`)), basis });
  }
  for (const { item, index } of cases.removed) {
    out.push({ area: 'document', kind: 'case-removed', path: `/cases/${index}`, message: say((l) => (l === 'vi' ? `Bỏ trường hợp: ${both(item.name).vi}` : `Case removed: ${both(item.name).en}`)), basis });
  }
  for (const { before: b, after: a, index } of cases.kept) {
    const suffix = named ? say((l) => ` (${both(a.name)[l]})`) : { vi: '', en: '' };
    const docs = pairById(b.documents, a.documents);
    for (const { item, index: j } of docs.added) {
      const when = item.requiredWhen ? { vi: ' (trong một số trường hợp)', en: ' (in some cases)' } : item.required === false ? { vi: ' (không bắt buộc)', en: ' (optional)' } : { vi: '', en: '' };
      out.push({
        area: 'document',
        kind: 'document-added',
        path: `/cases/${index}/documents/${j}`,
        message: say((l) => (l === 'vi' ? `Thêm giấy tờ${when.vi}: ${both(item.name).vi}${suffix.vi}` : `New document${when.en}: ${both(item.name).en}${suffix.en}`)),
        basis,
      });
    }
    for (const { item, index: j } of docs.removed) {
      out.push({ area: 'document', kind: 'document-removed', path: `/cases/${index}/documents/${j}`, message: say((l) => (l === 'vi' ? `Bỏ giấy tờ: ${both(item.name).vi}${suffix.vi}` : `Document no longer needed: ${both(item.name).en}${suffix.en}`)), basis });
    }
    for (const { before: db, after: da, index: j } of docs.kept) out.push(...changedDocument(db, da, `/cases/${index}/documents/${j}`, after, suffix));
  }
  return out;
}

/** A document is asked of everyone unless marked optional; `requiredWhen` makes it conditional. */
function isRequired(d: Document): boolean {
  return d.required !== false && !d.requiredWhen;
}

function changedDocument(b: Document, a: Document, path: string, p: Procedure, suffix: { vi: string; en: string }): ProcedureChange[] {
  const name = both(a.name);
  const basis = changeCause(undefined, a.template?.legalBasis ? [a.template.legalBasis] : undefined, p);
  const out: ProcedureChange[] = [];
  if (isRequired(b) !== isRequired(a)) {
    out.push({
      area: 'document',
      kind: isRequired(a) ? 'document-required' : 'document-optional',
      path,
      message: say((l) => (l === 'vi' ? `Giấy tờ ${isRequired(a) ? 'trở thành bắt buộc' : 'không còn bắt buộc'}: ${name.vi}${suffix.vi}` : `Document ${isRequired(a) ? 'now required' : 'no longer required'}: ${name.en}${suffix.en}`)),
      basis,
    });
  } else if ((b.requiredWhen ?? '') !== (a.requiredWhen ?? '')) {
    out.push({ area: 'document', kind: 'document-condition', path: `${path}/requiredWhen`, message: say((l) => (l === 'vi' ? `${name.vi}: điều kiện phải nộp thay đổi${suffix.vi}` : `${name.en}: when it is needed changed${suffix.en}`)), basis });
  }
  if ((b.originals ?? 0) !== (a.originals ?? 0) || (b.copies ?? 0) !== (a.copies ?? 0)) {
    const count = (d: Document) => ({ vi: `${d.originals ?? 0} bản chính, ${d.copies ?? 0} bản sao`, en: `${d.originals ?? 0} original(s), ${d.copies ?? 0} copy(ies)` });
    out.push({ area: 'document', kind: 'document-count', path, message: say((l) => `${name[l]}: ${count(b)[l]} → ${count(a)[l]}${suffix[l]}`), basis });
  }
  if ((b.template?.code ?? '') !== (a.template?.code ?? '')) {
    out.push({ area: 'document', kind: 'document-template', path: `${path}/template`, message: say((l) => (l === 'vi' ? `${name.vi}: mẫu ${b.template?.code ?? '(không có)'} → ${a.template?.code ?? '(không có)'}` : `${name.en}: template ${b.template?.code ?? '(none)'} → ${a.template?.code ?? '(none)'}`)), basis });
  }
  if (both(b.name).vi !== name.vi) {
    out.push({ area: 'document', kind: 'document-renamed', path: `${path}/name`, message: say((l) => (l === 'vi' ? `Sửa tên giấy tờ: ${both(b.name).vi} → ${name.vi}` : `Document renamed: ${both(b.name).en} → ${name.en}`)) });
  }
  return out;
}
