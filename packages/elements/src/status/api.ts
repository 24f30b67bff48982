import type { AttachedFile } from '../types.js';

/** Catalogue text: Vietnamese always, English when the catalogue has it. */
export interface Text {
  vi: string;
  en?: string;
}

/** A document a supplement request asks for, with the upload rules the form also applies. */
export interface DocumentAsked {
  id: string;
  name: Text;
  accept?: string[];
  maxBytes?: number;
  maxFiles?: number;
}

export type PaymentProvider = 'vnpay' | 'vietqr';

/** What `POST /api/lookup` answers (packages/intake/src/http/lookup.ts). */
export interface LookupAnswer {
  code: string;
  procedure: { id: string; title?: Text };
  status: { code: number; label: { vi: string; en: string } };
  submittedAt: string;
  acceptedAt?: string;
  dueDate: string | null;
  time: { state: 'not-started' | 'paused' | 'on-time' | 'overdue' | 'finished-on-time' | 'finished-late' | 'closed'; due?: string; remaining?: number; workingDaysLeft?: number };
  overdue: boolean;
  /** Each step's `state` comes from the server (marked, or gone past by the dossier's lifecycle); older servers send `done` only. */
  progress: { done: number; total: number; steps: { title: Text; done: boolean; state?: 'done' | 'current' | 'pending' | 'skipped' | 'if-needed'; due?: string }[] };
  todo: { vi: string; en: string } | null;
  supplement?: { reason: Text | null; requested: Text[]; documents: DocumentAsked[] };
  payment?: { state: 'none' | 'due' | 'pending' | 'paid'; amount: number; currency: 'VND'; lines?: { label?: Text; amount?: number; status?: 'charged' | 'exempt' | 'local' | 'unknown' }[]; providers: PaymentProvider[]; paidAt?: string };
  result?: { method: 'online' | 'post' | 'in_person' | null; ready: boolean; carrier?: string; tracking?: string; place?: string; appointment?: string; downloadable: boolean } | null;
}

export type VietQrPayment = { provider: 'vietqr'; emv: string; svg: string; amount: number; note: string; account: string };
export type PaymentStart = { provider: 'vnpay'; redirectUrl: string } | VietQrPayment;

/** The dossier code and lookup secret: sent in request bodies only, never in a URL. */
export interface DossierKey {
  code: string;
  secret: string;
}

/** A failed call: the server's reason in both languages, or a network failure. @internal */
export class StatusCallError extends Error {
  override name = 'StatusCallError';
  constructor(
    readonly status: number,
    readonly reason: { vi: string; en: string } | undefined,
  ) {
    super(reason?.en ?? `HTTP ${status}`);
  }
}

const join = (base: string, path: string) => `${base.replace(/\/$/, '')}/${path}`;

async function call(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new StatusCallError(0, undefined);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: { vi: string; en: string } } } | undefined;
    throw new StatusCallError(response.status, body?.error?.message);
  }
  return response;
}

const postJson = (url: string, body: unknown) => call(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function lookUp(api: string, key: DossierKey): Promise<LookupAnswer> {
  return (await postJson(join(api, 'lookup'), key)).json() as Promise<LookupAnswer>;
}

/** The supplement as the form sends files: a description part, then `documents/<id>/<index>`. */
export async function sendSupplement(api: string, key: DossierKey, files: Record<string, AttachedFile[]>): Promise<{ files: number }> {
  const body = new FormData();
  const documents = Object.fromEntries(Object.entries(files).map(([id, list]) => [id, list.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }))]));
  body.append('supplement', new Blob([JSON.stringify({ ...key, documents })], { type: 'application/json' }), 'supplement.json');
  for (const [id, list] of Object.entries(files)) list.forEach((f, i) => body.append(`documents/${id}/${i}`, f.file, f.name));
  return (await call(join(api, 'supplements'), { method: 'POST', body })).json() as Promise<{ files: number }>;
}

export async function startPayment(api: string, key: DossierKey, provider: PaymentProvider): Promise<PaymentStart> {
  return (await postJson(join(api, 'payments'), { ...key, provider })).json() as Promise<PaymentStart>;
}

/** The electronic result's bytes and its file name (from Content-Disposition). */
export async function downloadResult(api: string, key: DossierKey): Promise<{ blob: Blob; name: string }> {
  const response = await call(join(api, 'result'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(key) });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  let name = 'ket-qua';
  try {
    if (encoded) name = decodeURIComponent(encoded);
  } catch {
    // A malformed name from the server falls back to the default.
  }
  return { blob: await response.blob(), name };
}
