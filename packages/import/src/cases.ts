import type { Case, Document, ProcessingTime } from '@thutuc/core';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, bi, clip, slugify, stripBullet } from './text.js';

export interface PortalDocument {
  name: string;
  code?: string | undefined;
  originals?: number | undefined;
  copies?: number | undefined;
  required?: boolean | undefined;
  electronic?: boolean | undefined;
  files: string[];
}

/** A heading of the document list with the items under it (executionCases, thanh_phan_ho_so groups). */
export interface PortalGroup {
  name: string;
  documents: PortalDocument[];
}

/** A case of the national database (`cases[]`): code, own time limit, rarely own documents. */
export interface PortalCase {
  name: string;
  code?: string | undefined;
  time?: ProcessingTime | undefined;
  documents: PortalDocument[];
}

interface Entry {
  doc: PortalDocument;
  presentOnly: boolean;
}

/**
 * The portal's "cases" are of two kinds: headings that are really document roles ("Giấy tờ
 * phải nộp", "Giấy tờ phải xuất trình", "Lưu ý", or no heading) and real situations ("Đăng ký
 * thường trú vào chỗ ở … của mình"). Roles apply to every case; "Lưu ý" items and items with
 * 0 originals and 0 copies are remarks, not documents, and go to `gaps` with their wording.
 */
export function mapCases(groups: readonly PortalGroup[], apiCases: readonly PortalCase[], notes: DraftNotes): Case[] {
  const remarks = new Set<string>();
  const isRemark = (d: PortalDocument) => d.originals === 0 && d.copies === 0;
  const entries = (docs: readonly PortalDocument[], presentOnly: boolean): Entry[] =>
    docs.flatMap((doc) => (isRemark(doc) ? (remarks.add(doc.name), []) : [{ doc, presentOnly }]));

  const common: Entry[] = [];
  const situations: { name: string; entries: Entry[] }[] = [];
  for (const group of groups) {
    const name = stripBullet(group.name).replace(/\s*:$/, '');
    if (/lưu ý/i.test(name)) group.documents.forEach((d) => remarks.add(d.name));
    else if (name === '' || /giấy tờ phải (nộp|xuất trình)/i.test(name)) common.push(...entries(group.documents, /xuất trình/i.test(name)));
    else situations.push({ name, entries: entries(group.documents, false) });
  }

  let drafts: { name: string; code?: string | undefined; time?: ProcessingTime | undefined; entries: Entry[] }[];
  if (situations.length) {
    drafts = situations.map((s) => ({ name: s.name, entries: [...s.entries, ...common] }));
    if (apiCases.length) {
      notes.gap(
        `Các trường hợp trên CSDL quốc gia (${apiCases.map((c) => c.code ?? c.name).join(', ')}) chưa được ghép với các nhóm giấy tờ; cần đối chiếu mã trường hợp.`,
        'The national case codes were not matched to the document groups: match them by hand.',
      );
    }
  } else if (apiCases.length) {
    drafts = apiCases.map((c) => ({ name: c.name, code: c.code, time: c.time, entries: [...entries(c.documents, false), ...common] }));
  } else {
    drafts = [{ name: 'Hồ sơ', entries: common }];
  }

  // Identical cases (same name, time and documents) differ only by code: keep one.
  const unique = new Map<string, (typeof drafts)[number]>();
  for (const d of drafts) {
    const key = JSON.stringify([d.name, d.time, d.entries.map((e) => e.doc.name)]);
    const first = unique.get(key);
    if (!first) unique.set(key, d);
    else {
      notes.gap(
        `Trường hợp ${d.code ?? ''} giống hệt ${first.code ?? ''} (cùng tên "${d.name}", thời hạn và giấy tờ) nên đã gộp; cần xác định chúng khác nhau thế nào.`,
        `Case ${d.code ?? ''} is identical to ${first.code ?? ''} (same name, time and documents) and was merged: find out what separates them.`,
      );
    }
  }

  const caseIds = new Set<string>();
  const cases = [...unique.values()].map((d, i): Case => {
    let id = slugify(d.name.replace(/^thủ tục\s+/i, ''), 50) || `truong-hop-${i + 1}`;
    if (caseIds.has(id)) id = `${id}-${d.code?.split('.').pop() ?? i + 1}`;
    caseIds.add(id);
    const name = situations.length || apiCases.length ? { vi: clip(d.name, TEXT_MAX) } : bi('Hồ sơ', 'Dossier');
    return { id, ...(d.code ? { code: d.code } : {}), name, ...(d.time ? { processingTime: d.time } : {}), documents: documents(d.entries) };
  });
  const docs = new Map([...unique.values()].flatMap((d) => d.entries.map((e) => [e.doc.name, e.doc] as const)));
  reportDocuments([...docs.values()], [...remarks], notes);
  return cases;
}

function documents(list: readonly Entry[]): Document[] {
  const ids = new Set<string>();
  return list.map(({ doc, presentOnly }, i) => {
    const name = stripBullet(doc.name);
    const base = slugify(name, 60) || `giay-to-${i + 1}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const out: Document = { id, name: { vi: clip(name || doc.name, TEXT_MAX) } };
    if (doc.code && doc.code.length <= 60) out.code = doc.code;
    if (doc.originals !== undefined) out.originals = doc.originals;
    if (doc.copies !== undefined) out.copies = doc.copies;
    if (doc.required !== undefined) out.required = doc.required;
    if (presentOnly) out.presentOnly = true;
    if (doc.electronic) out.electronicForm = true;
    return out;
  });
}

function reportDocuments(docs: readonly PortalDocument[], remarks: string[], notes: DraftNotes): void {
  notes.gapList(
    'Các mục sau của thành phần hồ sơ là ghi chú (nhóm "Lưu ý" hoặc 0 bản chính, 0 bản sao), không phải giấy tờ; cần đưa vào hướng dẫn hoặc điều kiện nếu cần:',
    'These items of the document list are remarks ("Lưu ý" group, or 0 originals and 0 copies), not documents: move them into hints or conditions where needed (quoted in Vietnamese).',
    remarks.map(stripBullet),
  );
  const flags = docs.map((d) => d.required);
  if (flags.length && flags.every((r) => r === undefined)) {
    notes.gap('Bản ghi không cho biết giấy tờ nào bắt buộc; mọi giấy tờ đang để mặc định là bắt buộc.', 'The record does not say which documents are required; all default to required.');
  } else if (flags.length && flags.every((r) => r === false)) {
    notes.gap('Cổng ghi required: false cho mọi giấy tờ; cần xác định giấy tờ nào bắt buộc.', 'The portal marks every document required: false; decide which ones are required.');
  }
  const conditional = docs.filter((d) => /^(trường hợp|trong trường hợp|đối với)/i.test(stripBullet(d.name))).length;
  if (conditional) {
    notes.gap(
      `${conditional} giấy tờ chỉ cần trong một số trường hợp (tên bắt đầu bằng "Trường hợp…"); cần thêm requiredWhen hoặc tách trường hợp.`,
      `${conditional} document(s) apply only in some situations (names start with "Trường hợp…"): add requiredWhen or split the case.`,
    );
  }
  const files = docs.flatMap((d) => d.files.map((f) => `${clip(stripBullet(d.name), 120)}: ${f}`));
  notes.gapList('Mẫu đơn, tờ khai đính kèm trên cổng, chưa khai báo template:', 'Form templates attached on the portal, not yet declared as template (quoted).', [...new Set(files)]);
}
