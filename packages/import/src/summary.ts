import type { Procedure } from '@thutuc/core';
import { levelFromName, mapAgencies } from './agencies.js';
import type { Parts } from './assemble.js';
import { mapCases, type PortalGroup } from './cases.js';
import { mapChannels, type PortalChannel } from './channels.js';
import { list, num, type RecordContext } from './detail.js';
import { parseFeeText } from './fees.js';
import { mapLegalBasis } from './legal.js';
import type { DraftNotes } from './notes.js';
import type { Loose } from './read.js';
import { mapResults } from './skeleton.js';
import { cleanText, isBlank } from './text.js';

function channelOf(name: string): Procedure['channels'][number]['channel'] | undefined {
  if (/trực tuyến/i.test(name)) return 'online';
  if (/bưu chính/i.test(name)) return 'post';
  if (/trực tiếp/i.test(name)) return 'in_person';
  return undefined;
}

/** "[Mau CT01.doc](file:///C:/…)" → "Mau CT01.doc"; "Không có" → nothing. */
function attachment(text: string): string[] {
  if (isBlank(text)) return [];
  const link = /^\[([^\]]+)\]\(/.exec(text);
  return [link ? link[1]! : text];
}

/**
 * The scraped digest with Vietnamese keys (ma_so, cach_thuc_nop, thanh_phan_ho_so_tom_tat…).
 * It has no field, level flags, results, steps or decision, and its fees are often
 * "Không có thông tin": those become placeholders and gaps rather than guesses.
 */
export function mapSummary(r: Loose, ctx: RecordContext, notes: DraftNotes): Parts {
  const code = cleanText(r.ma_so);
  const title = cleanText(r.ten);
  const description = cleanText(r.mo_ta);
  const agency = cleanText(r.co_quan);
  const kind = cleanText(r.loai_thutuc);
  const url = cleanText(r.url);

  notes.gap(
    `Bản tóm tắt không có lĩnh vực${kind ? ` (loại: "${kind}")` : ''}; cần chọn lĩnh vực, mã lĩnh vực và đổi id, tên tệp cho khớp.`,
    'The summary has no field: choose the field and its code, then rename the id and the file to match.',
  );
  const level = isBlank(agency) ? undefined : levelFromName(agency);
  notes.gap('Cấp thực hiện suy ra từ tên cơ quan; cần kiểm tra.', 'The government level was inferred from the agency name: check it.');
  if (!isBlank(agency)) {
    notes.gap(`Vai trò của cơ quan "${agency}" (thẩm quyền hay thực hiện) là suy đoán.`, `Whether "${agency}" is the competent or the executing agency is a guess.`);
  }
  notes.gap('Bản tóm tắt không có đối tượng thực hiện, trình tự thực hiện và quyết định công bố; cần bổ sung từ cổng.', 'The summary has no applicant types, steps or publishing decision: add them from the portal.');

  const methods: PortalChannel[] = list(r.cach_thuc_nop).map((m) => {
    const fee = cleanText(m.fee);
    const parsed = isBlank(fee) ? undefined : parseFeeText(fee);
    if (!isBlank(fee) && !parsed) notes.gap(`Phí, lệ phí "${fee}" không đọc được nên chưa ghi.`, `The fee text "${fee}" could not be read and was left out.`);
    return { channel: channelOf(cleanText(m.name)), rawName: cleanText(m.name), value: undefined, unitRaw: '', timeText: cleanText(m.time), description: cleanText(m.description), fees: parsed ? [parsed] : [] };
  });
  const channels = mapChannels(methods, undefined, notes);
  if (channels.every((c) => c.fees.every((f) => f.kind === 'unknown'))) {
    notes.gap(
      'Bản ghi ghi phí, lệ phí là "Không có thông tin": các dòng phí ghi kind: unknown, không có nghĩa là miễn phí; cần tra mức thu (ví dụ Thông tư 75/2022/TT-BTC cho lệ phí cư trú).',
      'The record says "no information" for fees: the fee lines are kind: unknown, which does not mean free; look the amounts up.',
    );
  }

  const groups = new Map<string, PortalGroup>();
  for (const d of list(r.thanh_phan_ho_so_tom_tat)) {
    const name = cleanText(d.group);
    const group = groups.get(name) ?? { name, documents: [] };
    groups.set(name, group);
    group.documents.push({ name: cleanText(d.name), originals: num(d.ban_chinh), copies: num(d.ban_sao), files: attachment(cleanText(d.tep_dinh_kem)) });
  }
  const note = cleanText(r.ghi_chu);
  if (note) notes.gap(`Ghi chú của bộ dữ liệu: ${note}`, 'A note of the data set is quoted in Vietnamese.');
  const online = channels.some((c) => c.channel === 'online');
  notes.gap(
    'onlineLevel suy từ việc có hình thức nộp trực tuyến (bản tóm tắt không có cờ toàn trình): cần xác định theo Điều 11 Nghị định 42/2022/NĐ-CP.',
    'onlineLevel was inferred from the presence of an online channel (the summary has no full-online flag): decide it under Decree 42/2022, Art. 11.',
  );

  return {
    code,
    title,
    portalId: /[0-9a-f-]{36}$/.exec(url)?.[0],
    description: description && description !== title ? description : undefined,
    levels: level ? [level] : ['other'],
    onlineLevel: online ? 'partial' : 'none',
    onlineWhy: 'Suy từ việc có hình thức nộp trực tuyến · inferred from the online channel',
    legalBasis: mapLegalBasis(list(r.can_cu_phap_ly).map((l) => ({ name: cleanText(l.name), code: cleanText(l.code) })), undefined, notes),
    agencies: isBlank(agency) ? undefined : mapAgencies({ authority: [agency] }, ctx.agencies, notes),
    channels,
    cases: mapCases([...groups.values()], [], notes),
    results: mapResults([], notes),
    sources: [
      `Cổng Dịch vụ công quốc gia, thủ tục ${code}${url ? `: ${url}` : ''}`,
      `Bản tóm tắt (${ctx.origin})${ctx.extractedAt ? `, thu thập ${ctx.extractedAt.slice(0, 10)}` : ''}; nhập bằng thutuc import`,
    ],
  };
}
