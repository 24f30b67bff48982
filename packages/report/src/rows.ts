import type { Procedure, Text } from '@thutuc/core';
import { durationText, knownDate, knownTime, localize, processingTimeText, type LocalizedText } from '@thutuc/runtime';
import { channelFees, feeSummary, type ReportFee } from './fees.js';
import { CHANNEL_ORDER, CHANNELS, ONLINE_LEVELS, ONLINE_ORDER, byCodePoint, byVietnamese, type ChannelKind, type GovLevel, type OnlineLevel, type ReportLang } from './labels.js';

/**
 * One row per procedure: what the public list shows, in both languages. The index page,
 * catalogue.csv and catalogue.json are all written from these rows, so they never disagree.
 */

type Time = Procedure['channels'][number]['processingTime'];

export interface ReportTime {
  /** null when the source does not state the time limit. */
  value: number | null;
  /** null when not stated at all; `unknown` when only the number is stated. */
  unit: Time['unit'] | null;
  /** False when the number or the unit is not stated: `text` then says so. */
  known: boolean;
  /** `1 ngày làm việc`, `Trong ngày` for 0, `Chưa có thông tin` when not stated. */
  text: LocalizedText;
  sameDayCutoff?: string;
  /** The wording of the law or the portal, kept verbatim (Vietnamese). */
  raw?: string;
  extensions: { value: number; unit: Time['unit'] | null; text: LocalizedText; reason: Text }[];
}

export interface ReportChannel {
  channel: ChannelKind;
  name: LocalizedText;
  processingTime: ReportTime;
  fees: ReportFee[];
  feeSummary: LocalizedText;
  note?: Text;
}

export interface ReportRow {
  id: string;
  code: string;
  title: Text;
  field: { code?: string; name: Text };
  levels: GovLevel[];
  onlineLevel: OnlineLevel;
  status: Procedure['status'];
  version: string;
  /** null when the source does not state it. */
  effectiveDate: string | null;
  /** The procedure's page, relative to index.html. */
  page: string;
  channels: ReportChannel[];
}

export interface ReportSummary {
  total: number;
  byOnlineLevel: Record<OnlineLevel, number>;
  drafts: number;
  byField: { name: Text; count: number }[];
  /** Facts the catalogue does not know, counted so nobody mistakes a gap for a value. */
  notStated: { processingTime: number; fee: number; feeType: number; effectiveDate: number };
}

/** Ids are `[a-z0-9.-]` by schema; checked again because they become file names. */
const SAFE_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export function durationOf(value: number, unit: NonNullable<Time['unit']>): LocalizedText {
  if (unit === 'unknown') return processingTimeText({ value, unit });
  return value === 0 ? { vi: 'Trong ngày', en: 'Same day' } : durationText(value, unit);
}

function timeOf(t: Time): ReportTime {
  const known = knownTime(t);
  const out: ReportTime = {
    value: t.value ?? null, unit: t.unknown ? null : t.unit ?? null, known: known !== undefined,
    // "Trong ngày" only for a stated 0; anything not stated reads "Chưa có thông tin".
    text: known ? durationOf(known.value, known.unit) : processingTimeText(t),
    extensions: (t.extensions ?? []).map((e) => ({ value: e.value, unit: e.unit, text: durationOf(e.value, e.unit), reason: e.reason })),
  };
  if (t.sameDayCutoff) out.sameDayCutoff = t.sameDayCutoff;
  if (t.raw) out.raw = t.raw;
  return out;
}

export function reportRow(p: Procedure): ReportRow {
  if (!SAFE_ID.test(p.id)) throw new Error(`Mã thủ tục không dùng được làm tên tệp / unusable procedure id: ${JSON.stringify(p.id)}`);
  const channels = [...p.channels]
    .sort((a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel))
    .map((c): ReportChannel => {
      const fees = channelFees(p, c);
      const out: ReportChannel = { channel: c.channel, name: CHANNELS[c.channel], processingTime: timeOf(c.processingTime), fees, feeSummary: feeSummary(fees) };
      if (c.note) out.note = c.note;
      return out;
    });
  const field: ReportRow['field'] = { name: p.field.name };
  if (p.field.code) field.code = p.field.code;
  return {
    id: p.id, code: p.code, title: p.title, field, levels: [...p.levels], onlineLevel: p.onlineLevel, status: p.status,
    version: p.version, effectiveDate: knownDate(p.effectiveDate) ?? null, page: `procedures/${p.id}.html`, channels,
  };
}

/** Every procedure, sorted by id (so by field folder, then name): stable across machines. */
export function reportRows(procedures: readonly Procedure[]): ReportRow[] {
  return [...procedures].sort((a, b) => byCodePoint(a.id, b.id)).map(reportRow);
}

export function summarizeRows(rows: readonly ReportRow[]): ReportSummary {
  const byOnlineLevel: Record<OnlineLevel, number> = { full: 0, partial: 0, none: 0 };
  const fields = new Map<string, { name: Text; count: number }>();
  for (const r of rows) {
    byOnlineLevel[r.onlineLevel]++;
    const f = fields.get(r.field.name.vi) ?? { name: r.field.name, count: 0 };
    f.count++;
    fields.set(r.field.name.vi, f);
  }
  const byField = [...fields.values()].sort((a, b) => b.count - a.count || byVietnamese(a.name.vi, b.name.vi));
  const channels = rows.flatMap((r) => r.channels);
  const fees = channels.flatMap((c) => c.fees);
  const notStated = {
    processingTime: channels.filter((c) => !c.processingTime.known).length,
    fee: fees.filter((f) => f.status === 'unknown').length,
    feeType: fees.filter((f) => f.type === 'unknown').length,
    effectiveDate: rows.filter((r) => r.effectiveDate === null).length,
  };
  return { total: rows.length, byOnlineLevel, drafts: rows.filter((r) => r.status === 'draft').length, byField, notStated };
}

/** `17 thủ tục: 1 toàn trình, 11 một phần, 5 chưa trực tuyến (4 bản nháp)`. */
export function summaryLine(s: ReportSummary, lang: ReportLang): string {
  const levels = ONLINE_ORDER.map((l) => `${s.byOnlineLevel[l]} ${ONLINE_LEVELS[l].short[lang]}`).join(', ');
  const total = localize({ vi: `${s.total} thủ tục`, en: `${s.total} procedure${s.total === 1 ? '' : 's'}` }, lang);
  const drafts = s.drafts === 0 ? '' : localize({ vi: ` (${s.drafts} bản nháp)`, en: ` (${s.drafts} draft${s.drafts === 1 ? '' : 's'})` }, lang);
  return `${total}: ${levels}${drafts}${notStatedLine(s, lang)}`;
}

/** `; chưa có thông tin: 2 thời hạn, 1 mức phí` — empty when the catalogue states everything. */
function notStatedLine(s: ReportSummary, lang: ReportLang): string {
  const n = s.notStated;
  const parts = lang === 'vi'
    ? [[n.processingTime, 'thời hạn giải quyết'], [n.fee, 'mức phí, lệ phí'], [n.feeType, 'loại phí/lệ phí'], [n.effectiveDate, 'ngày áp dụng']]
    : [[n.processingTime, 'time limits'], [n.fee, 'fee amounts'], [n.feeType, 'fee kinds'], [n.effectiveDate, 'effective dates']];
  const shown = parts.filter(([count]) => Number(count) > 0).map(([count, what]) => `${count} ${what}`);
  if (shown.length === 0) return '';
  return lang === 'vi' ? `; chưa có thông tin: ${shown.join(', ')}` : `; not stated: ${shown.join(', ')}`;
}

/** `Hộ tịch: 7; Cư trú: 3; …`, largest first. */
export function fieldLine(s: ReportSummary, lang: ReportLang): string {
  return s.byField.map((f) => `${localize(f.name, lang)}: ${f.count}`).join('; ');
}
