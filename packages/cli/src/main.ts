import { parseArgs } from 'node:util';
import { validateCommand } from './commands/validate.js';
import { buildCommand } from './commands/build.js';
import { deadlineCommand } from './commands/deadline.js';
import { importCommand } from './commands/import.js';
import { reportCommand } from './commands/report.js';
import { exportCommand } from './commands/export.js';
import { renderCommand } from './commands/render.js';
import { diffCommand } from './commands/diff.js';
import { initCommand } from './commands/init.js';
import { devCommand } from './commands/dev.js';
import { newCommand } from './commands/new.js';
import { isLang } from '@thutuc/runtime';
import { serveCommand } from './commands/serve.js';
import { statsCommand } from './commands/stats.js';
import { UsageError, type CommonOptions, type Io } from './io.js';

const HELP = {
  vi: `thutuc — danh mục thủ tục hành chính

Cách dùng:
  thutuc init [thư mục]                  tạo dự án danh mục mới: thutuc.config.json, dữ liệu dùng chung, một thủ tục mẫu
  thutuc validate [tệp hoặc thư mục…]   kiểm tra YAML (mặc định: thư mục danh mục của dự án)
         [--changed] [--since rev]       và thay đổi từ rev (mặc định HEAD): cần .changeset/*.md, phiên bản mới
  thutuc build [thư mục…] [--out dir]    biên dịch danh mục (mặc định: danh mục → thư mục "out" của dự án)
  thutuc deadline <mã thủ tục> --received 2026-04-24T10:00 [--channel online] [--catalogue dir]
                                         ngày hẹn trả kết quả và cách tính (giờ Việt Nam)
  thutuc import <tệp JSON> [--out dir] [--index N]
                                         bản ghi Cổng DVCQG → YAML nháp (mặc định vào danh mục của dự án) và danh sách việc cần kiểm tra
  thutuc report [thư mục…] --out dir [--timestamp]
                                         danh sách công khai: trang HTML, CSV, JSON (mức trực tuyến, thời hạn, phí)
  thutuc export --format cpsv-ap [thư mục…] [--out tệp.jsonld]
                                         danh mục dạng CPSV-AP 3.x JSON-LD cho cổng dịch vụ công (mặc định ra stdout)
  thutuc render <receipt|supplement|refusal|apology|stop|declaration> --example <mã thủ tục>/<hồ sơ mẫu>
         [--out tệp.html] [--received 2026-04-24T10:00] [--code …] [--reason …] [--new-date …]
                                         giấy tờ in được (Mẫu 01–05, tờ khai) điền từ hồ sơ mẫu
  thutuc diff <tệp cũ> <tệp mới> | <mã>[@phiên bản] [<mã>@phiên bản] | --since <rev> [thư mục…]
         [--format text|markdown|json]   những gì đã thay đổi: phí, giấy tờ, thời hạn, trường biểu mẫu
  thutuc serve [--catalogue dir] [--port 8080] [--create-admin --username u --agency mã]
                                         máy chủ tiếp nhận hồ sơ (@thutuc/intake; xem thutuc serve --help)
  thutuc new <lĩnh-vực>/<tên> [--code 1.001193] [--title "…"] [--title-en "…"] [--field-name "…"]
         [--level commune|province|ministry] [--legal 60/2014/QH13] [--legal-title "…"]
                                         tạo thủ tục mới (hợp lệ ngay, kèm hồ sơ mẫu); thiếu tùy chọn nào thì hỏi
  thutuc stats --agency <mã cơ quan> [--from 2026-04-01] [--to 2026-04-30] [--format text|csv|json]
                                         thống kê hồ sơ trong kỳ từ cơ sở dữ liệu của máy chủ: hình thức nộp, tỷ lệ trực tuyến,
                                         đúng hạn / trễ hạn / quá hạn, theo thủ tục, lĩnh vực, mức độ (DATABASE_URL hoặc --data-dir)
  thutuc dev [thư mục…] [--port 4321] [--date 2026-04-24]
                                         xem trước trong trình duyệt: mỗi lần lưu tệp YAML, trang hiện các bước, phí,
                                         thời hạn (hồ sơ nhận ngày --date) hoặc lỗi kèm dòng:cột

Dự án: thutuc.config.json (hoặc trường "thutuc" trong package.json) ở thư mục hiện tại hoặc thư mục cha,
  { "catalogue": "catalogue", "out": "dist/catalogue" } — các giá trị mặc định khi không có tệp.

Tùy chọn:
  --lang vi|en   ngôn ngữ thông báo (mặc định vi)
  --json         in kết quả dạng JSON cho công cụ khác
  --help         hướng dẫn này
`,
  en: `thutuc — catalogue of administrative procedures

Usage:
  thutuc init [folder]                  a new catalogue project: thutuc.config.json, shared data, one example procedure
  thutuc validate [files or folders…]   check YAML (default: the project's catalogue folder)
         [--changed] [--since rev]      and changes since rev (default HEAD): a .changeset/*.md, new versions
  thutuc build [folders…] [--out dir]   compile the catalogue (default: the catalogue → the project's "out" folder)
  thutuc deadline <procedure id> --received 2026-04-24T10:00 [--channel online] [--catalogue dir]
                                        the appointment date and how it was counted (Vietnam time)
  thutuc import <JSON file> [--out dir] [--index N]
                                        national portal records → draft YAML (into the project's catalogue by default) and what to check
  thutuc report [folders…] --out dir [--timestamp]
                                        the public list: HTML pages, CSV, JSON (online level, time limits, fees)
  thutuc export --format cpsv-ap [folders…] [--out file.jsonld]
                                        the catalogue as CPSV-AP 3.x JSON-LD for service portals (stdout by default)
  thutuc render <receipt|supplement|refusal|apology|stop|declaration> --example <procedure id>/<example>
         [--out file.html] [--received 2026-04-24T10:00] [--code …] [--reason …] [--new-date …]
                                        printable official papers (forms 01–05, declarations) filled from an example
  thutuc diff <old file> <new file> | <id>[@version] [<id>@version] | --since <rev> [folders…]
         [--format text|markdown|json]  what changed: fees, documents, time limits, form fields
  thutuc serve [--catalogue dir] [--port 8080] [--create-admin --username u --agency code]
                                        the receiving server (@thutuc/intake; see thutuc serve --help)
  thutuc new <field>/<name> [--code 1.001193] [--title "…"] [--title-en "…"] [--field-name "…"]
         [--level commune|province|ministry] [--legal 60/2014/QH13] [--legal-title "…"]
                                        a new procedure (valid at once, with example submissions); asks for what is missing
  thutuc stats --agency <agency code> [--from 2026-04-01] [--to 2026-04-30] [--format text|csv|json]
                                        dossier statistics for a period from the server's database: channels, online share,
                                        on time / late / overdue, per procedure, field and level (DATABASE_URL or --data-dir)
  thutuc dev [folders…] [--port 4321] [--date 2026-04-24]
                                        live preview in a browser: on every save of a YAML file the page shows the steps,
                                        fees, deadlines (a dossier received on --date) or the errors with line:column

Project: thutuc.config.json (or a "thutuc" field in package.json) in the current folder or above,
  { "catalogue": "catalogue", "out": "dist/catalogue" } — the defaults when there is none.

Options:
  --lang vi|en   message language (default vi)
  --json         print machine-readable JSON
  --help         this text
`,
};

export { startDevServer, type DevServer, type DevServerOptions } from './dev/server.js';
export type { PreviewState, PreviewDiagnostic } from './dev/session.js';
export type { ProcedurePreview } from './dev/preview.js';

export async function main(argv: string[], io: Io): Promise<number> {
  let lang: 'vi' | 'en' = 'vi';
  // The server has options of its own; @thutuc/intake parses them.
  if (argv[0] === 'serve') return serveCommand(argv.slice(1), io);
  if (argv[0] === 'stats') return statsCommand(argv.slice(1), io);
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
        index: { type: 'string' },
        timestamp: { type: 'boolean', default: false },
        example: { type: 'string' },
        code: { type: 'string' },
        reason: { type: 'string' },
        'new-date': { type: 'string' },
        format: { type: 'string' },
        since: { type: 'string' },
        changed: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        date: { type: 'string' },
        title: { type: 'string' },
        'title-en': { type: 'string' },
        'field-name': { type: 'string' },
        level: { type: 'string' },
        legal: { type: 'string' },
        'legal-title': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (!isLang(values.lang)) throw new UsageError({ vi: `--lang cần là vi hoặc en (nhận được ${values.lang})`, en: `--lang must be vi or en (got ${values.lang})` });
    lang = values.lang;
    const options: CommonOptions = { lang, json: values.json ?? false };
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout.write(HELP[lang]);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'init':
        return await initCommand(rest, options, io);
      case 'validate':
        return await validateCommand(rest, { ...options, changed: values.changed, since: values.since }, io);
      case 'build':
        return await buildCommand(rest, { ...options, out: values.out }, io);
      case 'deadline':
        return await deadlineCommand(rest, { ...options, received: values.received, channel: values.channel, catalogue: values.catalogue }, io);
      case 'report':
        return await reportCommand(rest, { ...options, out: values.out, timestamp: values.timestamp }, io);
      case 'export':
        return await exportCommand(rest, { ...options, format: values.format, out: values.out }, io);
      case 'import':
        return await importCommand(rest, { ...options, out: values.out, index: values.index }, io);
      case 'render':
        return await renderCommand(rest, { ...options, example: values.example, out: values.out, received: values.received, code: values.code, reason: values.reason, newDate: values['new-date'], catalogue: values.catalogue }, io);
      case 'diff':
        return await diffCommand(rest, { ...options, format: values.format, since: values.since, catalogue: values.catalogue }, io);
      case 'new':
        return await newCommand(rest, { ...options, code: values.code, title: values.title, titleEn: values['title-en'], fieldName: values['field-name'], level: values.level, legal: values.legal, legalTitle: values['legal-title'] }, io);
      case 'dev':
        return await devCommand(rest, { ...options, port: values.port, host: values.host, date: values.date }, io);
      default:
        throw new UsageError({ vi: `Không có lệnh "${command}". Dùng --help để xem các lệnh.`, en: `Unknown command "${command}". See --help.` });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`thutuc: ${error.messageIn(lang)}\n`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`thutuc: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
