import { sql, type Kysely } from 'kysely';
import type { LocalizedText } from '@thutuc/runtime';
import type { Text } from '@thutuc/runtime/model';
import type { LoadedCatalogue } from '../catalogue.js';
import type { Database } from '../db/schema.js';
import { vietnamIso } from '../time.js';
import { FigureTally, ONLINE_LEVEL_LABELS, type Figures } from './figures.js';
import { outcomeAt, type HistoryFact } from './outcome.js';
import type { Period } from './period.js';
import { readTargets, targetFor, type OnlineShareTargets } from './targets.js';

/**
 * Statistics for one agency and period (issue 10 item 5): the dossiers submitted in the period,
 * counted by channel, online share and standing against their time limit at the end of the
 * period (or now, for a period not over yet), for the agency and per procedure, field and
 * online level. The provinces' published online-share figures are of this kind.
 */

export type OnlineLevel = keyof typeof ONLINE_LEVEL_LABELS;

export interface FieldRef {
  /** The national field code when the catalogue gives one, else the field's Vietnamese name. */
  key: string;
  code?: string;
  name: Text;
}

export interface ProcedureFigures extends Figures {
  id: string;
  title: Text;
  field: FieldRef;
  onlineLevel: OnlineLevel | null;
}

export interface FieldFigures extends Figures, FieldRef {
  /** The agency's online-share target for the field (its own or the agency-wide one). */
  targetPercent: number | null;
  /** Whether the online share reaches the target; null without a target or dossiers. */
  meetsTarget: boolean | null;
}

export interface LevelFigures extends Figures {
  level: OnlineLevel | null;
  label: LocalizedText;
}

export interface Statistics {
  agency: string;
  period: { from: string; to: string };
  /** The moment the standings are taken at (Vietnam time). */
  asOf: string;
  targets: OnlineShareTargets;
  total: Figures & { targetPercent: number | null; meetsTarget: boolean | null };
  byProcedure: ProcedureFigures[];
  byField: FieldFigures[];
  byLevel: LevelFigures[];
}

export interface StatisticsQuery {
  agency: string;
  period: Period;
  now: Date;
}

const PAGE = 2000;
const UNKNOWN_FIELD: FieldRef = { key: '?', name: { vi: 'Không rõ lĩnh vực', en: 'Unknown field' } };

export async function computeStatistics(db: Kysely<Database>, catalogue: LoadedCatalogue, query: StatisticsQuery): Promise<Statistics> {
  const asOf = Math.min(query.now.getTime(), query.period.end - 1);
  const total = new FigureTally();
  const procedures = new Map<string, { tally: FigureTally; info: Omit<ProcedureFigures, keyof Figures> }>();
  const fields = new Map<string, { tally: FigureTally; field: FieldRef }>();
  const levels = new Map<OnlineLevel | null, FigureTally>();
  // Pages by id keep memory flat for a year of a busy agency.
  for (let after = '0'; ; ) {
    const rows = await db
      .selectFrom('dossiers').select(['id', 'procedure_id', 'channel'])
      .where('agency_code', '=', query.agency)
      .where('submitted_at', '>=', new Date(query.period.start)).where('submitted_at', '<', new Date(query.period.end))
      .where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (!rows.length) break;
    after = String(rows[rows.length - 1]!.id);
    // The columns and the due date only: parsing every whole entry would be most of the work.
    const history = await db
      .selectFrom('dossier_history').select(['dossier_id', 'at', 'action', 'to_status', sql<string | null>`entry->>'due'`.as('due')])
      .where('dossier_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
    const entries = new Map<string, HistoryFact[]>();
    for (const h of history) {
      const list = entries.get(String(h.dossier_id)) ?? [];
      list.push({ at: new Date(h.at).getTime(), action: h.action, to: h.to_status, due: h.due });
      entries.set(String(h.dossier_id), list);
    }
    for (const row of rows) {
      const outcome = outcomeAt(entries.get(String(row.id)) ?? [], asOf, catalogue.calendar);
      if (!outcome) continue;
      let p = procedures.get(row.procedure_id);
      if (!p) {
        p = { tally: new FigureTally(), info: await describeProcedure(catalogue, row.procedure_id) };
        procedures.set(row.procedure_id, p);
      }
      const f = fields.get(p.info.field.key) ?? { tally: new FigureTally(), field: p.info.field };
      fields.set(p.info.field.key, f);
      const l = levels.get(p.info.onlineLevel) ?? new FigureTally();
      levels.set(p.info.onlineLevel, l);
      for (const tally of [total, p.tally, f.tally, l]) tally.add(row.channel, outcome);
    }
    if (rows.length < PAGE) break;
  }
  const targets = await readTargets(db, query.agency);
  const byReceived = <T extends Figures>(key: (x: T) => string) => (a: T, b: T) => b.received - a.received || key(a).localeCompare(key(b));
  return {
    agency: query.agency,
    period: { from: query.period.from, to: query.period.to },
    asOf: vietnamIso(new Date(asOf)),
    targets,
    total: withTarget(total.figures(), targets.overall),
    byProcedure: [...procedures.values()].map((p) => ({ ...p.info, ...p.tally.figures() })).sort(byReceived((x) => x.id)),
    byField: [...fields.values()].map((f) => ({ ...f.field, ...withTarget(f.tally.figures(), targetFor(targets, f.field.key)) })).sort(byReceived((x) => x.key)),
    byLevel: (['full', 'partial', 'none', null] as const).flatMap((level) => {
      const tally = levels.get(level);
      return tally ? [{ level, label: level ? ONLINE_LEVEL_LABELS[level] : UNKNOWN_LEVEL, ...tally.figures() }] : [];
    }),
  };
}

const UNKNOWN_LEVEL: LocalizedText = { vi: 'Không rõ mức độ', en: 'Unknown level' };

function withTarget<T extends Figures>(figures: T, targetPercent: number | null): T & { targetPercent: number | null; meetsTarget: boolean | null } {
  const meetsTarget = targetPercent === null || figures.onlineSharePercent === null ? null : figures.onlineSharePercent >= targetPercent;
  return { ...figures, targetPercent, meetsTarget };
}

/** A procedure's title, field and level from the catalogue; one no longer in it still counts. */
async function describeProcedure(catalogue: LoadedCatalogue, id: string): Promise<Omit<ProcedureFigures, keyof Figures>> {
  const definition = (await catalogue.procedure(id))?.definition;
  if (!definition) return { id, title: { vi: id }, field: UNKNOWN_FIELD, onlineLevel: null };
  const { code, name } = definition.field;
  return {
    id, title: definition.title, onlineLevel: definition.onlineLevel,
    field: { key: code ?? name.vi, ...(code ? { code } : {}), name },
  };
}
