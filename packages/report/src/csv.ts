import { CSV_BOM as BOM, csvCell, csvLine, localize } from '@thutuc/runtime';
import { CHANNEL_ORDER, CHANNELS, GOV_LEVELS, ONLINE_LEVELS, STATUSES, knownDateText, type ReportLang } from './labels.js';
import type { ReportRow } from './rows.js';

/**
 * catalogue.csv: one row per procedure for agencies that keep the list in a spreadsheet
 * (quoting and the byte-order mark come from the runtime's CSV helpers).
 */

export { csvCell, csvLine };

const HEADERS = {
  vi: ['Mã thủ tục', 'Mã định danh', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Mức trực tuyến', 'Trạng thái', 'Phiên bản', 'Ngày hiệu lực'],
  en: ['Code', 'Id', 'Name', 'Field', 'Levels', 'Online level', 'Status', 'Version', 'Effective date'],
};
const CHANNEL_HEADERS = { vi: ['thời hạn', 'phí, lệ phí'], en: ['time', 'fees'] };

export function reportCsv(rows: readonly ReportRow[], lang: ReportLang): string {
  const header = [...HEADERS[lang]];
  for (const c of CHANNEL_ORDER) for (const h of CHANNEL_HEADERS[lang]) header.push(`${CHANNELS[c][lang]}: ${h}`);
  let out = BOM + csvLine(header);
  for (const r of rows) {
    const cells = [
      r.code, r.id, localize(r.title, lang), localize(r.field.name, lang), r.levels.map((l) => GOV_LEVELS[l][lang]).join(', '),
      ONLINE_LEVELS[r.onlineLevel][lang], STATUSES[r.status][lang], r.version, knownDateText(r.effectiveDate, lang),
    ];
    for (const c of CHANNEL_ORDER) {
      // An empty pair of cells: the procedure cannot be filed through this channel.
      const channel = r.channels.find((x) => x.channel === c);
      cells.push(channel ? channel.processingTime.text[lang] : '', channel ? channel.feeSummary[lang] : '');
    }
    out += csvLine(cells);
  }
  return out;
}
