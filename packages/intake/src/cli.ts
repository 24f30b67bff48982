import { parseArgs } from 'node:util';
import path from 'node:path';
import { createIntakeServer, type IntakeOptions } from './server.js';
import { createOfficer, OFFICER_ROLES, type OfficerRole } from './officers/accounts.js';
import { openDatabase } from './db/connect.js';
import { statsCommand } from './stats/command.js';
import { paymentOptionsFromEnv } from './payment/setup.js';

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Reads a password without echo when stdin is a terminal; from the environment otherwise. */
  readSecret?(prompt: string): Promise<string>;
}

const HELP = `thutuc-intake — máy chủ tiếp nhận hồ sơ / the receiving server

  thutuc-intake serve [--catalogue dir] [--port 8080] [--host 127.0.0.1] [--data-dir .thutuc-data]
        chạy máy chủ / run the server (DATABASE_URL → PostgreSQL, else PGlite in the data folder)
  thutuc-intake create-admin --username u --agency 000.00.01.H38 [--name "…"] [--roles admin,reception]
        tạo tài khoản cán bộ; mật khẩu đọc từ THUTUC_ADMIN_PASSWORD / create an officer; password from THUTUC_ADMIN_PASSWORD
  thutuc-intake stats --agency 000.00.01.H38 [--from 2026-04-01] [--to 2026-04-30] [--format text|csv|json] [--lang vi|en]
        thống kê hồ sơ tiếp nhận trong kỳ (mặc định: từ đầu tháng đến hôm nay) / statistics of the dossiers received in a period

Biến môi trường / environment: DATABASE_URL, THUTUC_DATA_DIR, THUTUC_CATALOGUE, THUTUC_AGENCY_CODE,
  THUTUC_CODE_PATTERN, THUTUC_VERSION_GRACE_DAYS (mặc định / default 7), PROVINCE, PORT, HOST, THUTUC_TRUST_PROXY, THUTUC_PUBLIC_URL, THUTUC_STATUS_PAGE_URL, THUTUC_SECURE_COOKIE,
  SMTP_URL, MAIL_FROM, THUTUC_DESK_EMAIL, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN,
  VNPAY_TMN_CODE, VNPAY_HASH_SECRET, VNPAY_PAYMENT_URL, VNPAY_API_URL, VNPAY_RETURN_URL,
  VIETQR_BANK_BIN, VIETQR_ACCOUNT, VIETQR_ACCOUNT_NAME
`;

/** Options shared by `serve` and `create-admin`, from flags first, then the environment. */
export function intakeOptionsFrom(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): IntakeOptions {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const agencyCode = str('agency-code') ?? env.THUTUC_AGENCY_CODE;
  const databaseUrl = str('database-url') ?? env.DATABASE_URL;
  const codePattern = env.THUTUC_CODE_PATTERN;
  const graceDays = env.THUTUC_VERSION_GRACE_DAYS === undefined ? undefined : Number(env.THUTUC_VERSION_GRACE_DAYS);
  if (graceDays !== undefined && !(Number.isInteger(graceDays) && graceDays >= 0)) throw new RangeError(`THUTUC_VERSION_GRACE_DAYS: cần số ngày nguyên ≥ 0 / a whole number of days ≥ 0, not "${env.THUTUC_VERSION_GRACE_DAYS}"`);
  return {
    catalogueDir: path.resolve(str('catalogue') ?? env.THUTUC_CATALOGUE ?? 'node_modules/@thutuc/catalogue/dist'),
    dataDir: path.resolve(str('data-dir') ?? env.THUTUC_DATA_DIR ?? '.thutuc-data'),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(agencyCode ? { fallbackAgencyCode: agencyCode } : {}),
    ...(codePattern ? { codePattern } : {}),
    ...(env.PROVINCE ? { province: env.PROVINCE } : {}),
    ...(graceDays !== undefined ? { versionGraceDays: graceDays } : {}),
    ...(env.THUTUC_TRUST_PROXY ? { trustProxy: env.THUTUC_TRUST_PROXY === 'true' ? true : env.THUTUC_TRUST_PROXY } : {}),
    ...(env.THUTUC_PUBLIC_URL ? { publicUrl: env.THUTUC_PUBLIC_URL } : {}),
    ...(env.THUTUC_STATUS_PAGE_URL ? { statusPageUrl: env.THUTUC_STATUS_PAGE_URL } : {}),
    ...(env.THUTUC_SECURE_COOKIE === '1' ? { secureCookie: true } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.MAIL_FROM ? { mailFrom: env.MAIL_FROM } : {}),
    ...(env.THUTUC_DESK_EMAIL ? { deskEmail: env.THUTUC_DESK_EMAIL } : {}),
    ...(env.SMS_GATEWAY_URL ? { smsGatewayUrl: env.SMS_GATEWAY_URL } : {}),
    ...(env.SMS_GATEWAY_TOKEN ? { smsGatewayToken: env.SMS_GATEWAY_TOKEN } : {}),
    payments: paymentOptionsFromEnv(env),
  };
}

const OPTIONS = {
  catalogue: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' },
  'database-url': { type: 'string' }, 'agency-code': { type: 'string' }, username: { type: 'string' }, agency: { type: 'string' },
  name: { type: 'string' }, roles: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, 'create-admin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

/** `thutuc-intake` and `thutuc serve`: returns the exit code (serve returns when stopped). */
export async function runIntakeCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.stderr.write(`thutuc-intake: ${(error as Error).message}\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'serve';
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const options = intakeOptionsFrom(values, io.env);
  if (command === 'create-admin' || values['create-admin']) {
    const code = await createAdminCommand(values, options, io);
    if (code !== 0 || command === 'create-admin') return code;
  }
  if (command === 'stats') {
    const str = (k: keyof typeof values) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
    const input = { agency: str('agency'), from: str('from'), to: str('to'), format: str('format'), lang: str('lang') };
    return statsCommand(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), options, io);
  }
  if (command !== 'serve') {
    io.stderr.write(`thutuc-intake: không có lệnh / unknown command "${command}"\n${HELP}`);
    return 2;
  }
  const server = await createIntakeServer({ ...options, logger: io.env.THUTUC_LOG === '1' });
  const url = await server.listen(Number(values.port ?? io.env.PORT ?? 8080), values.host ?? io.env.HOST ?? '127.0.0.1');
  io.stdout.write(`thutuc-intake: ${url} (${server.database.kind}) — POST /api/submissions, POST /api/lookup, GET /openapi.json\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function createAdminCommand(values: Record<string, string | boolean | undefined>, options: IntakeOptions, io: CliIo): Promise<number> {
  const username = values.username;
  const agency = values.agency;
  if (typeof username !== 'string' || typeof agency !== 'string') {
    io.stderr.write('thutuc-intake: create-admin cần --username và --agency / needs --username and --agency\n');
    return 2;
  }
  const roles = (typeof values.roles === 'string' ? values.roles.split(',') : ['admin', 'reception', 'processing', 'leadership']).map((r) => r.trim());
  const bad = roles.filter((r) => !OFFICER_ROLES.includes(r as OfficerRole));
  if (bad.length) {
    io.stderr.write(`thutuc-intake: vai trò không hợp lệ / unknown roles: ${bad.join(', ')} (${OFFICER_ROLES.join(', ')})\n`);
    return 2;
  }
  const password = io.env.THUTUC_ADMIN_PASSWORD ?? (io.readSecret ? await io.readSecret('Mật khẩu / password: ') : undefined);
  if (!password || password.length < 10) {
    io.stderr.write('thutuc-intake: mật khẩu ít nhất 10 ký tự (THUTUC_ADMIN_PASSWORD) / the password needs 10+ characters\n');
    return 2;
  }
  const database = await openDatabase({ dataDir: options.dataDir!, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  try {
    const result = await createOfficer(database.db, { username, agencyCode: agency, displayName: typeof values.name === 'string' ? values.name : username, roles: roles as OfficerRole[], password });
    if (!result.ok) {
      io.stderr.write(`thutuc-intake: ${result.error.vi} / ${result.error.en}\n`);
      return 1;
    }
    io.stdout.write(`Đã tạo cán bộ / created officer ${username} (${agency}: ${roles.join(', ')})\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export { HELP as INTAKE_HELP };
