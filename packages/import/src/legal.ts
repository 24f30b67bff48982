import type { LegalDocument } from '@thutuc/core';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, clip, slugify } from './text.js';

export interface PortalLegal {
  name: string;
  code: string;
}

/** "123/2015/NĐ-CP", "66.7/2025/NQ-CP", "60/2014/QH13": number / year / kind[-issuer]. */
const NUMBER = /(\d+(?:\.\d+)?)\/(\d{4})\/([A-ZĐ]+\d*(?:-[A-ZĐ0-9]+)*)/u;

/**
 * Ids in the catalogue's style: the kind first, then number, year and issuer
 * (nd-123-2015, tt-04-2020-btp, nq-66-7-2025-cp). Decrees drop the redundant "-CP", as
 * the hand-written entries do.
 */
export function legalId(number: string): string {
  const m = NUMBER.exec(number);
  if (!m) return slugify(number, 60) || 'van-ban';
  const [kind = '', ...issuer] = m[3]!.split('-');
  const tail = kind === 'NĐ' && issuer.join('-') === 'CP' ? [] : issuer;
  return slugify([kind, m[1], m[2], ...tail].join('-'), 60);
}

/** The number written in a title, for entries whose code field is empty. */
function numberIn(text: string): string | undefined {
  return NUMBER.exec(text)?.[0];
}

/**
 * legalBasisesDetails / can_cu_phap_ly → legalBasis with generated, unique ids. The schema
 * needs at least one document: the publishing decision stands in when the list is empty.
 */
export function mapLegalBasis(items: readonly PortalLegal[], decision: string | undefined, notes: DraftNotes): LegalDocument[] {
  const out: LegalDocument[] = [];
  const ids = new Set<string>();
  const add = (number: string, title: string) => {
    let id = legalId(number);
    for (let n = 2; ids.has(id); n++) id = `${legalId(number)}-${n}`;
    ids.add(id);
    out.push({ id, number: clip(number, 80), title: { vi: clip(title || number, TEXT_MAX) } });
  };
  const unnumbered: string[] = [];
  for (const item of items) {
    // Some codes carry words ("Thông tư số 03/2023/TT-BTP"): keep the number itself.
    const number = numberIn(item.code) ?? (item.code || numberIn(item.name));
    if (number) add(number, item.name);
    else if (item.name) unnumbered.push(item.name);
  }
  if (unnumbered.length) {
    notes.gapList('Văn bản căn cứ không có số, ký hiệu nên chưa đưa vào legalBasis:', 'Legal documents without a number were left out of legalBasis (quoted in Vietnamese).', unnumbered);
  }
  if (!out.length) {
    if (decision) add(decision, `Quyết định công bố thủ tục ${decision}`);
    else add('chưa rõ', 'Chưa rõ căn cứ pháp lý');
    notes.gap(
      'Bản ghi không có căn cứ pháp lý; legalBasis tạm ghi quyết định công bố (hoặc "chưa rõ"), cần bổ sung các văn bản quy định thủ tục.',
      'The record lists no legal basis; legalBasis holds the publishing decision (or "chưa rõ") for now: add the documents behind the procedure.',
    );
  } else {
    notes.gap(
      'Ngày ban hành, ngày hiệu lực và cơ quan ban hành của các văn bản căn cứ không có trong bản ghi; trích yếu lấy nguyên văn từ cổng, cần rà soát.',
      'Issue dates, effective dates and issuers of the legal documents are not in the record; titles are the portal’s wording: review them.',
    );
  }
  return out;
}
