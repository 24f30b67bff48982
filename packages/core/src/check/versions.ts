import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { knownDate } from '@thutuc/runtime';
import { compareVersions } from '../diff/catalogue.js';
import type { CatalogueFiles, Doc } from './catalogue.js';

/** `dang-ky-khai-sinh@1.1.0.yaml` → `1.1.0`. */
const NAMED_VERSION = /@(\d+\.\d+\.\d+)\.ya?ml$/i;

/**
 * Versions of one procedure follow each other in time: a higher version takes effect later,
 * and a version with an end date ends before the next one starts (versions never overlap, so
 * exactly one is in force on any date between them).
 */
export function checkVersions(files: CatalogueFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, Doc<'procedure'>[]>();
  for (const doc of files.procedures) {
    const p = doc.value;
    const named = NAMED_VERSION.exec(doc.source.file)?.[1];
    if (named && named !== p.version) out.push(diagnostic('TT3020', doc.source.locate('/version'), { named, version: p.version }));
    const start = knownDate(p.effectiveDate);
    if (p.endDate && start && p.endDate <= start) out.push(diagnostic('TT3021', doc.source.locate('/endDate'), { end: p.endDate, start }));
    byId.set(p.id, [...(byId.get(p.id) ?? []), doc]);
  }
  for (const docs of byId.values()) {
    const sorted = [...docs].sort((a, b) => compareVersions(a.value.version, b.value.version));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!.value;
      const { value: p, source } = sorted[i]!;
      if (p.version === prev.version) continue; // a duplicate: TT3001 says so
      const start = knownDate(p.effectiveDate);
      const prevStart = knownDate(prev.effectiveDate);
      if (!start || !prevStart) continue; // an unstated date cannot be ordered; the gap is reported as unknown
      if (start <= prevStart) {
        out.push(diagnostic('TT3019', source.locate('/effectiveDate'), { version: p.version, date: start, other: prev.version, otherDate: prevStart }));
      } else if (prev.endDate && prev.endDate > start) {
        out.push(diagnostic('TT3018', sorted[i - 1]!.source.locate('/endDate'), { id: p.id, version: prev.version, other: p.version, end: prev.endDate, start }));
      }
    }
  }
  return out;
}
