import type { AgencyRegistry, Procedure } from '@thutuc/runtime/model';
import { computeDeadline, computeFees, createValidator, parseVietnamTime, type LocalFeeOverrides, type PlaceNames, type SchemaValidator, type WorkingCalendar, type LocalizedText } from '@thutuc/runtime';
import type { CompiledProcedure, PaperDesk, PaperDossier, PaperSubmission } from './model.js';

type Agency = AgencyRegistry['agencies'][number];

export interface DossierInput {
  /** The procedure's compiled module (`@thutuc/catalogue/procedures/<id>` or a `thutuc build` output). */
  procedure: CompiledProcedure;
  submission: PaperSubmission;
  /** Receipt time; without an offset it is Vietnam time. */
  receivedAt: string;
  dossierCode: string;
  /** The catalogue's holiday calendars (`createWorkingCalendar`). */
  calendar: WorkingCalendar;
  /** Default: see `defaultDesk`. */
  desk?: PaperDesk;
  /** The shared agency registry, to name the desk. */
  agencies?: readonly Agency[];
  /** Amounts a provincial council set for local fees. */
  overrides?: LocalFeeOverrides;
  /** Names of provinces and communes, printed in addresses instead of codes. */
  places?: PlaceNames;
}

export type DossierResult = { ok: true; dossier: PaperDossier } | { ok: false; error: LocalizedText };

/**
 * Records a submission the way the desk would on receipt: fees by the same engine the form
 * and the intake server use (`computeFees`, with the receipt date as "today" for on-time
 * exemptions), the appointment counted on the holiday calendars, and the documents still
 * missing according to the same runtime checks the compiled validator runs.
 */
export function createPaperDossier(input: DossierInput): DossierResult {
  const { definition: procedure, conditions, rules } = input.procedure;
  const { submission } = input;
  const received = parseVietnamTime(input.receivedAt);
  if (!received) return { ok: false, error: { vi: `Thời điểm tiếp nhận không hợp lệ: "${input.receivedAt}".`, en: `Not a valid receipt time: "${input.receivedAt}".` } };
  const fees = computeFees(procedure, conditions, submission, { today: received.date, ...(input.overrides ? { overrides: input.overrides } : {}) });
  if (fees.error) return { ok: false, error: { vi: fees.error.vi, en: fees.error.en ?? fees.error.vi } };

  const channel = procedure.channels.find((c) => c.channel === submission.channel)!;
  const deadline = computeDeadline(input.receivedAt, channel.processingTime, input.calendar);
  const receivedAt = deadline.ok ? deadline.deadline.receivedAt : `${received.date}T${received.time}:00+07:00`;

  // The JSON Schema half of validation is not needed to list missing documents.
  const anything: SchemaValidator = Object.assign(() => true, { errors: null });
  const check = createValidator(anything, rules, conditions);
  const missingDocuments = check(submission, { today: received.date })
    .errors.filter((e) => e.rule === 'document')
    .map((e) => e.path.slice('/documents/'.length));

  return {
    ok: true,
    dossier: {
      procedure,
      submission,
      ...(input.places ? { places: input.places } : {}),
      desk: input.desk ?? defaultDesk(procedure, submission, input.agencies ?? []),
      receipt: {
        dossierCode: input.dossierCode,
        receivedAt,
        ...(deadline.ok ? { appointment: { due: deadline.deadline.due, provisional: deadline.deadline.provisional } } : {}),
        fees,
        missingDocuments,
      },
    },
  };
}

/**
 * The desk when the caller names none: the body the applicant addressed when the form asks
 * (a `kinh_gui` field, as on the civil-status declarations), else the executing agency.
 */
export function defaultDesk(procedure: Procedure, submission: PaperSubmission, agencies: readonly Agency[]): PaperDesk {
  const addressed = submission.data?.kinh_gui;
  if (typeof addressed === 'string' && addressed.trim()) return { parent: addressed.trim() };
  const id = procedure.agencies?.executing?.[0];
  const agency = agencies.find((a) => a.id === id);
  return { parent: agency?.name.vi ?? '' };
}

/**
 * The agency code a dossier code starts with: the first coded agency up the executing
 * agency's parents (commune police → provincial police → Bộ Công an `000.00.00.G01`).
 */
export function dossierAgencyCode(procedure: Procedure, agencies: readonly Agency[]): string | undefined {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  let agency = byId.get(procedure.agencies?.executing?.[0] ?? '');
  for (let hops = 0; agency && hops < 10; hops++) {
    if (agency.code) return agency.code;
    agency = agency.parent ? byId.get(agency.parent) : undefined;
  }
  return undefined;
}
