import type { Kysely } from 'kysely';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import { refuse } from '../http/reasons.js';
import { transition, type Dossier, type TransitionResult } from '../lifecycle.js';
import { DOSSIER_STATUSES, type DossierAction } from '../lifecycle-statuses.js';
import { noticesFor, type NoticeTemplate } from '../notify/messages.js';
import { requestPaymentIfDue } from '../payment/request.js';
import type { PaymentSetup } from '../payment/setup.js';
import { issuePaper, ISSUED_PAPERS } from '../papers/issue.js';
import { appendHistory, stateWithoutHistory } from '../store/dossiers.js';
import { returnRefusal } from '../result-delivery.js';
import { deliveryFacts, latestDelivery } from '../store/results.js';
import { hashToken, newToken } from '../store/secrets.js';
import { vietnamIso } from '../time.js';
import { ACTOR_OF, type Officer } from './accounts.js';

/** What officers may do through the API, by the lifecycle's action names. */
export const OFFICER_ACTIONS = ['accept', 'reject', 'start', 'request_supplement', 'complete_step', 'stop', 'complete', 'deliver', 'extend'] as const satisfies readonly DossierAction[];
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

export interface ActionRequest {
  reason?: { vi: string; en?: string };
  step?: number;
  extension?: number;
  /** For a supplement request: the documents (ids or names) the applicant must send. */
  documents?: string[];
}

/** The paper each action issues (Circular 03/2025 forms), kept in the history entry and stored. */
export const PAPERS: Partial<Record<OfficerAction, string>> = ISSUED_PAPERS;
const NOTICES: Partial<Record<OfficerAction, NoticeTemplate>> = { request_supplement: 'supplement', complete: 'result', extend: 'apology' };

export interface ActionOutcome {
  code: string;
  status: { code: number; label: { vi: string; en: string } };
  due: string | null;
  /** For a supplement request: the one-time link to hand to the applicant. */
  supplementLink?: string;
  /** The paper the action issued, stored with the dossier (GET …/papers/:id prints it). */
  paper?: { id: string; kind: string };
}

/**
 * Applies an officer's action to a dossier of their own agency: the row is locked, the
 * lifecycle decides, and the new state, the history entry and the notices are written in
 * one transaction. A dossier of another agency is answered as not found.
 */
export async function performAction(db: Kysely<Database>, catalogue: LoadedCatalogue, officer: Officer, code: string, action: OfficerAction, input: ActionRequest, now: Date, publicUrl: string, payments?: PaymentSetup, statusPageUrl?: string): Promise<ActionOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('dossiers').selectAll().where('code', '=', code).where('agency_code', '=', officer.agencyCode).forUpdate().executeTakeFirst();
    if (!row) throw refuse('other-agency');
    const procedure = await catalogue.procedureOfDossier(row.procedure_id, row.procedure_version);
    const state = row.state as unknown as Dossier;
    const env = { calendar: catalogue.calendar, steps: procedure?.definition.steps ?? [] };
    const at = vietnamIso(now);
    const actors = [...new Set(officer.roles.map((r) => ACTOR_OF[r]).filter((a) => a !== undefined))];
    if (!actors.length) throw refuse('forbidden');
    // Status 10 means the applicant has the result: only once its delivery, as chosen, is recorded.
    if (action === 'deliver' && row.status === 'processed') {
      const refusal = returnRefusal(await latestDelivery(trx, row.id), await deliveryFacts(trx, catalogue, row, (row.envelope as { delivery?: unknown }).delivery));
      if (refusal) throw refuse(refusal);
    }
    let result: TransitionResult | undefined;
    for (const role of actors) {
      result = transition(state, action, { actor: { role, id: officer.username, name: officer.displayName }, at, ...input }, env);
      if (result.ok || result.error.code !== 'forbidden') break;
    }
    if (!result || !result.ok) {
      const error = result && !result.ok ? result.error : undefined;
      throw refuse(error?.code === 'forbidden' ? 'forbidden' : 'action-refused', error ? { reason: { code: error.code, message: error.message } } : {});
    }
    let next: Dossier & { supplement?: { documents: string[]; requestedAt: string } } = result.dossier;
    const followUp = action === 'accept' && payments ? await requestPaymentIfDue(trx, payments, row, next, procedure, at, env) : undefined;
    if (followUp?.ok) next = followUp.dossier;
    let token: string | undefined;
    if (action === 'request_supplement') {
      token = newToken();
      next = { ...next, supplement: { documents: input.documents ?? [], requestedAt: at } };
    }
    await trx
      .updateTable('dossiers')
      .set({
        status: next.status, status_code: next.statusCode, state: JSON.stringify(stateWithoutHistory(next)),
        due_at: next.due ? new Date(Date.parse(next.due)) : null,
        ...(next.due && Date.parse(next.due) > now.getTime() ? { overdue: false } : {}),
        ...(token ? { supplement_token_hash: hashToken(token) } : {}),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    const paper = PAPERS[action];
    const historyId = await appendHistory(trx, row.id, result.entry, paper ? [paper] : []);
    const issued = paper && procedure
      ? await issuePaper(trx, {
        action, row, procedure, catalogue, before: state, after: result.dossier, officer: officer.displayName, historyId, at: now,
        ...(input.reason ? { reason: input.reason.vi } : {}), ...(input.documents ? { documents: input.documents } : {}), ...(statusPageUrl ? { statusPageUrl } : {}),
      })
      : undefined;
    if (followUp?.ok) await appendHistory(trx, row.id, followUp.entry, []);
    const template = followUp?.ok ? 'payment' : NOTICES[action];
    const link = token ? `${publicUrl}/api/supplements/${token}` : undefined;
    if (template) {
      const title = procedure?.definition.title ?? { vi: row.procedure_id };
      const messages = noticesFor(template, row.contact as { email?: string; phone?: string }, row.lang === 'en' ? 'en' : 'vi', {
        code: row.code, title: { vi: title.vi, ...(title.en ? { en: title.en } : {}) },
        ...(next.due ? { appointment: next.due } : {}), ...(followUp?.ok ? { amount: followUp.amount } : {}), ...(input.reason ? { reason: row.lang === 'en' ? (input.reason.en ?? input.reason.vi) : input.reason.vi } : {}), ...(link ? { link } : {}),
      });
      if (messages.length) await trx.insertInto('outbox').values(messages.map((m) => ({ dossier_id: row.id, ...m, payload: JSON.stringify(m.payload) }))).execute();
    }
    const s = DOSSIER_STATUSES[next.status];
    return { code: row.code, status: { code: s.code, label: { vi: s.vi, en: s.en } }, due: next.due ?? null, ...(link ? { supplementLink: link } : {}), ...(issued ? { paper: issued } : {}) };
  });
}
