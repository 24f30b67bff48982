/**
 * Keeps what the applicant typed in localStorage, keyed by procedure id and version, so a
 * reload or a closed tab loses nothing. Files cannot be stored there and are re-attached.
 * Storage may be unavailable (private mode, quota, sandboxed iframe): then nothing is kept
 * and nothing breaks.
 */
export interface Draft {
  data: Record<string, unknown>;
  caseId?: string;
  delivery?: string;
  step: number;
  /** When the applicant began; older drafts have none. */
  startedAt?: string;
  savedAt: string;
}

const PREFIX = 'thutuc:draft:';

export function draftKey(id: string, version: string): string {
  return `${PREFIX}${id}@${version}`;
}

/** A draft of another version of the same procedure (the newest saved), if the applicant left one. */
export function otherVersionDraft(id: string, version: string): { version: string; key: string } | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    const prefix = `${PREFIX}${id}@`;
    const found: { version: string; key: string; savedAt: string }[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix) || key === draftKey(id, version)) continue;
      found.push({ version: key.slice(prefix.length), key, savedAt: loadDraft(key)?.savedAt ?? '' });
    }
    return found.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1))[0];
  } catch {
    return undefined;
  }
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft === 'object' && draft.data && typeof draft.data === 'object' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(draft));
  } catch {
    // storage full or blocked: the form keeps working without autosave
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
