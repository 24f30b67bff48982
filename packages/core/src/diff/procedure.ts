import { knownDate, shortDate } from '@thutuc/runtime';
import type { Procedure } from '@thutuc/runtime/model';
import { diffChannels } from './channels.js';
import { diffDocuments } from './documents.js';
import { diffFees } from './fees.js';
import { diffForm } from './form.js';
import { legalName, legalNames } from './legal.js';
import type { ProcedureChange, ProcedureDiff, VersionRef } from './types.js';
import { both, pairById, say } from './words.js';

/** A version as the diff names it. */
export function versionRef(p: Procedure, file?: string): VersionRef {
  const end = p.endDate;
  const start = knownDate(p.effectiveDate);
  return { version: p.version, ...(start ? { effectiveDate: start } : {}), ...(end ? { endDate: end } : {}), ...(file ? { file } : {}) };
}

/**
 * What changed between two versions of one procedure, in the order a reader cares about:
 * dates, fees, documents, time limits and channels, the form, then the legal basis.
 */
export function diffProcedure(before: Procedure, after: Procedure, files: { before?: string; after?: string } = {}): ProcedureDiff {
  const changes: ProcedureChange[] = [
    ...diffDates(before, after),
    ...diffFees(before, after),
    ...diffDocuments(before, after),
    ...diffChannels(before, after),
    ...diffForm(before, after),
    ...diffLegal(before, after),
  ];
  return { id: after.id, code: after.code, title: both(after.title), from: versionRef(before, files.before), to: versionRef(after, files.after), changes };
}

/** A procedure that did not exist before, or no longer exists. */
export function addedProcedure(p: Procedure, file?: string): ProcedureDiff {
  const when = since(p);
  return { id: p.id, code: p.code, title: both(p.title), to: versionRef(p, file), changes: [{ area: 'procedure', kind: 'procedure-added', path: '', message: say((l) => (l === 'vi' ? `Thủ tục mới, áp dụng từ ${when}` : `New procedure, in force from ${when}`)), basis: legalNames(p, p.changeBasis) }] };
}

export function removedProcedure(p: Procedure, file?: string): ProcedureDiff {
  return { id: p.id, code: p.code, title: both(p.title), from: versionRef(p, file), changes: [{ area: 'procedure', kind: 'procedure-removed', path: '', message: say((l) => (l === 'vi' ? 'Thủ tục bị xóa khỏi danh mục' : 'Procedure removed from the catalogue')) }] };
}

/** `01/03/2027`, or `?` when the source does not state the date. */
function since(p: Procedure): string {
  const start = knownDate(p.effectiveDate);
  return start ? shortDate(start) : '?';
}

function diffDates(before: Procedure, after: Procedure): ProcedureChange[] {
  const out: ProcedureChange[] = [];
  const basis = legalNames(after, after.changeBasis);
  if (before.version === after.version && since(before) !== since(after)) {
    out.push({ area: 'version', kind: 'effective-date', path: '/effectiveDate', message: say((l) => (l === 'vi' ? `Ngày áp dụng: ${since(before)} → ${since(after)}` : `In force from: ${since(before)} → ${since(after)}`)), basis });
  }
  const end = versionRef(after).endDate;
  if (end && end !== versionRef(before).endDate) {
    out.push({ area: 'status', kind: 'end-date', path: '/endDate', message: say((l) => (l === 'vi' ? `Hết hiệu lực từ ${shortDate(end)}` : `No longer in force from ${shortDate(end)}`)), basis });
  }
  if (before.status !== after.status && after.status === 'repealed') {
    out.push({ area: 'status', kind: 'repealed', path: '/status', message: say((l) => (l === 'vi' ? 'Thủ tục bị bãi bỏ' : 'Procedure repealed')), basis });
  }
  return out;
}

function diffLegal(before: Procedure, after: Procedure): ProcedureChange[] {
  const pairs = pairById(before.legalBasis, after.legalBasis);
  return [
    ...pairs.added.map(({ item, index }): ProcedureChange => {
      const name = legalName(item);
      const title = both(item.title);
      return { area: 'legal', kind: 'legal-added', path: `/legalBasis/${index}`, message: say((l) => (l === 'vi' ? `Căn cứ pháp lý mới: ${name.vi} (${title.vi})` : `New legal basis: ${name.en} (${title.en})`)) };
    }),
    ...pairs.removed.map(({ item, index }): ProcedureChange => {
      const name = legalName(item);
      return { area: 'legal', kind: 'legal-removed', path: `/legalBasis/${index}`, message: say((l) => (l === 'vi' ? `Bỏ căn cứ pháp lý: ${name.vi}` : `Legal basis removed: ${name.en}`)) };
    }),
  ];
}
