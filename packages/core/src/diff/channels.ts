import { knownTime, processingTimeText, type LocalizedText } from '@thutuc/runtime';
import type { ProcessingTime, Procedure } from '@thutuc/runtime/model';
import { legalNames } from './legal.js';
import type { ProcedureChange } from './types.js';
import { CHANNEL_NAMES, both, say } from './words.js';

const LEVELS: Record<Procedure['onlineLevel'], LocalizedText> = {
  full: { vi: 'toàn trình', en: 'full online' },
  partial: { vi: 'một phần', en: 'partly online' },
  none: { vi: 'không trực tuyến', en: 'not online' },
};

/** Channels added or removed, the online level, and processing time limits (channels and cases). */
export function diffChannels(before: Procedure, after: Procedure): ProcedureChange[] {
  const basis = legalNames(after, after.changeBasis);
  const out: ProcedureChange[] = [];
  if (before.onlineLevel !== after.onlineLevel) {
    out.push({ area: 'channel', kind: 'online-level', path: '/onlineLevel', message: say((l) => (l === 'vi' ? `Mức dịch vụ trực tuyến: ${LEVELS[before.onlineLevel].vi} → ${LEVELS[after.onlineLevel].vi}` : `Online service level: ${LEVELS[before.onlineLevel].en} → ${LEVELS[after.onlineLevel].en}`)), basis });
  }
  after.channels.forEach((c, i) => {
    const name = CHANNEL_NAMES[c.channel];
    const old = before.channels.find((o) => o.channel === c.channel);
    if (!old) {
      out.push({ area: 'channel', kind: 'channel-added', path: `/channels/${i}`, message: say((l) => (l === 'vi' ? `Thêm cách thức nộp: ${name.vi}` : `New way to file: ${name.en}`)), basis });
      return;
    }
    const time = timeChange(old.processingTime, c.processingTime);
    if (time) out.push({ area: 'time', kind: 'time-limit', path: `/channels/${i}/processingTime`, message: say((l) => (l === 'vi' ? `Thời hạn giải quyết ${name.vi}: ${time.vi}` : `Processing time ${name.en}: ${time.en}`)), basis });
  });
  before.channels.forEach((c, i) => {
    if (after.channels.some((n) => n.channel === c.channel)) return;
    const name = CHANNEL_NAMES[c.channel];
    out.push({ area: 'channel', kind: 'channel-removed', path: `/channels/${i}`, message: say((l) => (l === 'vi' ? `Bỏ cách thức nộp: ${name.vi}` : `Way to file removed: ${name.en}`)), basis });
  });
  after.cases.forEach((c, i) => {
    const old = before.cases.find((o) => o.id === c.id);
    if (!old?.processingTime || !c.processingTime) return;
    const time = timeChange(old.processingTime, c.processingTime);
    const name = both(c.name);
    if (time) out.push({ area: 'time', kind: 'time-limit', path: `/cases/${i}/processingTime`, message: say((l) => (l === 'vi' ? `Thời hạn giải quyết (${name.vi}): ${time.vi}` : `Processing time (${name.en}): ${time.en}`)), basis });
  });
  return out;
}

/** `5 → 3 ngày làm việc`, or both durations in full when the unit changed; undefined when equal. */
function timeChange(b: ProcessingTime, a: ProcessingTime): LocalizedText | undefined {
  const from = processingTimeText(b);
  const to = processingTimeText(a);
  if (from.vi === to.vi) return undefined;
  const old = knownTime(b);
  if (old && old.unit === knownTime(a)?.unit) return say((l) => `${old.value} → ${to[l]}`);
  return say((l) => `${from[l]} → ${to[l]}`);
}
