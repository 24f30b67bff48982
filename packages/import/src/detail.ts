import type { Procedure, ProcessingTime } from '@thutuc/core';
import { levelFromName, mapAgencies, type KnownAgency } from './agencies.js';
import type { Parts } from './assemble.js';
import { mapCases, type PortalDocument } from './cases.js';
import { UNITS, mapChannels, type PortalChannel } from './channels.js';
import { mapLegalBasis } from './legal.js';
import type { DraftNotes } from './notes.js';
import { isObject, type Loose } from './read.js';
import { mapResults, mapSteps } from './skeleton.js';
import { cleanText, nameKey, vietnamDate } from './text.js';

export interface RecordContext {
  agencies: readonly KnownAgency[];
  /** Where the record came from, e.g. "birth_procedures_raw.json, records[10]". */
  origin: string;
  sourceUrl?: string | undefined;
  extractedAt?: string | undefined;
}

export const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObject) : []);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
const names = (...lists: unknown[]): string[] => lists.flatMap(list).map((x) => cleanText(x.name)).filter(Boolean);

const CHANNELS: Record<string, Procedure['channels'][number]['channel']> = { ONLINE: 'online', POSTAL: 'post', DIRECT: 'in_person' };
const LEVELS = [['isWard', 'commune'], ['isProvince', 'province'], ['isMinistry', 'ministry'], ['isOtherAgency', 'other']] as const;
const TYPES = new Set(['assigned_regulation', 'standard', 'not_assigned_regulation', 'local_regulation', 'central_regulation', 'other']);
/** subjectTypesDetails names (codes vary: "ĐT1", "DT13") → applicant types. */
const SUBJECTS: Record<string, NonNullable<Procedure['applicantTypes']>[number]> = {
  'cong-dan-viet-nam': 'citizen_vn',
  'nguoi-viet-nam-dinh-cu-o-nuoc-ngoai': 'overseas_vn',
  'nguoi-nuoc-ngoai': 'foreigner',
  'doanh-nghiep': 'enterprise',
  'doanh-nghiep-co-von-dau-tu-nuoc-ngoai': 'fdi_enterprise',
  'to-chuc': 'organisation',
  'to-chuc-khong-bao-gom-doanh-nghiep-htx': 'organisation',
  'hop-tac-xa': 'cooperative',
  'to-chuc-nuoc-ngoai': 'foreign_organisation',
  'can-bo-cong-chuc-vien-chuc': 'public_servant',
};

function documents(items: unknown): PortalDocument[] {
  return list(items).map((p) => ({
    name: cleanText(p.name),
    code: cleanText(p.code) || undefined,
    originals: num(p.originalQty),
    copies: num(p.copyQty),
    required: typeof p.required === 'boolean' ? p.required : undefined,
    electronic: p.hasElectronicForm === true,
    files: list(p.attachments).map((a) => cleanText(a.fileName)).filter(Boolean),
  }));
}

function caseTime(day: unknown, code: string, notes: DraftNotes): ProcessingTime | undefined {
  if (!isObject(day)) return undefined;
  const unit = UNITS[String(day.type)];
  const value = num(day.qty);
  if (unit && value !== undefined && Number.isInteger(value) && value <= 3650) return { value, unit };
  notes.gap(`Thời hạn của trường hợp ${code} là "${String(day.qty)} ${String(day.type)}", không đọc được nên bỏ trống.`, `Case ${code} has the time "${String(day.qty)} ${String(day.type)}", which could not be read; left out.`);
  return undefined;
}

/** The national portal's API detail record (procedures-vn.md §1.2) → the parts of a draft. */
export function mapDetail(d: Loose, ctx: RecordContext, notes: DraftNotes): Parts {
  const code = cleanText(d.code) || cleanText(d.codeNotation);
  const description = cleanText(d.description);
  const requirements = cleanText(d.requirementsAndConditions);
  const details = list(d.categoriesDetails);
  const categories = details.length ? details : list([d.category]);
  const category = categories[0];
  if (categories.length > 1) notes.gap(`Cổng ghi nhiều lĩnh vực: ${names(categories).join('; ')}; đã lấy lĩnh vực đầu.`, 'The portal lists several fields; the first was used.');
  const fieldCode = cleanText(category?.code);

  let levels: Procedure['levels'] = LEVELS.filter(([flag]) => d[flag] === true).map(([, level]) => level);
  if (!levels.length) {
    levels = [...new Set(names(d.unitGroupsExecuting, d.departmentsExecuting).map(levelFromName).filter((l) => l !== undefined))];
    notes.gap('Cấp thực hiện suy ra từ tên cơ quan (bản ghi không có cờ cấp); cần kiểm tra.', 'The government level was inferred from agency names (no level flags): check it.');
  }
  if (!levels.length) levels = ['other'];

  const subjects = names(d.subjectTypesDetails);
  const applicantTypes = [...new Set(subjects.map((s) => SUBJECTS[nameKey(s)]).filter((t) => t !== undefined))];
  notes.gapList('Đối tượng thực hiện chưa ánh xạ được sang applicantTypes:', 'Applicant types that could not be mapped (quoted):', subjects.filter((s) => !SUBJECTS[nameKey(s)]));

  const apiCases = list(d.cases);
  const known = apiCases.map((c) => UNITS[String(isObject(c.processingDay) ? c.processingDay.type : '')]).filter((u) => u !== undefined);
  const fallbackUnit = known.length ? (known.filter((u) => u === 'day').length > known.length / 2 ? 'day' : 'working_day') : undefined;
  const methods: PortalChannel[] = list(d.executionMethods).map((m) => ({
    channel: CHANNELS[String(m.submissionMethod)],
    rawName: String(m.submissionMethod),
    value: num(m.processingTime),
    unitRaw: String(m.processingTimeUnit ?? ''),
    timeText: '',
    description: cleanText(m.description),
    fees: list(m.fees).map((f) => ({ typeRaw: String(f.type ?? ''), value: num(f.value), currency: cleanText(f.currencyName), description: cleanText(f.description) })),
  }));
  const channels = mapChannels(methods, fallbackUnit, notes);
  if (list(d.fees).length) notes.gap('Bản ghi có danh sách phí chung (fees) ngoài các hình thức nộp; chưa được chuyển.', 'The record has a procedure-level fee list that was not converted.');

  const onlineLevel = d.isOfflineOnly === true ? 'none' : d.isFullProcess === true ? 'full' : channels.some((c) => c.channel === 'online') ? 'partial' : 'none';
  notes.gap(
    `onlineLevel lấy từ cờ isFullProcess = ${String(d.isFullProcess)} của cổng, cờ này không đáng tin cậy (false cả với thủ tục đã toàn trình): cần xác định theo Điều 11 Nghị định 42/2022/NĐ-CP.`,
    `onlineLevel comes from the portal's isFullProcess = ${String(d.isFullProcess)}, which is unreliable: decide it under Decree 42/2022, Art. 11.`,
  );

  const proposal = isObject(d.procedureProposal) ? d.procedureProposal : {};
  const number = cleanText(proposal.proposalNumber) || cleanText(d.decisionNo);
  const issuer = cleanText(isObject(proposal.issuingAgency) ? proposal.issuingAgency.name : '') || cleanText(d.departmentPromulgateName);
  const date = vietnamDate(proposal.decisionDate);
  if (date) notes.comment(['decision', 'date'], `decisionDate ${String(proposal.decisionDate)} = ${date} giờ Việt Nam (UTC+7)`);
  if (Array.isArray(d.returningMethods) && d.returningMethods.length) {
    notes.gap(`Phương thức trả kết quả trên cổng chưa được chuyển: ${JSON.stringify(d.returningMethods).slice(0, 500)}.`, 'The portal’s result delivery methods were not converted.');
  }
  const portalId = cleanText(d.id);
  const url = ctx.sourceUrl ?? (portalId ? `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${portalId}` : undefined);

  return {
    code,
    title: cleanText(d.name),
    portalId,
    description: description && description !== requirements ? description : undefined,
    requirements: requirements || undefined,
    field: category && cleanText(category.name) ? { code: /^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(fieldCode) ? fieldCode : undefined, name: cleanText(category.name) } : undefined,
    levels,
    applicantTypes,
    procedureType: TYPES.has(String(d.formalityType).toLowerCase()) ? (String(d.formalityType).toLowerCase() as Procedure['procedureType']) : undefined,
    onlineLevel,
    onlineWhy: `Suy từ cờ isFullProcess = ${String(d.isFullProcess)} (không đáng tin cậy) · from the unreliable isFullProcess flag`,
    decision: number ? { number: number.slice(0, 80), ...(date ? { date } : {}), ...(issuer ? { issuer: issuer.slice(0, 200) } : {}) } : undefined,
    legalBasis: mapLegalBasis(list(d.legalBasisesDetails).map((l) => ({ name: cleanText(l.name), code: cleanText(l.code) })), number || undefined, notes),
    agencies: mapAgencies(
      {
        executing: names(d.departmentsExecuting, d.unitGroupsExecuting),
        authority: names(d.departmentsAuthority, d.unitGroupsAuthority),
        delegated: names(d.departmentsAuthorized, d.unitGroupsAuthorized),
        coordinating: names(d.departmentsCoordinating, d.unitGroupsCoordinating),
      },
      ctx.agencies,
      notes,
    ),
    channels,
    cases: mapCases(
      list(d.executionCases).map((g) => ({ name: cleanText(g.name), documents: documents(g.profileComponents) })),
      apiCases.map((c) => {
        const caseCode = cleanText(c.code);
        const valid = /^[1-3]\.\d{6}(\.[0-9A-Z]+)*\.\d{2}$/.test(caseCode);
        return { name: cleanText(c.name) || cleanText(d.name), code: valid ? caseCode : undefined, time: caseTime(c.processingDay, caseCode, notes), documents: documents(c.profileComponents) };
      }),
      notes,
    ),
    steps: mapSteps(list(d.executionSteps).map((s) => ({ name: cleanText(s.name), description: cleanText(s.description) })), notes),
    results: mapResults(list(d.resultsDetails).map((r) => ({ name: cleanText(r.name), code: cleanText(r.code) })), notes),
    sources: [
      `Cổng Dịch vụ công quốc gia, thủ tục ${code}${url ? `: ${url}` : ''}`,
      `Bản ghi API get-formality-by-citizen (${ctx.origin})${ctx.extractedAt ? `, thu thập ${ctx.extractedAt.slice(0, 10)}` : ''}; nhập bằng thutuc import`,
    ],
  };
}
