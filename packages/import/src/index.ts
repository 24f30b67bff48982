/**
 * `thutuc import`: national portal records (JSON) → procedure YAML skeletons that validate,
 * keeping the portal's wording where its structured values are unreliable and listing in
 * `gaps:` what a person must still check. read → map (detail or summary) → assemble → emit.
 */
import type { Text } from '@thutuc/core';
import type { KnownAgency } from './agencies.js';
import { assemble } from './assemble.js';
import { mapDetail, type RecordContext } from './detail.js';
import { renderDraft } from './emit.js';
import { DraftNotes, type Draft } from './notes.js';
import { PortalImportError, readPortalJson, type PortalShape } from './read.js';
import { mapSummary } from './summary.js';
import { slugify } from './text.js';

export { PortalImportError, readPortalJson, type PortalFile, type PortalRecord, type PortalShape } from './read.js';
export { agenciesFromYaml, type KnownAgency } from './agencies.js';
export { schemaRef } from './emit.js';
export { cleanText, slugify } from './text.js';
export type { Draft } from './notes.js';

export interface ImportOptions {
  /** Convert only the record at this position of the file's list (0-based). */
  index?: number | undefined;
  /** The shared agency registry: only names found there become agency references. */
  agencies?: readonly KnownAgency[] | undefined;
  /** The input's name as written in `sources:` and the header (e.g. the file name). */
  origin?: string | undefined;
}

export interface ImportedProcedure {
  /** Position of the record in the file's list. */
  index: number;
  shape: PortalShape;
  id: string;
  code: string;
  /** Where the file belongs in a catalogue: `<field>/<name>.yaml`. */
  path: string;
  gaps: Text[];
  draft: Draft;
  /** The YAML text, with the `$schema` line pointing at `schemaRef`. */
  render(schemaRef: string): string;
}

export interface ImportResult {
  procedures: ImportedProcedure[];
  /** Records that could not be converted (no valid code, no name), with the reason. */
  failures: { index: number; vi: string; en: string }[];
  /** Elements of the list that are not procedure records. */
  skipped: number[];
  /** How many records the file holds. */
  total: number;
}

/** Converts the records of one portal export. Unreadable input throws PortalImportError. */
export function convertPortalJson(text: string, options: ImportOptions = {}): ImportResult {
  const file = readPortalJson(text);
  const total = file.records.length;
  let records = file.records;
  if (options.index !== undefined) {
    const record = file.records[options.index];
    if (!record) {
      throw new PortalImportError(`Không có bản ghi số ${options.index}: tệp có ${total} bản ghi (0–${total - 1}).`, `There is no record ${options.index}: the file holds ${total} record(s) (0–${total - 1}).`);
    }
    records = [record];
  }

  const origin = options.origin ?? 'JSON';
  const procedures: ImportedProcedure[] = [];
  const failures: ImportResult['failures'] = [];
  const ids = new Set<string>();
  for (const record of records) {
    const where = total > 1 || options.index !== undefined ? `${origin}, bản ghi · record ${record.index}` : origin;
    const ctx: RecordContext = { agencies: options.agencies ?? [], origin: where, sourceUrl: record.sourceUrl, extractedAt: file.extractedAt };
    const notes = new DraftNotes();
    let draft: Draft;
    try {
      draft = assemble(record.shape === 'detail' ? mapDetail(record.data, ctx, notes) : mapSummary(record.data, ctx, notes), notes);
    } catch (error) {
      if (!(error instanceof PortalImportError)) throw error;
      failures.push({ index: record.index, ...error.text });
      continue;
    }
    // Two records with the same name in one batch: the code tells them apart.
    const p = draft.procedure;
    if (ids.has(p.id)) p.id = `${p.id}-${slugify(p.code)}`;
    ids.add(p.id);
    const [field, name] = p.id.split(/\.(.*)/s) as [string, string];
    procedures.push({
      index: record.index,
      shape: record.shape,
      id: p.id,
      code: p.code,
      path: `${field}/${name}.yaml`,
      gaps: draft.gaps,
      draft,
      render: (ref) => renderDraft(draft, { schemaRef: ref, origin: where }),
    });
  }
  return { procedures, failures, skipped: file.skipped, total };
}
