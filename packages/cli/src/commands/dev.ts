import { localize, todayInVietnam } from '@thutuc/runtime';
import { findConfig, shown } from '../config.js';
import { startDevServer } from '../dev/server.js';
import type { PreviewState } from '../dev/session.js';
import { UsageError, type CommonOptions, type Io } from '../io.js';

export interface DevOptions extends CommonOptions {
  port?: string | undefined;
  host?: string | undefined;
  /** Sample receipt date for deadlines, `YYYY-MM-DD` (default today in Vietnam). */
  date?: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `thutuc dev [folders…] [--port 4321] [--date 2026-04-24]`: a live preview for policy staff.
 * Every save rebuilds the catalogue and the open page shows the form's steps, fees and
 * deadlines, or the errors with file:line:col and the lines around them. Runs until Ctrl+C.
 */
export async function devCommand(paths: string[], options: DevOptions, io: Io, stop: Promise<unknown> = signalled()): Promise<number> {
  const folders = paths.length ? paths : [shown(io.cwd, (await findConfig(io.cwd)).catalogue)];
  const port = options.port === undefined ? 4321 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError({ vi: `--port cần là số cổng (nhận được ${options.port})`, en: `--port must be a port number (got ${options.port})` });
  const sampleDate = options.date ?? todayInVietnam();
  if (!DATE.test(sampleDate)) throw new UsageError({ vi: `--date cần dạng 2026-04-24 (nhận được ${sampleDate})`, en: `--date must look like 2026-04-24 (got ${sampleDate})` });
  const server = await startDevServer({
    folders,
    cwd: io.cwd,
    sampleDate,
    port,
    host: options.host ?? '127.0.0.1',
    onBuild: (state) => io.stdout.write(buildLine(state, options)),
  });
  io.stdout.write(
    localize(
      { vi: `Xem trước tại ${server.url}/ — sửa tệp YAML trong ${folders.join(', ')}, trang tự cập nhật. Ctrl+C để dừng.\n`, en: `Preview at ${server.url}/ — edit the YAML in ${folders.join(', ')} and the page updates. Ctrl+C to stop.\n` },
      options.lang,
    ),
  );
  await stop;
  await server.close();
  return 0;
}

function buildLine(state: PreviewState, options: DevOptions): string {
  const errors = state.diagnostics.filter((d) => d.severity === 'error');
  if (state.ok) return localize({ vi: `✓ dựng lại ${state.procedures.length} thủ tục (${state.buildMs} ms)\n`, en: `✓ rebuilt ${state.procedures.length} procedures (${state.buildMs} ms)\n` }, options.lang);
  const first = errors[0];
  const where = first ? ` — ${first.where}: ${localize(first.message, options.lang)}` : '';
  return localize({ vi: `✗ ${errors.length} lỗi${where}\n`, en: `✗ ${errors.length} error(s)${where}\n` }, options.lang);
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
