import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { analyzeCatalogue, loadInputs } from '@thutuc/compiler';
import { hasErrors } from '@thutuc/core';
import { schemaRef } from '@thutuc/import';
import { localize, todayInVietnam } from '@thutuc/runtime';
import { findConfig, shown } from '../config.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';
import { printDiagnostics } from '../report.js';
import { examplesYaml, procedureYaml, type ScaffoldAnswers } from '../scaffold.js';
import { schemaFile } from '../schemas.js';

export interface NewOptions extends CommonOptions {
  code?: string | undefined;
  title?: string | undefined;
  titleEn?: string | undefined;
  fieldName?: string | undefined;
  level?: string | undefined;
  legal?: string | undefined;
  legalTitle?: string | undefined;
}

/** Asks one question; undefined when nobody can answer (not a terminal). */
export type Ask = (question: string) => Promise<string | undefined>;

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE = /^\d\.\d{6}(\.[0-9A-Z.]+)?$/;
const LEVELS = ['ministry', 'province', 'commune'];

/**
 * `thutuc new <lĩnh-vực>/<tên> [--code …] [--title …] [--legal …]`: a new procedure in the
 * project's catalogue, valid as written, with example submissions. What the flags do not give
 * is asked in Vietnamese on a terminal; elsewhere a missing flag is a usage error.
 */
export async function newCommand(args: string[], options: NewOptions, io: Io, ask: Ask = terminalAsk()): Promise<number> {
  const { lang } = options;
  const [name] = args;
  if (!name || !NAME.test(name)) {
    throw new UsageError({ vi: 'Cần <lĩnh-vực>/<tên> viết thường, không dấu, ví dụ: thutuc new ho-tich/dang-ky-nhan-cha-me-con', en: 'Give <field>/<name> in lower case without accents, e.g. thutuc new ho-tich/dang-ky-nhan-cha-me-con' });
  }
  const catalogue = (await findConfig(io.cwd)).catalogue;
  const file = path.join(catalogue, `${name}.yaml`);
  const examplesFile = path.join(catalogue, `${name}.examples.yaml`);
  const taken = [file, examplesFile].filter((f) => existsSync(f)).map((f) => shown(io.cwd, f));
  if (taken.length) throw new UsageError({ vi: `Tệp đã có, không ghi đè: ${taken.join(', ')}`, en: `File(s) already exist, nothing written: ${taken.join(', ')}` });

  const need = async (given: string | undefined, question: string, flag: string, check?: (v: string) => boolean): Promise<string> => {
    const value = (given ?? (await ask(question)))?.trim();
    if (!value) throw new UsageError({ vi: `Thiếu ${flag}`, en: `${flag} is missing` });
    if (check && !check(value)) throw new UsageError({ vi: `${flag} không hợp lệ: ${value}`, en: `${flag} is not valid: ${value}` });
    return value;
  };
  const [field] = name.split('/') as [string, string];
  const code = await need(options.code, 'Mã thủ tục trên Cơ sở dữ liệu quốc gia (ví dụ 1.001193): ', '--code', (v) => CODE.test(v));
  const title = await need(options.title, 'Tên thủ tục: ', '--title');
  const titleEn = options.titleEn ?? ((await ask('Tên tiếng Anh (có thể bỏ trống): ')) || undefined);
  const fieldName = options.fieldName ?? ((await ask(`Tên lĩnh vực (Enter: ${field}): `)) || field);
  const level = options.level ?? ((await ask('Cấp thực hiện — commune (xã), province (tỉnh), ministry (bộ) (Enter: commune): ')) || 'commune');
  if (!LEVELS.includes(level)) throw new UsageError({ vi: `--level cần là ${LEVELS.join(', ')}`, en: `--level must be ${LEVELS.join(', ')}` });
  const legal = await need(options.legal, 'Số hiệu văn bản quy định thủ tục (ví dụ 60/2014/QH13): ', '--legal');
  const legalTitle = options.legalTitle ?? ((await ask('Trích yếu văn bản (có thể bỏ trống): ')) || undefined);

  const dir = path.dirname(file);
  const answers: ScaffoldAnswers = {
    id: name.replace('/', '.'),
    code,
    title,
    ...(titleEn ? { titleEn } : {}),
    fieldName,
    level,
    legalNumber: legal,
    ...(legalTitle ? { legalTitle } : {}),
    procedureSchema: schemaRef(file, schemaFile('procedure', dir, { project: io.cwd })),
    examplesSchema: schemaRef(examplesFile, schemaFile('examples', dir, { project: io.cwd })),
    today: todayInVietnam(),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(file, procedureYaml(answers), { flag: 'wx' });
  await writeFile(examplesFile, examplesYaml(answers), { flag: 'wx' });

  // Checked against the whole catalogue: the new id or code may clash with a neighbour's.
  const loaded = await loadInputs([catalogue], io.cwd);
  const analysis = await analyzeCatalogue(loaded.inputs);
  const problems = [...loaded.diagnostics, ...analysis.diagnostics].filter((d) => d.file === shown(io.cwd, file) || d.file === shown(io.cwd, examplesFile) || d.severity === 'error');
  printDiagnostics(io, problems, new Map([...analysis.sources].map(([f, s]) => [f, s.text])), lang, false);
  const written = [file, examplesFile].map((f) => shown(io.cwd, f)).join(', ');
  io.stdout.write(
    localize(
      {
        vi: `✓ Đã tạo ${written}.\nTiếp theo: điền những chỗ "CẦN ĐIỀN", xem trước bằng npx thutuc dev, kiểm tra bằng npx thutuc validate.\n`,
        en: `✓ Created ${written}.\nNext: fill in every "CẦN ĐIỀN", preview with npx thutuc dev, check with npx thutuc validate.\n`,
      },
      lang,
    ),
  );
  return hasErrors(problems) ? 1 : 0;
}

/** Questions on a terminal; none when stdin is a pipe or a file (scripts pass flags). */
function terminalAsk(): Ask {
  if (!process.stdin.isTTY) return async () => undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
