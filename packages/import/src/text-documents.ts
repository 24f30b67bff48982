import type { PortalDocument, PortalGroup } from './cases.js';

/**
 * The "Thành phần hồ sơ" cell of the text export: per case a heading ("--" when there is
 * none), the column header "Tên giấy tờMẫu đơn, tờ khaiSố lượng", then rows glued together,
 * each a document name, its template file(s) if any, and "N bản chính,M bản sao". The
 * count ends a row; what follows the last count is the next case's heading.
 */

const HEADER = /Tên giấy tờ\s*Mẫu đơn,\s*tờ khai\s*Số lượng/;
/** One digit each: a name ending in a number ("Mẫu số 02") is glued to the count ("021 bản chính"). */
const COUNT = /(\d) bản chính(?:\s*,\s*(\d) bản sao)?|(\d) bản sao/g;
const FILE_END = /\.(?:docx?|xlsx?|pdf|odt|ods|rtf|rar|zip)(?=$|\p{Lu}|\s)/giu;

export interface DocumentCellStats {
  rows: number;
  /** Rows placed in a case with their counts. */
  placed: number;
}

/**
 * Where the template file names start in a row: just after a full stop, semicolon or
 * closing parenthesis, or where a capital follows a small letter with no space ("tưMẫu").
 */
function splitFiles(row: string): { name: string; files: string[] } {
  const ends = [...row.matchAll(FILE_END)].map((m) => m.index! + m[0].length);
  if (!ends.length || ends[ends.length - 1] !== row.length) return { name: row, files: [] };
  const firstEnd = ends[0]!;
  let start = -1;
  for (let i = 1; i < firstEnd; i++) {
    const prev = row[i - 1]!;
    const here = row[i]!;
    if (!/\p{Lu}/u.test(here)) continue;
    if (/[.;:)]/.test(prev) || /\p{Ll}/u.test(prev)) {
      start = i;
      break;
    }
  }
  if (start <= 0) return { name: row, files: [] };
  const files: string[] = [];
  let from = start;
  for (const end of ends) {
    files.push(row.slice(from, end).trim());
    from = end;
  }
  return { name: row.slice(0, start).trim(), files: files.filter(Boolean) };
}

export function readDocumentCell(cell: string): { groups: PortalGroup[]; stats: DocumentCellStats } {
  const parts = cell.split(HEADER);
  const groups: PortalGroup[] = [];
  const stats: DocumentCellStats = { rows: 0, placed: 0 };
  let heading = (parts[0] ?? '').trim();
  for (const part of parts.slice(1)) {
    const documents: PortalDocument[] = [];
    let from = 0;
    for (const m of part.matchAll(COUNT)) {
      const text = part.slice(from, m.index).trim();
      from = m.index! + m[0].length;
      stats.rows++;
      const { name, files } = splitFiles(text);
      const originals = m[1] !== undefined ? Number(m[1]) : 0;
      const copies = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number(m[3]) : 0;
      // "Số lượng hồ sơ: 01 (bộ)" is a remark on the dossier, not a document: 0/0 sends it to the remarks.
      const remark = /^số lượng hồ sơ/i.test(text);
      documents.push({ name: name || text || 'Giấy tờ', originals: remark ? 0 : originals, copies: remark ? 0 : copies, files });
      stats.placed++;
    }
    groups.push({ name: /^-*$/.test(heading) ? '' : heading, documents });
    heading = part.slice(from).trim();
  }
  return { groups, stats };
}
