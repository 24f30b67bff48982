import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDossierCodeGenerator } from '@thutuc/intake';
import { createPaperDossier, dossierAgencyCode, renderPaper, PAPER_KINDS, type PaperKind } from '@thutuc/papers';
import { didYouMean } from '@thutuc/core';
import { bilingual, localize, createWorkingCalendar, parseVietnamTime, placeNames } from '@thutuc/runtime';
import { compiledProcedure, openProcedure } from '../catalogue.js';
import { findConfig, shown } from '../config.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';

export interface RenderOptions extends CommonOptions {
  example?: string | undefined;
  out?: string | undefined;
  received?: string | undefined;
  code?: string | undefined;
  reason?: string | undefined;
  newDate?: string | undefined;
  catalogue?: string | undefined;
}

/** When no agency up the chain has a national code; `--code` gives the real one. */
const FALLBACK_AGENCY = 'THUTUC';

/**
 * `thutuc render <paper> --example <procedure>/<example>`: an official paper, filled from one
 * of the catalogue's example submissions, as printable HTML — fees by the same engine as the
 * forms, the appointment on the catalogue's holiday calendars.
 */
export async function renderCommand(args: string[], options: RenderOptions, io: Io): Promise<number> {
  const { lang } = options;
  const say = (vi: string, en: string) => localize({ vi, en }, lang);
  const fail = (vi: string, en: string) => {
    io.stderr.write(`thutuc: ${say(vi, en)}\n`);
    return 1;
  };
  const [kind] = args;
  if (!kind || !(PAPER_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(bilingual(`Cần loại giấy: ${PAPER_KINDS.join(', ')} (nhận được "${kind ?? ''}").`, `Give the paper: ${PAPER_KINDS.join(', ')} (got "${kind ?? ''}").`));
  }
  const [id, name] = splitExample(options.example);
  if (!id || !name) throw new UsageError(bilingual('Cần --example <mã thủ tục>/<tên hồ sơ mẫu>, ví dụ: --example ho-tich.dang-ky-khai-sinh/truc-tuyen-dung-han-co-cha-me', 'Give --example <procedure id>/<example name>, e.g. --example ho-tich.dang-ky-khai-sinh/truc-tuyen-dung-han-co-cha-me'));
  const received = options.received ?? new Date().toISOString();
  const at = parseVietnamTime(received);
  if (!at) return fail(`Thời điểm tiếp nhận không hợp lệ: "${received}" (cần dạng 2026-04-24T10:00, giờ Việt Nam).`, `Not a valid receipt time: "${received}" (expected e.g. 2026-04-24T10:00, Vietnam time).`);
  if (options.newDate !== undefined && !parseVietnamTime(options.newDate)) {
    return fail(`Ngày hẹn lại không hợp lệ: "${options.newDate}" (cần dạng 2026-05-05T17:00).`, `Not a valid new date: "${options.newDate}" (expected e.g. 2026-05-05T17:00).`);
  }

  const folder = options.catalogue ?? shown(io.cwd, (await findConfig(io.cwd)).catalogue);
  const opened = await openProcedure(folder, id, options, io);
  if ('exitCode' in opened) return opened.message ? fail(opened.message.vi, opened.message.en) : opened.exitCode;
  const { analysis, procedure } = opened;
  const files = analysis.checked.files;
  const examples = files.examples.filter((f) => f.value.procedure === procedure.id).flatMap((f) => f.value.examples);
  const example = examples.find((e) => e.name === name);
  if (!example) {
    const hint = didYouMean(name, examples.map((e) => e.name));
    return fail(`Thủ tục ${procedure.id} không có hồ sơ mẫu "${name}".${hint.vi}`, `Procedure ${procedure.id} has no example "${name}".${hint.en}`);
  }

  const agencies = files.agencies.flatMap((f) => f.value.agencies);
  const code = options.code ?? (await createDossierCodeGenerator()(dossierAgencyCode(procedure, agencies) ?? FALLBACK_AGENCY, new Date(at.epoch)));
  const compiled = await compiledProcedure(folder, procedure.id, options, io);
  if ('exitCode' in compiled) return compiled.message ? fail(compiled.message.vi, compiled.message.en) : compiled.exitCode;
  const made = createPaperDossier({
    procedure: compiled,
    submission: example.submission as Parameters<typeof createPaperDossier>[0]['submission'],
    receivedAt: received,
    dossierCode: code,
    calendar: createWorkingCalendar(files.holidays.map((f) => f.value)),
    agencies,
    places: placeNames(
      { provinces: files.provinces.flatMap((f) => f.value.provinces) },
      files.communes.map((f) => f.value),
    ),
  });
  if (!made.ok) return fail(made.error.vi, made.error.en);
  const paper = renderPaper(kind as PaperKind, made.dossier, {
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.newDate !== undefined ? { newAppointment: options.newDate } : {}),
  });
  if (!paper.ok) return fail(paper.error.vi, paper.error.en);

  // A desk issues a receipt only for a complete dossier; say so rather than refuse, since
  // printing an incomplete example is how one checks the layout.
  if (kind === 'receipt' && (!example.valid || made.dossier.receipt.missingDocuments.length)) {
    io.stderr.write(`thutuc: ${say(`lưu ý: hồ sơ mẫu "${name}" chưa đầy đủ, hợp lệ; bộ phận một cửa sẽ cấp Phiếu yêu cầu bổ sung (render supplement) thay vì giấy tiếp nhận.`, `note: example "${name}" is not complete and valid; a desk would issue a supplement request (render supplement) instead of a receipt.`)}\n`);
  }
  if (!analysis.ok) io.stderr.write(`thutuc: ${say(`cảnh báo: ${folder} có lỗi; chạy "thutuc validate ${folder}" để xem.`, `warning: ${folder} has errors; run "thutuc validate ${folder}" to see them.`)}\n`);
  if (!options.out) {
    io.stdout.write(paper.html);
    return 0;
  }
  const file = path.resolve(io.cwd, options.out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, paper.html);
  io.stdout.write(`${say('Đã ghi', 'Wrote')} ${shown(io.cwd, file)} (${code})\n`);
  return 0;
}

function splitExample(value: string | undefined): [string | undefined, string | undefined] {
  const at = value?.indexOf('/') ?? -1;
  return at > 0 ? [value!.slice(0, at), value!.slice(at + 1)] : [undefined, undefined];
}
