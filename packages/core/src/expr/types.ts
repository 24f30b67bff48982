/**
 * Types of the condition language. Field types of a form map onto these; literals and
 * functions produce them. A string may carry the option values it is limited to (choice).
 */
export type ExprType =
  | { kind: 'string'; options?: readonly string[]; field?: string }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'null' }
  | { kind: 'list'; options?: readonly string[]; field?: string }
  | { kind: 'group'; item: Scope }
  | { kind: 'address' };

export interface Binding {
  type: ExprType;
  /** How the emitted function reaches the value: from the data, the item of a group, or the context. */
  source: 'data' | 'item' | 'context';
}

/** The names an expression may use. Inner scopes (a group's item) shadow outer ones. */
export interface Scope {
  names: ReadonlyMap<string, Binding>;
  parent?: Scope;
}

export function lookup(scope: Scope, name: string): Binding | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const b = s.names.get(name);
    if (b) return b;
  }
  return undefined;
}

export function allNames(scope: Scope): string[] {
  const names = new Set<string>();
  for (let s: Scope | undefined = scope; s; s = s.parent) for (const n of s.names.keys()) names.add(n);
  return [...names];
}

export const STRING: ExprType = { kind: 'string' };
export const NUMBER: ExprType = { kind: 'number' };
export const BOOLEAN: ExprType = { kind: 'boolean' };
export const DATE: ExprType = { kind: 'date' };

/** How a type is named in messages. */
export function typeName(t: ExprType): { vi: string; en: string } {
  switch (t.kind) {
    case 'string':
      return t.options ? { vi: 'lựa chọn', en: 'a choice' } : { vi: 'chuỗi', en: 'a string' };
    case 'number':
      return { vi: 'số', en: 'a number' };
    case 'boolean':
      return { vi: 'đúng/sai', en: 'a boolean' };
    case 'date':
      return { vi: 'ngày', en: 'a date' };
    case 'null':
      return { vi: 'null', en: 'null' };
    case 'list':
      return { vi: 'danh sách lựa chọn', en: 'a list of choices' };
    case 'group':
      return { vi: 'nhóm lặp lại', en: 'a repeatable group' };
    case 'address':
      return { vi: 'địa chỉ', en: 'an address' };
  }
}
