import type { AttachedFile, Receipt } from '../types.js';

/** The submission envelope (schemas/submission.schema.json). */
export interface Envelope {
  procedure: { id: string; version: string };
  case?: string;
  channel: string;
  delivery?: string;
  data: Record<string, unknown>;
  documents: Record<string, { name: string; type: string; size: number; sha256: string }[]>;
  fees?: { total: Record<string, number>; complete: boolean };
  lang: 'vi' | 'en';
  clientTime: string;
  /** When the applicant began (from the draft): a submission against a version just replaced is still accepted for a grace period. */
  startedAt?: string;
  idempotencyKey: string;
}

export type SubmitOutcome =
  | { ok: true; receipt: Receipt }
  | { ok: false; kind: 'offline' | 'timeout' | 'server' | 'rejected'; status?: number; reasons?: { path?: string; message: { vi: string; en?: string } }[] }
  /** 409 `old-version`: a newer version of the procedure is in force; the form moves the answers to it. */
  | { ok: false; kind: 'version'; status: 409; currentVersion: string };

/** A failure the applicant is shown (a newer version in force is handled by the form, not shown). */
export type FailedOutcome = Exclude<Extract<SubmitOutcome, { ok: false }>, { kind: 'version' }>;

/** Part name of an uploaded file: which document it belongs to and its position. */
export function filePartName(documentId: string, index: number): string {
  return `documents/${documentId}/${index}`;
}

export function multipartBody(envelope: Envelope, files: ReadonlyMap<string, AttachedFile[]>): FormData {
  const body = new FormData();
  body.append('envelope', new Blob([JSON.stringify(envelope)], { type: 'application/json' }), 'envelope.json');
  for (const [id, list] of files) list.forEach((f, i) => body.append(filePartName(id, i), f.file, f.name));
  return body;
}

/**
 * POSTs the envelope and files. Every failure comes back as an outcome, never as an
 * exception, so the form can keep every value and offer a retry with the same
 * Idempotency-Key (the server then creates one dossier however often it is sent).
 */
export async function postSubmission(action: string, envelope: Envelope, files: ReadonlyMap<string, AttachedFile[]>, timeoutMs: number): Promise<SubmitOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(action, {
      method: 'POST',
      body: multipartBody(envelope, files),
      headers: { 'Idempotency-Key': envelope.idempotencyKey, Accept: 'application/json' },
      signal: controller.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    return { ok: false, kind: (error as Error).name === 'AbortError' ? 'timeout' : 'offline' };
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const receipt = body as Receipt | undefined;
    if (receipt && typeof receipt.dossierCode === 'string') return { ok: true, receipt };
    return { ok: false, kind: 'server', status: response.status };
  }
  const moved = body as { error?: { code?: string }; currentVersion?: unknown } | undefined;
  if (response.status === 409 && moved?.error?.code === 'old-version' && typeof moved.currentVersion === 'string') {
    return { ok: false, kind: 'version', status: 409, currentVersion: moved.currentVersion };
  }
  if (response.status >= 400 && response.status < 500) {
    const reasons = (body as { errors?: { path?: string; message: { vi: string; en?: string } }[] } | undefined)?.errors;
    return { ok: false, kind: 'rejected', status: response.status, ...(Array.isArray(reasons) ? { reasons } : {}) };
  }
  return { ok: false, kind: 'server', status: response.status };
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
