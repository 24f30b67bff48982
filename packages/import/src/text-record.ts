import type { Procedure } from '@thutuc/core';
import { mapAgencies } from './agencies.js';
import type { Parts } from './assemble.js';
import { mapCases } from './cases.js';
import { SUBJECTS, type RecordContext } from './detail.js';
import { mapLegalBasis } from './legal.js';
import type { DraftNotes } from './notes.js';
import type { Loose } from './read.js';
import { mapResults, mapSteps } from './skeleton.js';
import { mapTextChannels, type ChannelCellStats } from './text-channels.js';
import { readDocumentCell, type DocumentCellStats } from './text-documents.js';
import { readLegalCell, readResultCell, readStepCell, stepTimeLimit } from './text-sections.js';
import { cleanText, isBlank, nameKey, stripBullet } from './text.js';

/**
 * The portal's text export (a public crawler's flat records: `ma_thu_tuc`, `ten_thu_tuc`,
 * `cach_thuc_thuc_hien`…): every cell is text, tables flattened. Each cell is read by its
 * own parser; what a cell does not say clearly stays unknown and is quoted under `gaps:`.
 */

export interface TextRecordStats {
  channels: ChannelCellStats;
  documents: DocumentCellStats & { inCases: number; remarks: number };
}

const LEVELS: [RegExp, Procedure['levels'][number]][] = [[/cấp xã/i, 'commune'], [/cấp tỉnh/i, 'province'], [/cấp bộ/i, 'ministry'], [/cơ quan khác|cấp khác/i, 'other']];
const TYPES: [RegExp, NonNullable<Procedure['procedureType']>][] = [
  [/không được luật giao/i, 'not_assigned_regulation'],
  [/được giao luật|luật giao quy định chi tiết/i, 'assigned_regulation'],
  [/tiêu chuẩn/i, 'standard'],
  [/địa phương/i, 'local_regulation'],
  [/loại khác/i, 'other'],
];

/** "A, B (gồm C, D), E" → ["A", "B (gồm C, D)", "E"]: commas inside parentheses stay. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s && !isBlank(s));
}

const cell = (r: Loose, key: string) => cleanText(r[key]);
/** Agency cells: one name per line or semicolon; a comma may be part of a name. */
const agencyNames = (text: string) => (isBlank(text) ? [] : text.split(/[;\n]/).map((s) => s.trim()).filter((s) => s && !isBlank(s)));

export function mapTextRecord(r: Loose, ctx: RecordContext, notes: DraftNotes): Parts & { stats: TextRecordStats } {
  const code = cell(r, 'ma_thu_tuc');
  const url = cell(r, 'detail_url');
  const portalId = cell(r, 'formality_id') || /[0-9a-f-]{36}$/.exec(url)?.[0];

  const levelText = cell(r, 'cap_thuc_hien');
  let levels = LEVELS.filter(([re]) => re.test(levelText)).map(([, l]) => l);
  if (!levels.length) {
    notes.gap(`Cấp thực hiện "${levelText || '(trống)'}" không đọc được; tạm ghi other.`, `The government level "${levelText}" could not be read; other for now.`);
    levels = ['other'];
  }
  const kind = cell(r, 'loai_thu_tuc');
  const procedureType = TYPES.find(([re]) => re.test(kind))?.[1];

  const subjects = splitList(cell(r, 'doi_tuong_thuc_hien'));
  const applicantTypes = [...new Set(subjects.map((s) => SUBJECTS[nameKey(s)]).filter((t) => t !== undefined))];
  notes.gapList('Đối tượng thực hiện chưa ánh xạ được sang applicantTypes:', 'Applicant types that could not be mapped (quoted):', subjects.filter((s) => !SUBJECTS[nameKey(s)]));

  const { channels, stats: channelStats } = mapTextChannels(cell(r, 'cach_thuc_thuc_hien'), notes);
  const { groups, stats: documentStats } = readDocumentCell(cell(r, 'thanh_phan_ho_so'));
  const cases = mapCases(groups, [], notes);
  const rows = groups.flatMap((g) => g.documents);
  const remarks = rows.filter((d) => d.originals === 0 && d.copies === 0).length;
  const placed = new Set(cases.flatMap((c) => c.documents.map((d) => d.name.vi.slice(0, 60))));
  const inCases = rows.filter((d) => !(d.originals === 0 && d.copies === 0) && placed.has(stripBullet(d.name).slice(0, 60))).length;

  const steps = mapSteps(readStepCell(cell(r, 'trinh_tu_thuc_hien')), notes).map((s) => {
    const timeLimit = stepTimeLimit(s);
    return timeLimit ? { ...s, timeLimit } : s;
  });
  const { results: portalResults, validity } = readResultCell(cell(r, 'ket_qua_xu_ly'));
  let results = mapResults(portalResults, notes);
  if (validity) {
    if (results.length === 1) results = [{ ...results[0]!, validity }];
    else notes.gap(`Kết quả có thời hạn hiệu lực ("${validity.raw}") nhưng có nhiều kết quả; cần ghi validity cho kết quả đúng.`, 'A validity period is stated but there are several results: set validity on the right one.');
  }

  const decision = cell(r, 'so_quyet_dinh');
  const related = cell(r, 'thu_tuc_lien_quan');
  if (!isBlank(related)) notes.gap(`Thủ tục liên quan trên cổng: ${related.slice(0, 1000)}`, 'Related procedures are listed on the portal (quoted in Vietnamese).');
  const address = cell(r, 'dia_chi_tiep_nhan');
  if (!isBlank(address)) notes.gap(`Địa chỉ tiếp nhận hồ sơ trên cổng: ${address.slice(0, 1000)}`, 'The portal gives a reception address (quoted in Vietnamese).');
  const requirements = cell(r, 'yeu_cau_dieu_kien');
  const online = channels.some((c) => c.channel === 'online');
  const field = cell(r, 'linh_vuc');

  return {
    code,
    // A title is one line: the export sometimes breaks it.
    title: cell(r, 'ten_thu_tuc').replace(/\s*\n\s*/g, ' '),
    portalId,
    requirements: isBlank(requirements) ? undefined : requirements,
    field: field ? { name: field } : undefined,
    levels,
    applicantTypes,
    procedureType,
    onlineLevel: online ? 'partial' : 'none',
    onlineWhy: 'Suy từ việc có hình thức nộp trực tuyến (bản xuất văn bản không có cờ toàn trình) · inferred from the online channel',
    decision: decision && !isBlank(decision) ? { number: decision.slice(0, 80) } : undefined,
    legalBasis: mapLegalBasis(readLegalCell(cell(r, 'can_cu_phap_ly')), decision || undefined, notes),
    agencies: mapAgencies(
      {
        executing: agencyNames(cell(r, 'co_quan_thuc_hien')),
        authority: agencyNames(cell(r, 'co_quan_co_tham_quyen')),
        delegated: agencyNames(cell(r, 'co_quan_duoc_uy_quyen')),
        coordinating: agencyNames(cell(r, 'co_quan_phoi_hop')),
      },
      ctx.agencies,
      notes,
    ),
    channels,
    cases,
    steps,
    results,
    sources: [`Cổng Dịch vụ công quốc gia, thủ tục ${code}${url ? `: ${url}` : ''}`, `Bản xuất văn bản của cổng (${ctx.origin}); nhập bằng thutuc import`],
    stats: { channels: channelStats, documents: { ...documentStats, inCases, remarks } },
  };
}

export interface TextImportFigures {
  channelRows: number;
  timeStated: number;
  timeStructured: number;
  feeStated: number;
  feeStructured: number;
  documentRows: number;
  documentRowsInCases: number;
  documentRemarks: number;
}

/** The totals over a batch of text-export records, for `thutuc import --json` and the tests. */
export function textImportFigures(stats: readonly TextRecordStats[]): TextImportFigures {
  const sum = (f: (s: TextRecordStats) => number) => stats.reduce((n, s) => n + f(s), 0);
  return {
    channelRows: sum((s) => s.channels.rows),
    timeStated: sum((s) => s.channels.timeStated),
    timeStructured: sum((s) => s.channels.timeStructured),
    feeStated: sum((s) => s.channels.feeStated),
    feeStructured: sum((s) => s.channels.feeStructured),
    documentRows: sum((s) => s.documents.rows),
    documentRowsInCases: sum((s) => s.documents.inCases),
    documentRemarks: sum((s) => s.documents.remarks),
  };
}
