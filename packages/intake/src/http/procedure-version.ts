import { acceptVersion, migrateDraft, todayInVietnam, type DraftMigration } from '@thutuc/runtime';
import type { ProcedureModule } from '../catalogue.js';
import type { IntakeContext } from './context.js';
import { refuse } from './reasons.js';

interface VersionedEnvelope {
  procedure: { id: string; version: string };
  case?: string;
  data: Record<string, unknown>;
  startedAt?: string;
}

/**
 * The compiled module a submission is checked against: the version it names, when that version
 * is in force today (Vietnam time) or the applicant started before it stopped applying and the
 * server's grace period (`versionGraceDays`) has not run out. Otherwise a 409 that tells the
 * form where to go: the version in force and, when the old version is still in the catalogue,
 * the applicant's answers carried over to it (`migrateDraft`) with what changed.
 */
export async function procedureForEnvelope(ctx: IntakeContext, envelope: VersionedEnvelope): Promise<ProcedureModule> {
  const { id, version } = envelope.procedure;
  const latest = await ctx.catalogue.procedure(id);
  if (!latest) throw refuse('unknown-procedure');
  const versions = latest.versions ?? [{ version: latest.version, effectiveDate: '0000-01-01' }];
  const today = todayInVietnam(ctx.now());
  const startedOn = startedDay(envelope.startedAt, today);
  const verdict = acceptVersion(versions, version, today, { ...(startedOn ? { startedOn } : {}), graceDays: ctx.versionGraceDays });
  if (verdict.accepted) {
    const module = await ctx.catalogue.procedure(id, version);
    if (module) return module;
  }
  const inForce = verdict.accepted ? undefined : verdict.inForce;
  const target = inForce ? await ctx.catalogue.procedure(id, inForce) : undefined;
  const from = await ctx.catalogue.procedure(id, version);
  const migration = from && target && from !== target ? migrateDraft({ data: envelope.data, ...(envelope.case ? { caseId: envelope.case } : {}) }, from.definition, target.definition) : undefined;
  throw refuse('old-version', {
    version,
    reason: verdict.reason,
    ...(inForce ? { currentVersion: inForce } : {}),
    ...(migration ? { migration: migrationPath(migration) } : {}),
  });
}

/**
 * The day the applicant began, in Vietnam time. A start later than today is the client's clock
 * or a made-up value: it gains nothing, so it is ignored rather than trusted.
 */
function startedDay(startedAt: string | undefined, today: string): string | undefined {
  if (!startedAt) return undefined;
  const at = new Date(startedAt);
  if (Number.isNaN(at.getTime())) return undefined;
  const day = todayInVietnam(at);
  return day <= today ? day : undefined;
}

/** What the form needs to move on: the answers as they fit the version in force, and what changed. */
function migrationPath(m: DraftMigration<{ data: Record<string, unknown>; caseId?: string }>) {
  return {
    from: m.from,
    to: m.to,
    data: m.draft.data,
    ...(m.draft.caseId ? { case: m.draft.caseId } : {}),
    kept: m.kept,
    dropped: m.dropped,
    newRequired: m.newRequired,
    documents: m.documents,
    feesChanged: m.feesChanged,
    summary: m.summary,
  };
}
