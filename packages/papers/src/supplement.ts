import { caseDocuments, noticeBase } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';

/**
 * Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. The contents to complete are the
 * required documents the runtime checks found missing — named in full, because the full
 * name carries the alternatives the catalogue accepts — then the officer's own reason.
 * The desk owes the applicant this guidance once, complete (Decree 118/2025/NĐ-CP, as
 * Decree 61/2018/NĐ-CP before it).
 */
export function supplementContext(d: PaperDossier, options: PaperOptions = {}) {
  const missing = caseDocuments(d).filter((doc) => d.receipt.missingDocuments.includes(doc.id));
  return {
    ...noticeBase(d, options, 'supplement'),
    items: missing.map((doc, i) => ({ no: i + 1, id: doc.id, name: doc.name.vi.trim(), originals: doc.originals ?? 1, copies: doc.copies ?? 0 })),
    phone: d.desk.phone ?? null,
  };
}
