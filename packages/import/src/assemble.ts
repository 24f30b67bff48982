import type { Case, Channel, LegalDocument, Procedure, Result, Step } from '@thutuc/core';
import { DraftNotes, type Draft } from './notes.js';
import { PortalImportError } from './read.js';
import { standardForm } from './skeleton.js';
import { TEXT_MAX, bi, clip, slugify } from './text.js';
import { unknownFee } from './fees.js';

/** What a mapper read from one record, before the parts every draft shares are added. */
export interface Parts {
  code: string;
  title: string;
  portalId?: string | undefined;
  description?: string | undefined;
  requirements?: string | undefined;
  field?: { code?: string | undefined; name: string } | undefined;
  levels: Procedure['levels'];
  applicantTypes?: Procedure['applicantTypes'];
  procedureType?: Procedure['procedureType'];
  onlineLevel: Procedure['onlineLevel'];
  /** Why onlineLevel has its value: written as a comment above it. */
  onlineWhy: string;
  decision?: { number: string; date?: string | undefined; issuer?: string | undefined } | undefined;
  legalBasis: LegalDocument[];
  agencies?: Procedure['agencies'];
  channels: Channel[];
  cases: Case[];
  steps?: Step[] | undefined;
  results: Result[];
  sources: string[];
}

const CODE = /^[1-9]\.\d{6}(\.[0-9A-Z]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<field>.<name>` as the catalogue writes it: "Thủ tục đăng ký khai sinh" → ho-tich.dang-ky-khai-sinh. */
export function procedureId(field: string, title: string): { field: string; name: string } {
  const name = slugify(title.replace(/^thủ tục\s+/i, ''), 80) || 'thu-tuc';
  return { field: slugify(field, 30) || 'chua-xac-dinh', name };
}

/**
 * Puts the parts in the schema's order and adds what every skeleton has: status draft,
 * version 0.1.0, the effective date, the standard form and the gaps.
 */
export function assemble(parts: Parts, notes: DraftNotes): Draft {
  if (!CODE.test(parts.code)) {
    throw new PortalImportError(`Bản ghi không có mã thủ tục hợp lệ (nhận được "${parts.code}").`, `The record has no valid procedure code (got "${parts.code}").`);
  }
  if (!parts.title) throw new PortalImportError(`Bản ghi ${parts.code} không có tên thủ tục.`, `Record ${parts.code} has no procedure name.`);
  const field = parts.field ?? { name: 'Chưa xác định' };
  const slugs = procedureId(field.name, parts.title);

  // Portal records state no effective date; a decision's signing date or the capture date is
  // not one, so the draft says "unknown" and quotes what the record does say.
  const decision = parts.decision ? `Quyết định ${parts.decision.number}${parts.decision.date ? ` ngày ${parts.decision.date}` : ''}` : '';
  const effectiveDate = { unknown: true as const, raw: decision ? `Bản ghi chỉ nêu ${decision}, không nêu ngày áp dụng` : 'Bản ghi không nêu ngày áp dụng' };
  notes.gap(
    `Ngày áp dụng chưa có thông tin${decision ? ` (bản ghi chỉ nêu ${decision})` : ''}; cần tra văn bản công bố.`,
    `The effective date is not stated${decision ? ` (the record only gives ${decision})` : ''}: look it up in the publishing decision.`,
  );
  notes.comment(['onlineLevel'], parts.onlineWhy);

  let channels = parts.channels;
  if (!channels.length) {
    const raw = 'Bản ghi không có cách thức thực hiện';
    channels = [{ channel: 'in_person', processingTime: { unknown: true, raw }, fees: [unknownFee('phi', raw)] }];
    notes.gap('Bản ghi không có cách thức thực hiện; channels đang là chỗ giữ chỗ (trực tiếp, thời hạn và phí chưa có thông tin).', 'The record has no channels; channels holds a placeholder (in person, time and fee not stated).');
  }
  const procedure: Procedure = {
    kind: 'procedure',
    id: `${slugs.field}.${slugs.name}`,
    code: parts.code,
    ...(parts.portalId && UUID.test(parts.portalId) ? { externalIds: { portalId: parts.portalId } } : {}),
    title: { vi: clip(parts.title, TEXT_MAX) },
    ...(parts.description ? { description: { vi: longText(parts.description, 'description', notes) } } : {}),
    field: { ...(field.code ? { code: field.code } : {}), name: parts.field ? { vi: field.name } : bi('Chưa xác định', 'Unknown') },
    levels: parts.levels,
    ...(parts.applicantTypes?.length ? { applicantTypes: parts.applicantTypes } : {}),
    ...(parts.procedureType ? { procedureType: parts.procedureType } : {}),
    onlineLevel: parts.onlineLevel === 'none' || channels.some((c) => c.channel === 'online') ? parts.onlineLevel : 'none',
    version: '0.1.0',
    effectiveDate,
    status: 'draft',
    ...(parts.decision ? { decision: parts.decision } : {}),
    legalBasis: parts.legalBasis,
    ...(parts.agencies ? { agencies: parts.agencies } : {}),
    ...(parts.requirements ? { requirements: { vi: longText(parts.requirements, 'requirements', notes) } } : {}),
    channels,
    cases: parts.cases,
    ...(parts.steps?.length ? { steps: parts.steps } : {}),
    results: parts.results,
    form: standardForm(notes),
  };
  notes.gap('Chưa có bản dịch tiếng Anh cho tên thủ tục và các nội dung chép từ cổng.', 'English translations of the title and of the portal wording are missing.');
  procedure.gaps = notes.gaps;
  procedure.sources = parts.sources.map((s) => clip(s, 400));
  return { procedure, gaps: notes.gaps, comments: notes.comments };
}

function longText(text: string, what: string, notes: DraftNotes): string {
  if (text.length > TEXT_MAX) notes.gap(`Nội dung ${what} dài quá 4000 ký tự nên đã bị cắt; xem bản đầy đủ trên cổng.`, `The ${what} text exceeded 4,000 characters and was cut: see the portal.`);
  return clip(text, TEXT_MAX);
}
