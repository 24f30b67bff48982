import type { Channel, Fee, ProcessingTime } from '@thutuc/core';
import { unknownFee } from './fees.js';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, bi, clip } from './text.js';

/**
 * The "Cách thức thực hiện" cell of the portal's text export: a table flattened into one
 * string, "Hình thức nộpThời gianPhí, lệ phíMô tả" then rows glued together —
 * channel + time limit + fee (+ "(explanation)") + description, e.g. "Trực tuyến2Miễn phí",
 * "Trực tiếp6 Tháng100 USD(100 USD/thẻ.)". Whatever a row does not say clearly stays unknown.
 */

const HEADER = /^\s*Hình thức nộp\s*Thời gian\s*Phí,\s*lệ phí\s*Mô tả\s*/i;
const NO_INFO = 'Không có thông tin';
/** A channel name starts a row only when a time limit (a digit or "Không có thông tin") follows. */
const ROW = /(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\s*(?:\d|Không có thông tin))/g;
const CHANNEL: Record<string, Channel['channel']> = { 'trực tuyến': 'online', 'trực tiếp': 'in_person', 'dịch vụ bưu chính': 'post' };
const UNIT: [RegExp, ProcessingTime['unit']][] = [
  [/^ngày làm việc/i, 'working_day'],
  [/^giờ làm việc|^giờ/i, 'hour'],
  [/^ngày/i, 'day'],
  [/^tháng/i, 'month'],
  [/^năm/i, 'year'],
];
const CURRENCY = /^\s*(VNĐ|VND|Việt Nam Đồng|đồng|USD|Đô la Mỹ)/i;
const AMOUNT = /^(?:0|[1-9]\d{0,2}(?:,\d{3})*)$/;
/** Something in a "Miễn phí" cell that says it is not simply free. */
const NOT_SIMPLY_FREE = /\d{1,3}(?:[.,]\d{3})+\s*(?:đồng|đ\b|vnđ)|thông tư|nghị quyết|nghị định|quyết định|hđnd|hội đồng nhân dân|mức (?:thu|phí|lệ phí)/i;
const LOCAL = /hđnd|hội đồng nhân dân/i;

export interface ChannelCellStats {
  rows: number;
  /** Rows whose time cell has a number and a unit, and how many became a structured time. */
  timeStated: number;
  timeStructured: number;
  /** Rows whose fee cell says something other than "Không có thông tin", and how many became known lines. */
  feeStated: number;
  feeStructured: number;
}

interface Row {
  name: string;
  body: string;
}

function rowsOf(cell: string): Row[] {
  const body = cell.replace(HEADER, '');
  const starts = [...body.matchAll(ROW)];
  return starts.map((m, i) => ({ name: m[1]!, body: body.slice(m.index! + m[0].length, starts[i + 1]?.index ?? body.length) }));
}

/** The text inside balanced parentheses at the start of `s`, and what follows. */
function parenthetical(s: string): { inside: string; rest: string } | undefined {
  if (!s.startsWith('(')) return undefined;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return { inside: s.slice(1, i).trim(), rest: s.slice(i + 1) };
  }
  return { inside: s.slice(1).trim(), rest: '' };
}

interface TimePart {
  time: ProcessingTime;
  /** The number and unit were both written. */
  stated: boolean;
  rest: string;
  /** The time's digits were glued to an amount and split by guess. */
  split?: string;
}

/** "90 Ngày…", "17 Ngày làm việc…", "1Miễn phí", "1100 VNĐ(…)" (time 1, amount 100), "Không có thông tin…". */
function readTime(body: string): TimePart {
  if (body.startsWith(NO_INFO)) return { time: { unknown: true, raw: NO_INFO }, stated: false, rest: body.slice(NO_INFO.length) };
  const digits = /^(\d[\d,]*)/.exec(body)![1]!;
  const after = body.slice(digits.length);
  const unitText = after.replace(/^\s+/, '');
  const unit = UNIT.find(([re]) => re.test(unitText));
  if (unit && /^\d+$/.test(digits)) {
    const word = unit[0].exec(unitText)![0];
    return { time: { value: Number(digits), unit: unit[1], raw: `${digits} ${word}` }, stated: true, rest: unitText.slice(word.length) };
  }
  // No unit: either a fee word follows, or the time's digits run into an amount ("1100 VNĐ").
  if (CURRENCY.test(after)) {
    for (let cut = 1; cut < digits.length; cut++) {
      const [time, amount] = [digits.slice(0, cut), digits.slice(cut)];
      if (/^\d+$/.test(time) && AMOUNT.test(amount) && (amount === '0' || amount.length <= 3 || amount.includes(','))) {
        return { time: { value: Number(time), unit: 'unknown', raw: time }, stated: false, rest: amount + after, split: `${time} | ${amount}` };
      }
    }
  }
  const value = Number(digits.replace(/,/g, ''));
  return { time: { value, unit: 'unknown', raw: digits }, stated: false, rest: after };
}

interface FeePart {
  fees: Fee[];
  stated: boolean;
  /** The channel's description column, after the fee cell. */
  description: string;
}

const parseDate = (d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const PERIOD = /(?:kể\s*)?từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4}),?\s*đến (?:hết )?(?:ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})/i;

/** "Phí…" → phi, "Lệ phí…" → le_phi; anything else the source leaves open. */
function feeType(text: string): Fee['type'] {
  const phi = /(^|[^ệ\p{L}])phí/iu.test(text.replace(/lệ phí|miễn phí/gi, ''));
  const lePhi = /lệ phí/i.test(text);
  return lePhi && !phi ? 'le_phi' : phi && !lePhi ? 'phi' : 'unknown';
}

function label(type: Fee['type']) {
  return type === 'le_phi' ? bi('Lệ phí', 'Charge') : type === 'phi' ? bi('Phí', 'Fee') : bi('Phí, lệ phí', 'Fee or charge');
}

/** A per-unit price in the explanation: "100 USD/thẻ", "200.000 VNĐ/giấy phép", "đồng/lần". */
function perUnit(text: string): string | undefined {
  const m = /(?:đồng|vnđ|vnd|usd|đ)\s*\/\s*([\p{L}][\p{L} ]{0,30}?)\s*(?:[.;,)(]|$)/iu.exec(text);
  const unit = m?.[1]?.trim().toLowerCase();
  // "per time" and "per dossier" are one charge per application, not a count to enter.
  return unit && !/^(lần|hồ sơ|bộ hồ sơ|bộ)$/.test(unit) ? unit : undefined;
}

function readFee(s: string, notes: DraftNotes): FeePart {
  if (s.startsWith(NO_INFO)) return { fees: [unknownFee('phi', NO_INFO)], stated: false, description: s.slice(NO_INFO.length) };
  const free = /^Miễn phí/i.exec(s);
  const amount = free ? undefined : /^(\d[\d,]*)\s*(VNĐ|VND|Việt Nam Đồng|đồng|USD)/i.exec(s);
  if (!free && !amount) return { fees: [unknownFee('phi', clip(s.slice(0, 200), 2000))], stated: true, description: s };
  const head = (free ?? amount)![0];
  const paren = parenthetical(s.slice(head.length));
  const explanation = paren?.inside ?? '';
  const description = paren ? paren.rest : s.slice(head.length);
  const raw = clip(`${head}${paren ? ` (${explanation})` : ''}`, 2000);
  const type = feeType(explanation);
  const base = { id: type === 'le_phi' ? 'le-phi' : 'phi', type, label: label(type) };
  const note = explanation && !/^không có\.?$/i.test(explanation) ? { note: { vi: clip(explanation, TEXT_MAX) } } : {};

  if (free) {
    if (!NOT_SIMPLY_FREE.test(explanation)) return { fees: [{ ...base, kind: 'exempt', reason: { vi: clip(explanation && !/^không có\.?$/i.test(explanation) ? explanation : 'Miễn phí', TEXT_MAX) } }], stated: true, description };
    if (LOCAL.test(explanation)) {
      notes.gap('Cổng ghi "Miễn phí" nhưng nói mức thu do HĐND tỉnh quyết định: ghi kind: local.', 'The portal says "free" but also that the provincial council sets the amount: kind: local.');
      return { fees: [{ ...base, kind: 'local', ...note }], stated: true, description };
    }
    notes.gap(`Cổng ghi "Miễn phí" nhưng phần giải thích nêu văn bản hoặc mức thu ("${clip(explanation, 200)}"): ghi kind: unknown, cần tra mức thu.`, 'The portal says "free" but its explanation names a regulation or an amount: kind: unknown, look the amount up.');
    return { fees: [{ ...base, kind: 'unknown', raw, ...note }], stated: true, description };
  }

  let value = Number(amount![1]!.replace(/,/g, ''));
  const currency = /usd/i.test(amount![2]!) ? ('USD' as const) : ('VND' as const);
  // "135 VNĐ(Lệ phí …: 135.000 đồng/lần)": the cell is in thousands when the text says so exactly.
  const written = [...explanation.matchAll(/(\d{1,3}(?:\.\d{3})+)\s*(?:đồng|vnđ|đ\b)/gi)].map((m) => Number(m[1]!.replace(/\./g, '')));
  if (currency === 'VND' && value < 1000 && written.length && written[0] === value * 1000) {
    notes.gap(`Cổng ghi ${value} VNĐ nhưng phần giải thích ghi ${written[0]} đồng: đã lấy ${written[0]}.`, `The portal cell says VND ${value} but its explanation says ${written[0]} đồng: ${written[0]} was used.`);
    value = written[0]!;
  }
  const exemptions: NonNullable<Fee['exemptions']> = [];
  const period = PERIOD.exec(explanation);
  if (period) {
    const reduced = /mức (?:phí|thu|lệ phí)\s*(\d{1,3}(?:\.\d{3})+)\s*(?:đồng|vnđ|đ\b)/i.exec(explanation);
    const freeNow = /miễn phí|miễn thu|miễn lệ phí/i.test(explanation.slice(Math.max(0, period.index - 40), period.index + 5));
    if (reduced || freeNow) {
      exemptions.push({
        id: reduced ? 'giam' : 'mien',
        ...(reduced ? { amount: Number(reduced[1]!.replace(/\./g, '')) } : {}),
        validFrom: parseDate(period[1]!, period[2]!, period[3]!),
        validUntil: parseDate(period[4]!, period[5]!, period[6]!),
        reason: { vi: clip(explanation, TEXT_MAX) },
      });
    }
  }
  const unit = perUnit(explanation);
  const common = { ...base, amount: value, ...(currency === 'USD' ? { currency } : {}), ...note, ...(exemptions.length ? { exemptions } : {}) };
  if (unit) {
    notes.gap(`Phí tính theo "${unit}": số lượng tạm ghi 1; cần thêm trường nhập số ${unit} vào biểu mẫu và dùng làm quantity.`, `The fee is charged per "${unit}": quantity is 1 for now; add a form field for the number and use it as quantity.`);
    return { fees: [{ ...common, kind: 'per_unit', unit, quantity: '1' }], stated: true, description };
  }
  return { fees: [{ ...common, kind: 'fixed' }], stated: true, description };
}

/** Channels read from the cell, each with its time limit and fee, plus how much was understood. */
export function mapTextChannels(cell: string, notes: DraftNotes): { channels: Channel[]; stats: ChannelCellStats } {
  const stats: ChannelCellStats = { rows: 0, timeStated: 0, timeStructured: 0, feeStated: 0, feeStructured: 0 };
  const channels: Channel[] = [];
  for (const row of rowsOf(cell)) {
    stats.rows++;
    const channel = CHANNEL[row.name.toLowerCase()]!;
    const time = readTime(row.body);
    if (time.split) notes.gap(`Thời hạn và số tiền dính nhau ("${row.name}${row.body.slice(0, 20)}…"); đã tách thành ${time.split}, cần kiểm tra.`, `The time limit and the amount were glued together; split as ${time.split}: check it.`);
    if (time.time.unit === 'unknown') notes.gap(`Thời hạn "${time.time.raw}" của hình thức ${row.name} không có đơn vị: ghi unit: unknown.`, `The ${channel} time limit "${time.time.raw}" has no unit: unit: unknown.`);
    const fee = readFee(time.rest.replace(/^\s+/, ''), notes);
    if (time.stated) stats.timeStated++;
    if (time.stated && time.time.unit !== 'unknown' && !time.time.unknown) stats.timeStructured++;
    if (fee.stated) stats.feeStated++;
    if (fee.stated && fee.fees.every((f) => f.kind !== 'unknown')) stats.feeStructured++;
    const description = fee.description.trim();
    const same = channels.find((c) => c.channel === channel);
    if (same) {
      notes.gap(`Cổng có hai dòng cho hình thức ${row.name}; chỉ giữ dòng đầu, dòng sau: "${clip(row.body, 300)}".`, `The portal has two ${channel} rows; the first is kept and the second quoted.`);
      continue;
    }
    channels.push({ channel, processingTime: time.time, fees: fee.fees, ...(description && description !== NO_INFO ? { note: { vi: clip(description, TEXT_MAX) } } : {}) });
  }
  return { channels, stats };
}
