import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { renderNotice, type NoticeFacts, type NoticeTemplate } from './messages.js';
import type { MailTransport, SmsAdapter } from './transports.js';

export interface Deliverers {
  mail: MailTransport;
  sms: SmsAdapter;
}

/** While a process sends a message, others leave it alone for this long. */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min … up to 6 h between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * Sends what is due in the outbox. Rows are claimed in a short transaction (`FOR UPDATE SKIP
 * LOCKED`, then leased by moving `next_attempt_at`), sent outside it — PGlite has one
 * connection, and a slow SMTP server must not hold it — and then marked sent or rescheduled.
 * Several processes may run this at once; each message is sent by one of them.
 */
export async function deliverDue(db: Kysely<Database>, to: Deliverers, now: Date, batch = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await db.transaction().execute(async (trx) => {
    const rows = await sql<{ id: string; channel: string; recipient: string; template: string; lang: string; payload: Record<string, unknown>; attempts: number }>`
      SELECT id, channel, recipient, template, lang, payload, attempts FROM outbox
      WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS} AND next_attempt_at <= ${now}
      ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`.execute(trx);
    if (rows.rows.length) {
      await trx.updateTable('outbox').set({ next_attempt_at: new Date(now.getTime() + LEASE_MS) }).where('id', 'in', rows.rows.map((r) => r.id)).execute();
    }
    return rows.rows;
  });
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    const notice = renderNotice(m.template as NoticeTemplate, m.lang === 'en' ? 'en' : 'vi', m.payload as unknown as NoticeFacts);
    try {
      if (m.channel === 'email') await to.mail.send({ to: m.recipient, subject: notice.subject, text: notice.text });
      else await to.sms.send(m.recipient, notice.sms);
      await db.updateTable('outbox').set({ sent_at: new Date(), attempts: Number(m.attempts) + 1, last_error: null }).where('id', '=', m.id).execute();
      sent++;
    } catch (error) {
      const attempts = Number(m.attempts) + 1;
      await db.updateTable('outbox').set({ attempts, last_error: String((error as Error).message ?? error).slice(0, 500), next_attempt_at: new Date(now.getTime() + backoffMs(attempts)) }).where('id', '=', m.id).execute();
      failed++;
    }
  }
  return { sent, failed };
}
