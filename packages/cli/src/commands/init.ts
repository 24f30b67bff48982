import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaRef } from '@thutuc/import';
import { CONFIG_FILE, DEFAULT_CONFIG, shown } from '../config.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { schemaFile } from '../schemas.js';

/** What `npm run build` / `prepack` copied from the repository's catalogue (scripts/fill-init-template.js). */
const TEMPLATE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/init');
const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S*?([\w-]+)\.schema\.json/;

async function templateFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? templateFiles(dir, path.join(prefix, e.name)) : Promise.resolve(e.isFile() && e.name.endsWith('.yaml') ? [path.join(prefix, e.name)] : []))),
  );
  return nested.flat().sort();
}

/** The template's first line names a schema of this repository; point it at the installed copy instead. */
function withSchemaLine(text: string, file: string, project: string): string {
  const match = SCHEMA_LINE.exec(text);
  if (!match) return text;
  const ref = schemaRef(file, schemaFile(match[1]!, path.dirname(file), { installedOnly: true, project }));
  return `# yaml-language-server: $schema=${ref}${text.slice(match[0].length)}`;
}

/**
 * `thutuc init [folder]`: a new catalogue project — thutuc.config.json, the shared data
 * (agencies, document types, provinces, holiday calendars) and one real procedure with its
 * example submissions. Writes nothing when any of those files already exists.
 */
export async function initCommand(args: string[], options: CommonOptions, io: Io): Promise<number> {
  const { lang } = options;
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  if (args.length > 1) throw new UsageError({ vi: 'Cần nhiều nhất một thư mục, ví dụ: thutuc init danh-muc', en: 'Give at most one folder, e.g. thutuc init my-catalogue' });
  const target = path.resolve(io.cwd, args[0] ?? '.');
  if (!existsSync(TEMPLATE)) {
    io.stderr.write(`thutuc: ${say(`thiếu mẫu dự án ${TEMPLATE} (chạy npm run build).`, `the project template ${TEMPLATE} is missing (run npm run build).`)}\n`);
    return 1;
  }

  const files = new Map<string, string>([[CONFIG_FILE, `${JSON.stringify(DEFAULT_CONFIG, null, 2)}\n`]]);
  for (const rel of await templateFiles(TEMPLATE)) {
    const text = await readFile(path.join(TEMPLATE, rel), 'utf8');
    files.set(rel, withSchemaLine(text, path.join(target, rel), target));
  }
  const taken = [...files.keys()].filter((rel) => existsSync(path.join(target, rel))).map((rel) => shown(io.cwd, path.join(target, rel)));
  if (taken.length) {
    io.stderr.write(`thutuc: ${say(`Tệp đã có, không ghi đè (chọn thư mục khác): ${taken.join(', ')}`, `File(s) already exist, nothing written (choose another folder): ${taken.join(', ')}`)}\n`);
    return 1;
  }
  for (const [rel, text] of files) {
    const file = path.join(target, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
  }

  const where = path.relative(io.cwd, target) === '' ? '.' : shown(io.cwd, target);
  const written = [...files.keys()].map((rel) => shown(io.cwd, path.join(target, rel)));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ folder: where, config: DEFAULT_CONFIG, files: written }, null, 2)}\n`);
    return 0;
  }
  const cd = where === '.' ? '' : `cd ${where} && `;
  io.stdout.write(
    say(
      `✓ Đã tạo dự án danh mục trong ${where} (${written.length} tệp): ${CONFIG_FILE}, ${DEFAULT_CONFIG.catalogue}/shared/ (cơ quan, loại giấy tờ, tỉnh, xã, lịch nghỉ lễ) và một thủ tục mẫu với hồ sơ mẫu.
Tiếp theo:
  ${cd}npm install --save-dev @thutuc/cli   (nếu chưa cài; cũng cài bản JSON Schema cho trình soạn thảo)
  npx thutuc validate                      kiểm tra ${DEFAULT_CONFIG.catalogue}/
  npx thutuc build                         biên dịch vào ${DEFAULT_CONFIG.out}/
`,
      `✓ Created a catalogue project in ${where} (${written.length} files): ${CONFIG_FILE}, ${DEFAULT_CONFIG.catalogue}/shared/ (agencies, document types, provinces, communes, holiday calendars) and one example procedure with example submissions.
Next:
  ${cd}npm install --save-dev @thutuc/cli   (if not installed yet; also brings the JSON Schemas editors use)
  npx thutuc validate                      check ${DEFAULT_CONFIG.catalogue}/
  npx thutuc build                         compile into ${DEFAULT_CONFIG.out}/
`,
    ),
  );
  return 0;
}
