import { parseArgs } from 'node:util';
import { validateCommand } from './commands/validate.js';
import { buildCommand } from './commands/build.js';
import { deadlineCommand } from './commands/deadline.js';
import { UsageError, type CommonOptions, type Io } from './io.js';

const HELP = {
  vi: `thutuc — danh mục thủ tục hành chính

Cách dùng:
  thutuc validate [tệp hoặc thư mục…]   kiểm tra YAML (mặc định: catalogue)
  thutuc build [thư mục…] [--out dir]    biên dịch danh mục (mặc định: catalogue → packages/catalogue/dist)
  thutuc deadline <mã thủ tục> --received 2026-04-24T10:00 [--channel online] [--catalogue dir]
                                         ngày hẹn trả kết quả và cách tính (giờ Việt Nam)

Tùy chọn:
  --lang vi|en   ngôn ngữ thông báo (mặc định vi)
  --json         in kết quả dạng JSON cho công cụ khác
  --help         hướng dẫn này
`,
  en: `thutuc — catalogue of administrative procedures

Usage:
  thutuc validate [files or folders…]   check YAML (default: catalogue)
  thutuc build [folders…] [--out dir]   compile the catalogue (default: catalogue → packages/catalogue/dist)
  thutuc deadline <procedure id> --received 2026-04-24T10:00 [--channel online] [--catalogue dir]
                                        the appointment date and how it was counted (Vietnam time)

Options:
  --lang vi|en   message language (default vi)
  --json         print machine-readable JSON
  --help         this text
`,
};

export async function main(argv: string[], io: Io): Promise<number> {
  let lang: 'vi' | 'en' = 'vi';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'vi' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        received: { type: 'string' },
        channel: { type: 'string' },
        catalogue: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.lang !== 'vi' && values.lang !== 'en') throw new UsageError(`--lang must be vi or en (got ${values.lang})`);
    lang = values.lang;
    const options: CommonOptions = { lang, json: values.json ?? false };
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout.write(HELP[lang]);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'validate':
        return await validateCommand(rest, options, io);
      case 'build':
        return await buildCommand(rest, { ...options, out: values.out }, io);
      case 'deadline':
        return await deadlineCommand(rest, { ...options, received: values.received, channel: values.channel, catalogue: values.catalogue }, io);
      default:
        throw new UsageError(lang === 'vi' ? `Không có lệnh "${command}". Dùng --help để xem các lệnh.` : `Unknown command "${command}". See --help.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`thutuc: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
