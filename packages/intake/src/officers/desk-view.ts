import { durationText, type LocalizedText } from '@thutuc/runtime';
import type { Procedure, Text } from '@thutuc/runtime/model';
import { ALLOWED_FOR_STEP, type Dossier } from '../lifecycle.js';
import { stepProgress } from '../lifecycle-progress.js';
import { DOSSIER_ACTIONS, DOSSIER_STATUSES, type DossierAction, type DossierStatus } from '../lifecycle-statuses.js';
import { ACTOR_OF, type Officer } from './accounts.js';
import { OFFICER_ACTIONS, PAPERS, type OfficerAction } from './actions.js';
import { applicantName } from './applicant.js';
import { reviewOf, type ReviewSection } from './review.js';

/** An action the desk offers, with what its form must ask for. */
export interface DeskAction {
  action: OfficerAction;
  label: LocalizedText;
  /** A reason must be written (refusal, supplement request, stop). */
  reason: boolean;
  /** The paper the action issues (Circular 03/2025/TT-VPCP), printable afterwards. */
  paper?: string;
  /** complete_step: the steps the officer may mark done. */
  steps?: { index: number; title: Text }[];
  /** extend: the extensions the law allows that are not used yet. */
  extensions?: { index: number; duration: LocalizedText; reason: Text }[];
  /** request_supplement: the documents to choose from. */
  documents?: { id: string; name: Text }[];
}

export interface DeskView {
  title: Text;
  statusLabel: LocalizedText;
  applicant: string | null;
  review: ReviewSection[];
  /** Names of the documents files were sent for, by document id. */
  documentNames: Record<string, Text>;
  steps: { index: number; title: Text; actor: string; done: boolean }[];
  actions: DeskAction[];
}

/**
 * What the desk's dossier page needs beyond the stored record: the answers laid out as the
 * form's review page, and the actions the lifecycle allows this officer now — the same rules
 * `performAction` applies, so the page offers nothing the server would refuse for the role.
 */
export function deskViewOf(officer: Officer, procedure: Procedure | undefined, state: Dossier, envelope: Record<string, unknown>): DeskView {
  const status = state.status as DossierStatus;
  const actors = officer.roles.map((r) => ACTOR_OF[r]).filter((a) => a !== undefined);
  const caseId = typeof envelope.case === 'string' ? envelope.case : undefined;
  const documents = (procedure?.cases.find((c) => c.id === caseId) ?? procedure?.cases[0])?.documents ?? [];
  // The same progress the applicant's timeline shows: marked steps and those the dossier went past.
  const steps = stepProgress(state, procedure?.steps ?? []).steps.map(({ index, title, actor, done, state: stepState }) => ({ index, title, actor, done, state: stepState }));
  const actions: DeskAction[] = [];
  for (const action of OFFICER_ACTIONS) {
    const rule = DOSSIER_ACTIONS[action];
    if (!rule.from.includes(status) || !actors.some((a) => rule.actors.includes(a))) continue;
    const entry: DeskAction = { action, label: rule.label, reason: !!rule.reason, ...(PAPERS[action] ? { paper: PAPERS[action] } : {}) };
    if (action === 'complete_step') {
      // Ordinary steps still ahead; a conditional one happens through its own action (a supplement request, an extension).
      entry.steps = steps.filter((s) => (s.state === 'current' || s.state === 'pending') && actors.some((a) => ALLOWED_FOR_STEP[s.actor as keyof typeof ALLOWED_FOR_STEP].includes(a))).map(({ index, title }) => ({ index, title }));
      if (!entry.steps.length) continue;
    }
    if (action === 'extend') {
      entry.extensions = (state.processingTime.extensions ?? [])
        .map((e, index) => ({ index, duration: durationText(e.value, e.unit), reason: e.reason }))
        .filter((e) => !state.extensions.includes(e.index));
      if (!entry.extensions.length) continue;
    }
    if (action === 'request_supplement') entry.documents = documents.map((d) => ({ id: d.id, name: d.name }));
    actions.push(entry);
  }
  const label = DOSSIER_STATUSES[status];
  return {
    title: procedure?.title ?? { vi: state.procedureId },
    statusLabel: { vi: label.vi, en: label.en },
    applicant: applicantName(procedure, envelope.data),
    review: procedure ? reviewOf(procedure, envelope.data) : [],
    documentNames: Object.fromEntries(documents.map((d) => [d.id, d.name])),
    steps,
    actions,
  };
}

const SUBMITTED: LocalizedText = { vi: 'Nộp hồ sơ', en: 'Submitted' };

/** A history entry's action and resulting status in words, for the desk's history table. */
export function historyLabels(action: string, toStatus: string): { label: LocalizedText; toLabel: LocalizedText | null } {
  const status = DOSSIER_STATUSES[toStatus as DossierStatus];
  return {
    label: action === 'submit' ? SUBMITTED : (DOSSIER_ACTIONS[action as DossierAction]?.label ?? { vi: action, en: action }),
    toLabel: status ? { vi: status.vi, en: status.en } : null,
  };
}
