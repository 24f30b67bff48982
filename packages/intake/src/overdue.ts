import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { noticesFor, type OutboxMessage } from './notify/messages.js';
import { vietnamIso } from './time.js';

/** Statuses in which a dossier is still being worked on and can run late. */
const OPEN = ['accepted', 'processing', 'payment_requested'];

export interface OverdueOptions {
  /** The one-stop desk's mailbox: told of every dossier that runs late (officers have no address of their own here). */
  deskEmail?: string;
}

interface LateRow {
  id: string;
  code: string;
  lang: string;
  contact: { email?: string; phone?: string };
  title: { vi: string; en?: string } | null;
  procedure_id: string;
  due_at: Date;
}

/**
 * Marks dossiers past their due date as overdue and, in the same transaction, writes the
 * notices the outbox sends: the applicant is told the date was missed and that the agency
 * will send an apology with a new date (Mẫu 04, through the officers' `extend`); the desk's
 * mailbox, when configured, is told which dossier needs that apology. One UPDATE claims the
 * rows, so several processes running the job never flag or notify a dossier twice; a paused
 * dossier (supplement requested) has no due date and is left alone. Returns the codes.
 */
export async function markOverdue(db: Kysely<Database>, now: Date, options: OverdueOptions = {}): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const late = await sql<LateRow>`
      UPDATE dossiers SET overdue = true, updated_at = ${now}
      WHERE NOT overdue AND due_at < ${now} AND status IN (${sql.join(OPEN)})
      RETURNING id, code, lang, contact, receipt -> 'procedure' -> 'title' AS title, procedure_id, due_at`.execute(trx);
    const rows: (OutboxMessage & { dossier_id: string })[] = [];
    for (const d of late.rows) {
      const facts = { code: d.code, title: d.title ?? { vi: d.procedure_id }, appointment: vietnamIso(new Date(d.due_at)) };
      for (const m of noticesFor('overdue', d.contact, d.lang === 'en' ? 'en' : 'vi', facts)) rows.push({ ...m, dossier_id: d.id });
      if (options.deskEmail) rows.push({ channel: 'email', recipient: options.deskEmail, template: 'overdue-desk', lang: 'vi', payload: facts, dossier_id: d.id });
    }
    if (rows.length) await trx.insertInto('outbox').values(rows.map((m) => ({ ...m, payload: JSON.stringify(m.payload) }))).execute();
    return late.rows.map((r) => r.code);
  });
}
