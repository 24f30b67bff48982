import { defaultDesk, type PaperDesk, type PaperDossier, type PaperReceipt, type PaperSubmission } from '@thutuc/papers';
import type { LoadedCatalogue, ProcedureModule } from '../catalogue.js';
import type { Dossier } from '../lifecycle.js';

/** What papers read of a stored dossier row. */
export interface PaperRow {
  envelope: Record<string, unknown>;
  receipt: Record<string, unknown>;
}

/** The submission as the papers see it: the envelope's channel, answers, files, case and delivery. */
export function submissionOf(envelope: Record<string, unknown>): PaperSubmission {
  return {
    channel: envelope.channel, data: envelope.data, documents: envelope.documents,
    ...(envelope.case ? { case: envelope.case } : {}), ...(envelope.delivery ? { delivery: envelope.delivery } : {}),
  } as PaperSubmission;
}

/**
 * A stored dossier as `@thutuc/papers` takes it: the procedure version it was filed against,
 * the submission, the receipt recorded at filing (`receipt.paper`) with `changes` laid over it
 * (the acceptance time and due date, the documents a supplement asks for), and the desk named
 * after the body the applicant addressed, with the officer who signs.
 */
export function paperDossierOf(row: PaperRow, procedure: ProcedureModule, catalogue: LoadedCatalogue, changes: Partial<PaperReceipt> = {}, officer?: string): PaperDossier {
  const submission = submissionOf(row.envelope);
  const desk: PaperDesk = { ...defaultDesk(procedure.definition, submission, catalogue.agencies), ...(officer ? { officer } : {}) };
  const stored = (row.receipt as { paper: PaperReceipt }).paper;
  return { procedure: procedure.definition, submission, receipt: { ...stored, ...changes }, desk, places: catalogue.places };
}

/** What the lifecycle changed since filing: the acceptance time and the due date now in force. */
export function acceptance(state: Pick<Dossier, 'receivedAt' | 'due' | 'dueProvisional'>): Partial<PaperReceipt> {
  return {
    ...(state.receivedAt ? { receivedAt: state.receivedAt } : {}),
    ...(state.due ? { appointment: { due: state.due, provisional: state.dueProvisional ?? false } } : {}),
  };
}

/**
 * The link Mẫu 01's QR code opens: the status page with the dossier code — and, on the
 * applicant's own copy, the lookup secret — in the fragment, which browsers never send to a
 * server (`<thutuc-status>` reads `#code=…&secret=…`). Without an absolute status page
 * address there is no QR code: a code that opens nothing would be worse than none.
 */
export function statusLink(statusPageUrl: string | undefined, code: string, secret?: string): string | undefined {
  if (!statusPageUrl || !/^https?:\/\//i.test(statusPageUrl)) return undefined;
  const fragment = new URLSearchParams({ code, ...(secret ? { secret } : {}) });
  return `${statusPageUrl.replace(/#.*$/, '')}#${fragment.toString()}`;
}
