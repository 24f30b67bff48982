import { sql, type Kysely } from 'kysely';
import { applicantOf, defaultDesk, type RegisterRow } from '@thutuc/papers';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle-statuses.js';
import type { Dossier } from '../lifecycle.js';
import { vietnamIso } from '../time.js';
import { paperDossierOf } from './dossier-paper.js';

/** The register's rows per printed page. */
export const REGISTER_PAGE_SIZE = 50;

export interface RegisterQuery {
  agency: string;
  /** `YYYY-MM-DD`, Vietnam dates, both included. */
  from: string;
  to: string;
}

/** The period as instants: from 00:00 on `from` to 00:00 after `to`, Vietnam time. */
function bounds(q: RegisterQuery): [Date, Date] {
  const end = new Date(`${q.to}T00:00:00+07:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return [new Date(`${q.from}T00:00:00+07:00`), end];
}

const inPeriod = (db: Kysely<Database>, q: RegisterQuery) => {
  const [start, end] = bounds(q);
  return db.selectFrom('dossiers').where('agency_code', '=', q.agency).where('submitted_at', '>=', start).where('submitted_at', '<', end);
};

export async function countRegister(db: Kysely<Database>, q: RegisterQuery): Promise<number> {
  const row = await inPeriod(db, q).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Mẫu 07's rows for the dossiers an agency received in a period, in the order received:
 * the applicant as the papers print them, the appointment, and when the dossier went to
 * processing (status 4), came back processed (9) and was returned (10), from its history.
 */
export async function registerRows(db: Kysely<Database>, catalogue: LoadedCatalogue, q: RegisterQuery, offset: number, limit: number): Promise<RegisterRow[]> {
  const rows = await inPeriod(db, q)
    .select(['id', 'code', 'procedure_id', 'procedure_version', 'status', 'state', 'envelope', 'receipt', 'submitted_at', 'appointment_at', 'due_at'])
    .orderBy('submitted_at').orderBy('id')
    .offset(offset).limit(limit)
    .execute();
  if (!rows.length) return [];
  const moves = await db
    .selectFrom('dossier_history')
    .select(['dossier_id', 'action', sql<Date>`min(at)`.as('at')])
    .where('dossier_id', 'in', rows.map((r) => r.id))
    .where('action', 'in', ['start', 'complete', 'deliver'])
    .groupBy(['dossier_id', 'action'])
    .execute();
  const moved = (id: string, action: string) => {
    const m = moves.find((x) => String(x.dossier_id) === String(id) && x.action === action);
    return m ? vietnamIso(new Date(m.at)) : null;
  };
  return Promise.all(
    rows.map(async (r): Promise<RegisterRow> => {
      const procedure = await catalogue.procedureOfDossier(r.procedure_id, r.procedure_version);
      const state = r.state as unknown as Dossier;
      const title = (r.receipt as { procedure?: { title?: { vi?: string } } }).procedure?.title?.vi ?? procedure?.definition.title.vi ?? r.procedure_id;
      const paper = procedure ? paperDossierOf(r, procedure, catalogue) : undefined;
      const applicant = paper ? applicantOf(paper) : undefined;
      const due = r.due_at ?? r.appointment_at;
      return {
        code: r.code, procedure: title,
        applicant: applicant?.name ?? null,
        contact: [applicant?.address, applicant?.phone].filter(Boolean).join('; ') || null,
        agency: paper ? defaultDesk(paper.procedure, paper.submission, catalogue.agencies).parent || null : null,
        receivedAt: state.receivedAt ?? vietnamIso(new Date(r.submitted_at)),
        appointment: due ? vietnamIso(new Date(due)) : null,
        transferredAt: moved(r.id, 'start'), resultAt: moved(r.id, 'complete'), returnedAt: moved(r.id, 'deliver'),
        note: DOSSIER_STATUSES[r.status as DossierStatus]?.vi ?? null,
      };
    }),
  );
}
