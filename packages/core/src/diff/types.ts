import type { LocalizedText } from '@thutuc/runtime';

/** What a change touches: readers group by it, CI rules key on it. */
export type ChangeArea = 'procedure' | 'version' | 'status' | 'channel' | 'time' | 'fee' | 'document' | 'field' | 'legal' | 'result';

/** One change a reader of the regulation would notice, in both languages. */
export interface ProcedureChange {
  area: ChangeArea;
  /** Stable machine name: `fee-amount`, `document-added`, `field-required-added`, … */
  kind: string;
  /** JSON pointer into the newer version (the older one for removals). */
  path: string;
  message: LocalizedText;
  /** Legal documents that caused it, as short names (`Thông tư 12/2026/TT-BTC`). */
  basis?: LocalizedText[];
}

export interface VersionRef {
  version: string;
  /** Absent when the source does not state it. */
  effectiveDate?: string;
  endDate?: string;
  file?: string;
}

/** The changes between two versions (or two states of one version) of one procedure. */
export interface ProcedureDiff {
  id: string;
  code: string;
  title: LocalizedText;
  /** Absent for a new procedure. */
  from?: VersionRef;
  /** Absent for a removed procedure. */
  to?: VersionRef;
  changes: ProcedureChange[];
}

/** Areas whose change alters what an applicant pays, submits or waits for. */
export const SUBSTANTIVE_AREAS: ReadonlySet<ChangeArea> = new Set(['fee', 'document', 'time']);
