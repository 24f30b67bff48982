import { localize } from '@thutuc/runtime';
import { openProcedure } from '../catalogue.js';
import { findConfig, shown } from '../config.js';
import { computeDeadline, createWorkingCalendar, parseVietnamTime, processingTimeText } from '@thutuc/runtime';
import type { CommonOptions, Io } from '../io.js';

export interface DeadlineOptions extends CommonOptions {
  received?: string | undefined;
  channel?: string | undefined;
  catalogue?: string | undefined;
}

const CHANNELS: Record<string, { vi: string; en: string }> = {
  online: { vi: 'nộp trực tuyến', en: 'filed online' },
  post: { vi: 'nộp qua bưu chính', en: 'filed by post' },
  in_person: { vi: 'nộp trực tiếp', en: 'filed in person' },
};

/** `thutuc deadline <procedure> --received <time>`: the appointment date and how it was counted. */
export async function deadlineCommand(args: string[], options: DeadlineOptions, io: Io): Promise<number> {
  const { lang } = options;
  const fail = (vi: string, en: string) => {
    io.stderr.write(`thutuc: ${localize({ vi, en }, lang)}\n`);
    return 1;
  };
  const [id] = args;
  if (!id) return fail('Cần mã thủ tục, ví dụ: thutuc deadline ho-tich.dang-ky-khai-sinh --received 2026-04-24T10:00', 'Give a procedure id, e.g. thutuc deadline ho-tich.dang-ky-khai-sinh --received 2026-04-24T10:00');
  const received = options.received ?? new Date().toISOString();
  if (!parseVietnamTime(received)) {
    return fail(`Thời điểm tiếp nhận không hợp lệ: "${received}" (cần dạng 2026-04-24T10:00, giờ Việt Nam).`, `Not a valid receipt time: "${received}" (expected e.g. 2026-04-24T10:00, Vietnam time).`);
  }

  const folder = options.catalogue ?? shown(io.cwd, (await findConfig(io.cwd)).catalogue);
  const opened = await openProcedure(folder, id, options, io);
  if ('exitCode' in opened) return opened.message ? fail(opened.message.vi, opened.message.en) : opened.exitCode;
  const { analysis, procedure } = opened;
  const channel = options.channel ? procedure.channels.find((c) => c.channel === options.channel) : procedure.channels[0];
  if (!channel) {
    const have = procedure.channels.map((c) => c.channel).join(', ');
    return fail(`Thủ tục ${procedure.id} không có hình thức nộp "${options.channel}" (có: ${have}).`, `Procedure ${procedure.id} has no "${options.channel}" channel (it has: ${have}).`);
  }

  const calendar = createWorkingCalendar(analysis.checked.files.holidays.map((d) => d.value));
  const result = computeDeadline(received, channel.processingTime, calendar);
  if (!result.ok) return fail(result.error.vi, result.error.en);
  const d = result.deadline;

  if (options.json) {
    const { value, unit, sameDayCutoff } = channel.processingTime;
    io.stdout.write(`${JSON.stringify({ procedure: { id: procedure.id, code: procedure.code }, channel: channel.channel, processingTime: { value, unit, sameDayCutoff }, ...d }, null, 2)}\n`);
    return 0;
  }
  const t = (text: { vi: string; en?: string | undefined }) => (lang === 'en' && text.en) || text.vi;
  const time = channel.processingTime;
  const out: string[] = [];
  out.push(`${t(procedure.title)} (${procedure.code}) · ${t(CHANNELS[channel.channel]!)}`);
  const cutoff = time.sameDayCutoff ? t({ vi: `; nhận sau ${time.sameDayCutoff} trả kết quả ngày làm việc tiếp theo`, en: `; received after ${time.sameDayCutoff}: the next working day` }) : '';
  out.push(`${t({ vi: 'Thời hạn giải quyết', en: 'Time limit' })}: ${t(processingTimeText(time))}${cutoff}`);
  out.push(t({ vi: 'Cách tính:', en: 'How it was counted:' }));
  for (const step of d.steps.slice(0, -1)) out.push(`  • ${t(step.message)}`);
  out.push(t(d.steps[d.steps.length - 1]!.message));
  if (d.provisional) {
    out.push(t({
      vi: 'Lưu ý: lịch nghỉ lễ dùng để tính còn tạm tính (chưa đối chiếu văn bản chính thức, hoặc dự tính cho năm chưa có lịch).',
      en: 'Note: the holiday calendar used is provisional (not yet checked against the official announcement, or projected for a year without one).',
    }));
  }
  if (!analysis.ok) out.push(t({ vi: `Cảnh báo: ${folder} có lỗi; chạy "thutuc validate ${folder}" để xem.`, en: `Warning: ${folder} has errors; run "thutuc validate ${folder}" to see them.` }));
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
