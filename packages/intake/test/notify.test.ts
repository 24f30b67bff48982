import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createOfficer, deliverDue, markOverdue, type IntakeServer, type SmsAdapter } from '@thutuc/intake';
import { act, buildTestCatalogue, engines, freshDataDir, login, postJson, startServer, submission, submit } from './helpers.js';

/**
 * Notices go through an outbox written with the state change: a receipt mail reaches a real
 * SMTP server, a failed SMS is retried later, and the lifecycle's papers and notices follow the
 * officers' actions; the periodic job marks late dossiers overdue.
 */
let catalogueDir: string;
let smtp: SMTPServer;
let smtpPort: number;
const mails: string[] = [];

/** Decodes the MIME encoded-words nodemailer writes for non-ASCII subjects. */
const WORD = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
const wordBytes = (enc: string, text: string) =>
  enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
/** Adjacent words are one text (a character may be split between them). */
const decodeWords = (raw: string) =>
  raw.replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => Buffer.concat([...run.matchAll(WORD)].map((m) => wordBytes(m[1]!, m[2]!))).toString('utf8'));

/**
 * A mail with its quoted-printable body decoded (headers are decoded already). A soft line
 * break followed by a space was joined by the header unfolding above into "= ".
 */
const decodeBody = (raw: string) => {
  const split = raw.indexOf('\r\n\r\n');
  const body = raw.slice(split).replace(/=\r\n/g, '').replace(/= /g, ' ').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return raw.slice(0, split) + Buffer.from(body, 'latin1').toString('utf8');
};

beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-notify');
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push(decodeWords(raw.replace(/\r\n[ \t]+/g, ' ')));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
}, 120_000);
afterAll(async () => new Promise<void>((resolve) => smtp.close(() => resolve())));

const waitFor = async <T>(probe: () => T | undefined, ms = 10_000): Promise<T> => {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 50))) {
    const v = probe();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
};

describe.each(engines())('notifications and lifecycle on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  const sms: { to: string; text: string }[] = [];
  /** Dossier codes whose next SMS the gateway refuses. */
  const failOnce = new Set<string>();
  const adapter: SmsAdapter = {
    async send(to, text) {
      const code = [...failOnce].find((c) => text.includes(c));
      if (code) {
        failOnce.delete(code);
        throw new Error('gateway down');
      }
      sms.push({ to, text });
    },
  };
  let dataDir: string;
  const password = 'mat-khau-du-dai-2';

  beforeAll(async () => {
    databaseUrl = await engine.create();
    dataDir = await freshDataDir('intake-notify');
    ({ server, url } = await startServer({
      catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}),
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: 'mot-cua@example.gov.vn', sms: adapter, jobs: { outboxEveryMs: 100 },
    }));
    await createOfficer(server.database.db, { username: 'canbo', displayName: 'Cán bộ', agencyCode: '000.00.01.H38', roles: ['reception', 'processing', 'leadership'], password });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  it('mails the receipt notice in Vietnamese, and in English for an English submission', async () => {
    const vi = (await submit(url, await submission(catalogueDir))).json!;
    const en = (await submit(url, await submission(catalogueDir, (e) => Object.assign(e, { lang: 'en' })))).json!;
    const viMail = await waitFor(() => mails.find((m) => m.includes(vi.dossierCode)));
    expect(viMail).toMatch(/Subject: Đã tiếp nhận hồ sơ/);
    expect(viMail).toMatch(/To: lan\.nguyen@example\.com/);
    const enMail = await waitFor(() => mails.find((m) => m.includes(en.dossierCode)));
    expect(enMail).toMatch(new RegExp(`Subject: Dossier ${en.dossierCode.replace(/\./g, '\\.')} received`));
    await waitFor(() => sms.find((s) => s.text.includes(vi.dossierCode)));
  });

  it('retries a failed SMS later with backoff', async () => {
    // The same storage, without the periodic jobs, so this test decides when the outbox runs.
    await server.close();
    ({ server, url } = await startServer({ catalogueDir, dataDir, ...(databaseUrl ? { databaseUrl } : {}), smtpUrl: `smtp://127.0.0.1:${smtpPort}`, sms: adapter }));
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    failOnce.add(receipt.dossierCode);
    const now = new Date();
    const deliverers = server.deliverers;
    await deliverDue(server.database.db, deliverers, now);
    const failed = await server.database.db.selectFrom('outbox').selectAll().where('channel', '=', 'sms').where('payload', '@>', JSON.stringify({ code: receipt.dossierCode }) as never).executeTakeFirst();
    expect(failed).toMatchObject({ attempts: 1, last_error: 'gateway down', sent_at: null });
    expect(new Date(failed!.next_attempt_at).getTime()).toBeGreaterThan(now.getTime() + 20_000);
    expect(sms.find((s) => s.text.includes(receipt.dossierCode))).toBeUndefined();
    await deliverDue(server.database.db, deliverers, new Date(now.getTime() + 60_000));
    expect(sms.filter((s) => s.text.includes(receipt.dossierCode))).toHaveLength(1);
  });

  it('takes a dossier through processing to the returned result, with a notice when the result is ready', async () => {
    const receipt = (await submit(url, await submission(catalogueDir, (e) => Object.assign(e, { delivery: 'in_person' })))).json!;
    const s = await login(url, 'canbo', password);
    for (const [action, body, status] of [['accept', {}, 2], ['start', {}, 4], ['complete_step', { step: 2 }, 4], ['complete', {}, 9]] as const) {
      const r = await act(url, s, receipt.dossierCode, action, body);
      expect(r.json, action).toMatchObject({ status: { code: status } });
    }
    // Status 10 only once the result's delivery, as the applicant chose it, is recorded.
    const delivery = await postJson(`${url}/api/officer/dossiers/${receipt.dossierCode}/delivery`, { method: 'in_person', place: 'Bộ phận một cửa', appointment: '2026-12-01T09:00' }, { Cookie: s.cookie, 'X-CSRF-Token': s.csrf });
    expect(delivery.status, JSON.stringify(delivery.json)).toBe(200);
    expect((await act(url, s, receipt.dossierCode, 'deliver', {})).json).toMatchObject({ status: { code: 10 } });
    const rows = await server.database.db.selectFrom('outbox').select(['template', 'channel']).where('payload', '@>', JSON.stringify({ code: receipt.dossierCode }) as never).execute();
    expect(rows.map((r) => r.template).sort()).toEqual(['receipt', 'receipt', 'result', 'result']);
    const lookup = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    // Returned: every declared step is behind it, whichever ones an officer marked — done, or
    // not this dossier's way (filing in person; the supplement, refusal and apology that never happened).
    expect(lookup.json).toMatchObject({ status: { code: 10 } });
    const states = lookup.json!.progress.steps.map((st: { state: string }) => st.state);
    expect(states.filter((st: string) => st !== 'done' && st !== 'skipped')).toEqual([]);
    expect(states.filter((st: string) => st === 'skipped')).toHaveLength(4);
    expect(lookup.json!.progress.done).toBe(states.length - 4);
  });

  it('refuses only with a reason, and stops processing only with a reason', async () => {
    const a = (await submit(url, await submission(catalogueDir))).json!;
    const s = await login(url, 'canbo', password);
    const bare = await act(url, s, a.dossierCode, 'reject');
    expect(bare.status).toBe(409);
    expect(bare.json!.reason.code).toBe('reason-required');
    expect((await act(url, s, a.dossierCode, 'reject', { reason: { vi: 'Hồ sơ không thuộc thẩm quyền.' } })).json).toMatchObject({ status: { code: 3 } });
    const refusal = await fetch(`${url}/api/officer/dossiers/${a.dossierCode}/papers/refusal`, { headers: { Cookie: s.cookie } });
    expect(await refusal.text()).toContain('Hồ sơ không thuộc thẩm quyền.');
    const b = (await submit(url, await submission(catalogueDir))).json!;
    await act(url, s, b.dossierCode, 'accept');
    expect((await act(url, s, b.dossierCode, 'stop')).status).toBe(409);
    expect((await act(url, s, b.dossierCode, 'stop', { reason: { vi: 'Người nộp đề nghị dừng.' } })).json).toMatchObject({ status: { code: 8 } });
  });

  it('marks dossiers past their due date as overdue once, tells the applicant and the desk through the outbox, and shows it in the lookup', async () => {
    const receipt = (await submit(url, await submission(catalogueDir))).json!;
    const s = await login(url, 'canbo', password);
    const accepted = await act(url, s, receipt.dossierCode, 'accept');
    const db = server.database.db;
    expect(await markOverdue(db, new Date(), { deskEmail: 'tiep-nhan@example.gov.vn' })).not.toContain(receipt.dossierCode);
    const later = new Date(Date.parse(accepted.json!.due) + 86_400_000);
    expect(await markOverdue(db, later, { deskEmail: 'tiep-nhan@example.gov.vn' })).toContain(receipt.dossierCode);
    // A second run (or another process) neither flags nor notifies it again.
    expect(await markOverdue(db, later, { deskEmail: 'tiep-nhan@example.gov.vn' })).not.toContain(receipt.dossierCode);
    const notices = await db.selectFrom('outbox').innerJoin('dossiers', 'dossiers.id', 'outbox.dossier_id')
      .select(['outbox.channel', 'outbox.recipient', 'outbox.template']).where('dossiers.code', '=', receipt.dossierCode).where('outbox.template', 'like', 'overdue%').execute();
    expect(notices.map((n) => `${n.template} ${n.channel}`).sort()).toEqual(['overdue email', 'overdue sms', 'overdue-desk email']);
    await deliverDue(db, server.deliverers, later);
    const day = `${accepted.json!.due.slice(8, 10)}/${accepted.json!.due.slice(5, 7)}/${accepted.json!.due.slice(0, 4)}`;
    const applicantMail = decodeBody(await waitFor(() => mails.find((m) => m.includes(`Subject: Hồ sơ ${receipt.dossierCode}: đã quá hạn giải quyết`))));
    expect(applicantMail).toMatch(/To: lan\.nguyen@example\.com/);
    expect(applicantMail).toContain(`hẹn trả kết quả ngày ${day}`);
    expect(applicantMail).toContain('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    const deskMail = decodeBody(await waitFor(() => mails.find((m) => m.includes(receipt.dossierCode) && /To: tiep-nhan@example\.gov\.vn/.test(m))));
    expect(deskMail).toContain(`Subject: Hồ sơ ${receipt.dossierCode} quá hạn / Dossier ${receipt.dossierCode} overdue`);
    expect(deskMail).toMatch(/Phiếu xin lỗi và hẹn lại ngày trả kết quả \(Mẫu 04\)/);
    const text = await waitFor(() => sms.find((m) => m.text.includes(receipt.dossierCode) && m.text.includes('qua han')));
    expect(text.text).toContain(day);
    const lookup = await postJson(`${url}/api/lookup`, { code: receipt.dossierCode, secret: receipt.lookupSecret });
    expect(lookup.json!.overdue).toBe(true);
  });
});
