import { parse } from 'yaml';
import type { Procedure } from '@thutuc/core';
import type { DraftNotes } from './notes.js';
import { isObject } from './read.js';
import { nameKey } from './text.js';

/** The shared agency registry, reduced to what matching needs. */
export interface KnownAgency {
  id: string;
  name: string;
}

type Role = 'executing' | 'authority' | 'delegated' | 'coordinating';
export type AgencyNames = Partial<Record<Role, string[]>>;

/**
 * Reads catalogue/shared/agencies.yaml. Only exact registry ids may be referenced (a
 * dangling one is an error in `thutuc validate`), so a file that cannot be read yields none.
 */
export function agenciesFromYaml(text: string): KnownAgency[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return [];
  }
  const list = isObject(value) && Array.isArray(value.agencies) ? value.agencies : [];
  return list.flatMap((a: unknown) => {
    if (!isObject(a) || typeof a.id !== 'string' || !isObject(a.name) || typeof a.name.vi !== 'string') return [];
    return [{ id: a.id, name: a.name.vi }];
  });
}

/**
 * Portal agency names → registry ids, matched on the name without case, diacritics or
 * punctuation ("Công an cấp Xã" = "Công an cấp xã"). Unmatched names are listed for a person.
 */
export function mapAgencies(names: AgencyNames, known: readonly KnownAgency[], notes: DraftNotes): Procedure['agencies'] | undefined {
  const byKey = new Map(known.map((a) => [nameKey(a.name), a.id]));
  const out: NonNullable<Procedure['agencies']> = {};
  const unmatched: string[] = [];
  for (const [role, list] of Object.entries(names) as [Role, string[]][]) {
    const ids = new Set<string>();
    for (const name of list) {
      const id = byKey.get(nameKey(name));
      if (id) ids.add(id);
      else unmatched.push(`${name} (${role})`);
    }
    if (ids.size) out[role] = [...ids];
  }
  notes.gapList(
    'Cơ quan trên cổng chưa có trong danh mục cơ quan dùng chung (catalogue/shared/agencies.yaml) nên chưa được tham chiếu:',
    'Portal agencies not in the shared registry (catalogue/shared/agencies.yaml) are not referenced yet (names quoted in Vietnamese).',
    [...new Set(unmatched)],
  );
  return Object.keys(out).length ? out : undefined;
}

/** Government level read from an agency name, for records without the isWard/isProvince flags. */
export function levelFromName(name: string): Procedure['levels'][number] | undefined {
  const key = nameKey(name);
  if (/(^|-)(cap-xa|xa-phuong|phuong-xa)(-|$)/.test(key)) return 'commune';
  if (/(^|-)cap-tinh(-|$)/.test(key) || /^so-/.test(key)) return 'province';
  if (/^bo-/.test(key)) return 'ministry';
  return undefined;
}
