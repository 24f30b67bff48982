import type { Result, Step } from '@thutuc/core';
import type { PortalLegal } from './legal.js';
import type { PortalResult } from './skeleton.js';

/**
 * The other flattened cells of the text export: legal basis ("title" glued to its number),
 * results ("name" + "Mã: code", then "Từ khóa…Mô tả…"), and steps as prose ("Bước 1: …").
 */

/** A document number; it ends before a capital that starts a word or anything not [A-ZĐ0-9]. */
const NUMBER = /\d+(?:\.\d+)?\/\d{4}(?:\/[A-ZĐ]+[A-ZĐ0-9]*?(?:-[A-ZĐ0-9]*?[A-ZĐ0-9])*(?=$|[^A-ZĐ0-9]|\p{Lu}\p{Ll}))?/gu;

export function readLegalCell(cell: string): PortalLegal[] {
  const body = cell.replace(/^\s*Tên văn bản pháp lý\s*Mã văn bản/i, '');
  if (/^\s*(không có thông tin)?\s*$/i.test(body)) return [];
  const out: PortalLegal[] = [];
  let from = 0;
  for (const m of body.matchAll(NUMBER)) {
    const end = m.index! + m[0].length;
    const next = body.slice(end, end + 1);
    // A number inside a title is followed by a space or punctuation; the number column is glued to the next title.
    if (next !== '' && !/\p{L}|\d/u.test(next)) continue;
    const title = body.slice(from, m.index).replace(/[;,.\s]+$/, '').trim();
    out.push({ name: title || m[0], code: m[0] });
    from = end;
  }
  const rest = body.slice(from).trim();
  if (rest) out.push({ name: rest, code: '' });
  return out;
}

const VALIDITY = /(?:có giá trị(?: sử dụng)?(?: trong)?|có thời hạn(?: là)?|thời hạn (?:hiệu lực|sử dụng)(?: là)?)\s*(\d{1,3})\s*(ngày|tháng|năm)/i;

export function readResultCell(cell: string): { results: PortalResult[]; validity?: Result['validity'] } {
  const [list = '', after = ''] = cell.split(/Từ khóa/);
  const results: PortalResult[] = [];
  let from = 0;
  for (const m of list.matchAll(/Mã:\s*(\S+?)(?=\p{Lu}\p{Ll}|$)/gu)) {
    results.push({ name: list.slice(from, m.index).trim(), code: m[1]!.trim() });
    from = m.index! + m[0].length;
  }
  const tail = list.slice(from).trim();
  if (tail) results.push({ name: tail, code: '' });
  const description = after.split(/Chọn cơ quan thực hiện/)[0]!.replace(/^.*?Mô tả/s, '');
  const v = VALIDITY.exec(description) ?? VALIDITY.exec(list);
  const unit = v ? ({ ngày: 'day', tháng: 'month', năm: 'year' } as const)[v[2]!.toLowerCase() as 'ngày' | 'tháng' | 'năm'] : undefined;
  return { results, ...(v && unit ? { validity: { value: Number(v[1]), unit, raw: v[0] } } : {}) };
}

export function readStepCell(cell: string): { name: string; description: string }[] {
  const text = cell.trim();
  if (!text || /^không có thông tin$/i.test(text)) return [];
  const starts = [...text.matchAll(/(?:^|\n)\s*Bước\s*(\d+)\s*[:.]/gi)];
  if (!starts.length) return [{ name: '', description: text }];
  const steps = starts.map((m, i) => {
    const body = text.slice(m.index! + m[0].length, starts[i + 1]?.index ?? text.length).trim();
    const first = body.split(/\n|(?<=\.)\s/)[0]!.trim();
    return { name: `Bước ${m[1]}: ${first.length > 80 ? `${first.slice(0, 79)}…` : first}`, description: body };
  });
  const before = text.slice(0, starts[0]!.index).trim();
  return before ? [{ name: '', description: before }, ...steps] : steps;
}

const STEP_TIME = /(?:trong (?:thời hạn |vòng |hạn )?)(\d{1,3})(?:\s*\([^)]{1,20}\))?\s*(ngày làm việc|ngày|giờ làm việc|giờ)/i;

/** A step's own limit, when its text gives exactly one ("trong 05 (năm) ngày làm việc"). */
export function stepTimeLimit(step: Step): Step['timeLimit'] {
  const text = step.description?.vi ?? '';
  const all = [...text.matchAll(new RegExp(STEP_TIME.source, 'gi'))];
  const distinct = new Set(all.map((m) => `${Number(m[1])} ${m[2]!.toLowerCase()}`));
  if (distinct.size !== 1) return undefined;
  const m = all[0]!;
  const word = m[2]!.toLowerCase();
  const unit = word === 'ngày làm việc' ? 'working_day' : word.startsWith('giờ') ? 'hour' : 'day';
  return { value: Number(m[1]), unit, raw: m[0] };
}
