import type { Channel, Fee, ProcessingTime } from '@thutuc/core';
import { mapFee, unknownFee, type PortalFee } from './fees.js';
import type { DraftNotes } from './notes.js';
import { TEXT_MAX, clip, isBlank } from './text.js';

type Unit = ProcessingTime['unit'];

export interface PortalChannel {
  channel: Channel['channel'] | undefined;
  /** The portal's name for the channel (ONLINE, "Trực tuyến"…), for messages. */
  rawName: string;
  value: number | undefined;
  /** WORKING_DAY, DAY, OTHER… as given; '' when the time came as text. */
  unitRaw: string;
  /** The time as text ("3 ngày làm việc"), for summary records. */
  timeText: string;
  description: string;
  fees: PortalFee[];
}

export const UNITS: Record<string, Unit> = { WORKING_DAY: 'working_day', DAY: 'day', HOUR: 'hour' };

/** "3 ngày làm việc", "1 ngày", "8 giờ làm việc" → value and unit. */
export function parseDuration(text: string): { value: number; unit: Unit } | undefined {
  const m = /(\d+)\s*(ngày làm việc|ngày|giờ)/i.exec(text);
  if (!m) return undefined;
  const unit = /làm việc/i.test(m[2]!) ? 'working_day' : /giờ/i.test(m[2]!) ? 'hour' : 'day';
  return { value: Number(m[1]), unit };
}

/**
 * Channels with their time limits and fees. The portal's unit is unreliable (OTHER on most
 * civil-status records, DAY where the text says working days), so whenever the structured
 * value was guessed or contradicts the text, the original wording is kept in `raw`.
 */
export function mapChannels(items: readonly PortalChannel[], fallbackUnit: Unit | undefined, notes: DraftNotes): Channel[] {
  const channels: Channel[] = [];
  for (const item of items) {
    if (!item.channel) {
      notes.gap(`Hình thức nộp "${item.rawName}" không nhận ra nên bị bỏ qua.`, `The channel "${item.rawName}" is not recognised and was skipped.`);
      continue;
    }
    const description = isBlank(item.description) ? '' : item.description;
    const time = processingTime(item, description, fallbackUnit, notes);
    const same = channels.find((c) => c.channel === item.channel);
    if (same) {
      // The schema allows one row per channel; a second row (another case's time) is kept as wording.
      const extra = [item.timeText || `${item.value ?? '?'} ${item.unitRaw}`, description].filter(Boolean).join(': ');
      same.processingTime.raw = clip([same.processingTime.raw, extra].filter(Boolean).join(' | '), 2000);
      notes.gap(
        `Cổng có nhiều dòng cho hình thức ${item.rawName} với thời hạn khác nhau (theo trường hợp); chỉ giữ dòng đầu, các dòng sau chép vào processingTime.raw: cần chuyển thành thời hạn của từng trường hợp.`,
        `The portal has several ${item.channel} rows with different times (per case); the first is kept and the others are quoted in processingTime.raw: move them to the cases.`,
      );
      continue;
    }
    const index = channels.length;
    const ids = new Set<string>();
    const fees = item.fees.map((fee, j): Fee => {
      const base = fee.typeRaw === 'FEE' || (!fee.typeRaw && !/lệ phí/i.test(fee.description)) ? 'phi' : 'le-phi';
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return mapFee(fee, id, notes, ['channels', index, 'fees', j]);
    });
    // No fee row is not "free": the record is silent, so the line says so.
    if (!fees.length) fees.push(unknownFee('phi', 'Không có thông tin'));
    channels.push({ channel: item.channel, processingTime: time, fees, ...(description ? { note: { vi: clip(description, TEXT_MAX) } } : {}) });
  }
  return channels;
}

function processingTime(item: PortalChannel, description: string, fallbackUnit: Unit | undefined, notes: DraftNotes): ProcessingTime {
  const parsed = item.timeText ? parseDuration(item.timeText) : undefined;
  let value = parsed?.value ?? item.value;
  let unit: Unit = parsed?.unit ?? UNITS[item.unitRaw];
  let raw = item.timeText || undefined;
  const portal = `Cổng DVCQG: ${item.value ?? '?'} ${item.unitRaw}${description ? ` — ${description}` : ''}`;
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 3650) {
    notes.gap(`Thời hạn "${item.timeText || item.value || '(trống)'}" không đọc được; ghi là chưa có thông tin.`, `The time "${item.timeText || item.value || '(empty)'}" could not be read; recorded as not stated.`);
    return { unknown: true, raw: clip(raw ?? portal, 2000) };
  }
  if (!unit) {
    unit = fallbackUnit ?? 'unknown';
    raw = portal;
    notes.gap(
      `Đơn vị thời hạn trên cổng là ${item.unitRaw || item.timeText || '(trống)'}; ${fallbackUnit ? `đã lấy ${unit === 'day' ? 'ngày' : 'ngày làm việc'} theo các trường hợp (cases)` : 'ghi unit: unknown'}, nguyên văn giữ trong processingTime.raw: cần kiểm tra.`,
      `The portal's time unit is ${item.unitRaw || item.timeText || '(empty)'}; ${fallbackUnit ? `${unit} was taken from the cases` : 'unit: unknown'} and the original is kept in processingTime.raw: check it.`,
    );
  } else if (unit === 'day' && /ngày làm việc/i.test(description)) {
    raw = portal;
    notes.gap(
      'Cổng ghi đơn vị DAY (ngày) nhưng mô tả nói "ngày làm việc"; giữ DAY và nguyên văn trong processingTime.raw: cần quyết định đơn vị đúng.',
      'The portal says DAY but its description says working days; DAY is kept with the wording in processingTime.raw: decide which is right.',
    );
  }
  if (!Number.isInteger(value)) {
    notes.gap(`Thời hạn ${value} không phải số nguyên; đã làm tròn lên.`, `The time ${value} is not a whole number; rounded up.`);
    value = Math.ceil(value);
  }
  return { value, unit, ...(raw ? { raw: clip(raw, 2000) } : {}) };
}
