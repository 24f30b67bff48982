import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { renderPaper, type PaperKind, type PaperOptions, type PaperReceipt } from '@thutuc/papers';
import type { LoadedCatalogue, ProcedureModule } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import type { Dossier } from '../lifecycle.js';
import type { DossierAction } from '../lifecycle-statuses.js';
import { acceptance, paperDossierOf, statusLink } from './dossier-paper.js';

/** The paper each officer action issues (Circular 03/2025/TT-VPCP, Phụ lục I, Mẫu 01–05). */
export const ISSUED_PAPERS = { accept: 'receipt', request_supplement: 'supplement', reject: 'refusal', extend: 'apology', stop: 'stop' } as const satisfies Partial<Record<DossierAction, PaperKind>>;

export interface IssueInput {
  action: DossierAction;
  row: { id: string; code: string; envelope: Record<string, unknown>; receipt: Record<string, unknown> };
  procedure: ProcedureModule;
  catalogue: LoadedCatalogue;
  /** The dossier before and after the action. */
  before: Dossier;
  after: Dossier;
  reason?: string;
  /** For a supplement request: the documents asked for (ids of the procedure's documents, or names). */
  documents?: readonly string[];
  officer: string;
  historyId: string;
  at: Date;
  statusPageUrl?: string;
}

/**
 * Renders the paper an action issues, as it reads at that moment, and stores it with the
 * dossier in the action's own transaction: what the applicant was handed stays what the
 * desk can print again later, whatever changes afterwards (a new due date, a new catalogue).
 */
export async function issuePaper(trx: Transaction<Database>, input: IssueInput): Promise<{ id: string; kind: PaperKind } | undefined> {
  const kind = (ISSUED_PAPERS as Partial<Record<DossierAction, PaperKind>>)[input.action];
  if (!kind) return undefined;
  const { changes, options } = paperInputs(kind, input);
  const dossier = paperDossierOf({ envelope: input.row.envelope, receipt: input.row.receipt }, input.procedure, input.catalogue, changes, input.officer);
  const paper = renderPaper(kind, dossier, { ...options, issuedAt: input.after.history.at(-1)?.at ?? input.at.toISOString() });
  if (!paper.ok) return undefined;
  const stored = await trx
    .insertInto('dossier_papers')
    .values({ dossier_id: input.row.id, history_id: input.historyId, kind, html: paper.html, sha256: createHash('sha256').update(paper.html).digest('hex'), created_at: input.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: String(stored.id), kind };
}

/** What each paper takes from the action: Mẫu 01 the acceptance, 02 the documents, 04 the new date. */
function paperInputs(kind: PaperKind, input: IssueInput): { changes: Partial<PaperReceipt>; options: PaperOptions } {
  const reason = input.reason?.trim();
  const options: PaperOptions = reason ? { reason } : {};
  // Papers after acceptance date the dossier from the acceptance, as the due date counts.
  const accepted: Partial<PaperReceipt> = input.before.receivedAt ? { receivedAt: input.before.receivedAt } : {};
  switch (kind) {
    case 'receipt': {
      const link = statusLink(input.statusPageUrl, input.row.code);
      return { changes: acceptance(input.after), options: link ? { statusLink: link } : {} };
    }
    case 'supplement': {
      const ids = new Set(input.procedure.definition.cases.flatMap((c) => c.documents.map((d) => d.id)));
      const asked = input.documents ?? [];
      const named = asked.filter((d) => !ids.has(d));
      const text = [reason, named.length ? `Giấy tờ cần bổ sung: ${named.join('; ')}.` : undefined].filter(Boolean).join(' ');
      return { changes: { ...accepted, ...(asked.length ? { missingDocuments: asked.filter((d) => ids.has(d)) } : {}) }, options: text ? { reason: text } : {} };
    }
    case 'apology':
      return {
        changes: { ...accepted, ...(input.before.due ? { appointment: { due: input.before.due, provisional: input.before.dueProvisional ?? false } } : {}) },
        options: { ...options, ...(input.after.due ? { newAppointment: input.after.due } : {}) },
      };
    default:
      return { changes: accepted, options };
  }
}
