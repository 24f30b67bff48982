import type { Procedure } from '@thutuc/runtime/model';
import { addedProcedure, diffProcedure, removedProcedure } from './procedure.js';
import type { ProcedureDiff } from './types.js';
import { equal, say } from './words.js';

export interface VersionedProcedure {
  procedure: Procedure;
  file?: string;
}

/** `1.10.0` after `1.9.3`: semver order of `x.y.z` (the schema allows nothing else). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function byId(list: readonly VersionedProcedure[]): Map<string, VersionedProcedure[]> {
  const out = new Map<string, VersionedProcedure[]>();
  for (const entry of list) {
    const versions = out.get(entry.procedure.id) ?? [];
    versions.push(entry);
    out.set(entry.procedure.id, versions);
  }
  for (const versions of out.values()) versions.sort((x, y) => compareVersions(x.procedure.version, y.procedure.version));
  return out;
}

/**
 * The changes between two states of a catalogue. A version edited in place is compared with
 * its former self; a new version with the latest version before it (so `1.1.0` reads as what
 * changed since `1.0.0`); a procedure without any former version is new.
 */
export function diffCatalogues(before: readonly VersionedProcedure[], after: readonly VersionedProcedure[]): ProcedureDiff[] {
  const old = byId(before);
  const now = byId(after);
  const out: ProcedureDiff[] = [];
  for (const [id, versions] of [...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const former = old.get(id) ?? [];
    versions.forEach((entry, i) => {
      const v = entry.procedure.version;
      const same = former.find((f) => f.procedure.version === v);
      const base = same ?? [...former].reverse().find((f) => compareVersions(f.procedure.version, v) < 0) ?? versions[i - 1] ?? former.at(-1);
      if (same && equal(same.procedure, entry.procedure)) return;
      if (!base) {
        out.push(addedProcedure(entry.procedure, entry.file));
        return;
      }
      out.push(diffProcedure(base.procedure, entry.procedure, files(base, entry)));
    });
    for (const gone of former) {
      if (versions.some((v) => v.procedure.version === gone.procedure.version)) continue;
      if (!versions.length) continue;
      const diff = removedProcedure(gone.procedure, gone.file);
      const version = gone.procedure.version;
      diff.changes = [{ area: 'version', kind: 'version-removed', path: '', message: say((l) => (l === 'vi' ? `Phiên bản ${version} bị xóa khỏi danh mục` : `Version ${version} removed from the catalogue`)) }];
      out.push(diff);
    }
  }
  for (const [, versions] of old) if (!now.has(versions[0]!.procedure.id)) out.push(removedProcedure(versions.at(-1)!.procedure, versions.at(-1)!.file));
  return out;
}

function files(a: VersionedProcedure, b: VersionedProcedure) {
  return { ...(a.file ? { before: a.file } : {}), ...(b.file ? { after: b.file } : {}) };
}
