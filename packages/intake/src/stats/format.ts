import { CSV_BOM, csvLine, localize, type Lang, type LocalizedText } from '@thutuc/runtime';
import type { Figures } from './figures.js';
import type { Statistics } from './compute.js';

/**
 * The statistics as a spreadsheet (one row per group, the agency first) and as text for the
 * command line. A figure that cannot be given (a share of nothing, no target) is left empty,
 * never written as 0.
 */

interface Row {
  group: 'total' | 'procedure' | 'field' | 'level';
  id: string;
  name: string;
  figures: Figures;
  target: number | null;
}

const GROUPS: Record<Row['group'], LocalizedText> = {
  total: { vi: 'Toàn cơ quan', en: 'Agency' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  level: { vi: 'Mức độ trực tuyến', en: 'Online level' },
};

const COLUMNS: LocalizedText[] = [
  { vi: 'Nhóm', en: 'Group' }, { vi: 'Mã', en: 'Id' }, { vi: 'Tên', en: 'Name' },
  { vi: 'Tiếp nhận', en: 'Received' }, { vi: 'Trực tuyến', en: 'Online' }, { vi: 'Bưu chính', en: 'Post' }, { vi: 'Trực tiếp', en: 'In person' },
  { vi: 'Tỷ lệ trực tuyến (%)', en: 'Online share (%)' }, { vi: 'Chỉ tiêu (%)', en: 'Target (%)' },
  { vi: 'Đúng hạn', en: 'On time' }, { vi: 'Trễ hạn', en: 'Late' }, { vi: 'Quá hạn', en: 'Overdue' }, { vi: 'Đang giải quyết', en: 'Pending' },
  { vi: 'Từ chối, rút, dừng', en: 'Refused, withdrawn, stopped' }, { vi: 'Không có thời hạn', en: 'No time limit' },
  { vi: 'Số ngày làm việc trung bình', en: 'Average working days' }, { vi: 'Yêu cầu bổ sung', en: 'Supplements requested' },
];

function rowsOf(stats: Statistics, lang: Lang): Row[] {
  return [
    { group: 'total', id: stats.agency, name: localize(GROUPS.total, lang), figures: stats.total, target: stats.total.targetPercent },
    ...stats.byField.map((f): Row => ({ group: 'field', id: f.key, name: localize(f.name, lang), figures: f, target: f.targetPercent })),
    ...stats.byLevel.map((l): Row => ({ group: 'level', id: l.level ?? '', name: localize(l.label, lang), figures: l, target: null })),
    ...stats.byProcedure.map((p): Row => ({ group: 'procedure', id: p.id, name: localize(p.title, lang), figures: p, target: null })),
  ];
}

const cell = (n: number | null): string => (n === null ? '' : String(n));

function cells(row: Row, lang: Lang): string[] {
  const f = row.figures;
  return [
    localize(GROUPS[row.group], lang), row.id, row.name,
    ...[f.received, f.channels.online, f.channels.post, f.channels.in_person, f.onlineSharePercent, row.target,
      f.onTime, f.late, f.overdue, f.pending, f.closed, f.noTimeLimit, f.averageWorkingDays, f.supplementsRequested].map(cell),
  ];
}

export function statisticsCsv(stats: Statistics, lang: Lang = 'vi'): string {
  return CSV_BOM + csvLine(COLUMNS.map((c) => localize(c, lang))) + rowsOf(stats, lang).map((r) => csvLine(cells(r, lang))).join('');
}

/** A plain-text table for a terminal: the period, then one line per group. */
export function statisticsText(stats: Statistics, lang: Lang = 'vi'): string {
  const t = (text: LocalizedText) => localize(text, lang);
  const head = t({
    vi: `Thống kê hồ sơ ${stats.agency}, tiếp nhận từ ${stats.period.from} đến ${stats.period.to} (tình trạng lúc ${stats.asOf})`,
    en: `Dossiers of ${stats.agency} received ${stats.period.from} to ${stats.period.to} (standing at ${stats.asOf})`,
  });
  const rows = rowsOf(stats, lang);
  const table = [COLUMNS.slice(1).map(t), ...rows.map((r) => cells(r, lang).slice(1))];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((line) => [...line[i]!].length)));
  const align = (line: string[]) => line.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  // A heading wherever the group changes, since the table leaves the group column out.
  const body = rows.flatMap((r, i) => [...(r.group !== rows[i - 1]?.group ? [`— ${t(GROUPS[r.group])}`] : []), align(table[i + 1]!)]);
  return [head, align(table[0]!), ...body].join('\n') + '\n';
}
