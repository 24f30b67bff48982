import { computeSubmissionFees, localFeeOverrides } from '@thutuc/runtime';
import { createPaperDossier, type PaperReceipt, type PaperSubmission } from '@thutuc/papers';
import type { LoadedCatalogue, ProcedureModule } from './catalogue.js';
import { openDossier, type Dossier } from './lifecycle.js';
import type { FileRecord } from './store/dossiers.js';
import { vietnamIso } from './time.js';

/**
 * The receipt (Mẫu 01, giấy tiếp nhận hồ sơ và hẹn trả kết quả) as stored with the dossier:
 * the code, the time received, the appointment counted in working days on the catalogue's
 * holiday calendars, the fees by the same engine the form used, and the documents received.
 * `paper` keeps exactly what `renderPaper('receipt', …)` needs to print it again later.
 */
export interface StoredReceipt {
  dossierCode: string;
  receivedAt: string;
  appointmentDate?: string;
  appointmentProvisional?: boolean;
  procedure: { id: string; version: string; title: { vi: string; en?: string } };
  fees: { total: Record<string, number>; complete: boolean; lines: unknown[] };
  documents: { document: string; name: string; type: string; size: number; sha256: string }[];
  missingDocuments: string[];
  paper: PaperReceipt;
}

export type ReceiptOutcome = { ok: true; receipt: StoredReceipt; state: Dossier } | { ok: false; error: { vi: string; en: string } };

export function buildReceipt(catalogue: LoadedCatalogue, procedure: ProcedureModule, payload: PaperSubmission, files: FileRecord[], code: string, at: Date): ReceiptOutcome {
  const receivedAt = vietnamIso(at);
  const overrides = localFeeOverrides(catalogue.province, procedure.id, payload.channel);
  const paper = createPaperDossier({
    procedure, submission: payload, receivedAt, dossierCode: code, calendar: catalogue.calendar, agencies: catalogue.agencies,
    ...(overrides ? { overrides } : {}),
  });
  if (!paper.ok) return paper;
  const fees = computeSubmissionFees(procedure, payload, { today: receivedAt.slice(0, 10), ...(catalogue.province ? { province: catalogue.province } : {}) });
  const channel = procedure.definition.channels.find((c) => c.channel === payload.channel)!;
  const opened = openDossier({ code, procedureId: procedure.id, procedureVersion: procedure.version, channel: payload.channel, processingTime: channel.processingTime, submittedAt: receivedAt });
  if (!opened.ok) return { ok: false, error: { vi: 'Không mở được hồ sơ.', en: 'Could not open the dossier.' } };
  const { receipt: p } = paper.dossier;
  const title = procedure.definition.title;
  return {
    ok: true,
    state: opened.dossier,
    receipt: {
      dossierCode: code,
      receivedAt: p.receivedAt,
      ...(p.appointment ? { appointmentDate: p.appointment.due, appointmentProvisional: p.appointment.provisional } : {}),
      procedure: { id: procedure.id, version: procedure.version, title: { vi: title.vi, ...(title.en ? { en: title.en } : {}) } },
      fees: { total: fees.totals, complete: fees.complete, lines: fees.lines },
      documents: files.map((f) => ({ document: f.documentId, name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
      missingDocuments: p.missingDocuments,
      paper: p,
    },
  };
}

/** The receipt as answered to the applicant (the printable record stays on the server). */
export function publicReceipt(receipt: Record<string, unknown>): Record<string, unknown> {
  const { paper: _paper, ...rest } = receipt;
  return rest;
}
