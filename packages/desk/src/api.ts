import type { LocalizedText } from '@thutuc/runtime';

/** Text from the catalogue: Vietnamese always, English when the catalogue has it. */
export interface Text {
  vi: string;
  en?: string;
}

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
}

export interface Session {
  officer: Officer;
  csrfToken: string;
}

export interface InboxRow {
  code: string;
  procedure: string;
  title: Text | null;
  applicant: string | null;
  status: number;
  statusLabel: LocalizedText;
  submittedAt: string;
  due: string | null;
  overdue: boolean;
}

export interface InboxPage {
  dossiers: InboxRow[];
  page: number;
  pageSize: number;
  total: number;
  procedures: { id: string; title: Text }[];
  /** The national status list (1–10), for the status filter. */
  statuses: { code: number; label: LocalizedText }[];
}

export interface FeeLine {
  label: Text;
  detail?: Text;
  member?: Text;
  amount?: number;
  currency?: string;
  status?: string;
}

/** The payment state the intake adds for procedures paid online (`payment` on the dossier). */
export interface Payment {
  state: 'none' | 'due' | 'pending' | 'paid';
  /** Null while an amount is unknown. */
  amount?: number | null;
  currency?: string;
  paidAt?: string;
  /** The providers the applicant may pay with now. */
  providers?: string[];
  /** The provider that was paid through. */
  provider?: string;
  /** Why there is nothing to pay online although fees apply. */
  note?: Text;
}

export interface DeskAction {
  action: string;
  label: LocalizedText;
  reason: boolean;
  paper?: string;
  steps?: { index: number; title: Text }[];
  extensions?: { index: number; duration: LocalizedText; reason: Text }[];
  documents?: { id: string; name: Text }[];
}

export interface DossierFile {
  round: number;
  document: string;
  index: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface HistoryItem {
  at: string;
  action: string;
  label?: LocalizedText;
  to_status: string;
  toLabel?: LocalizedText;
  actor_role: string;
  actor_id: string | null;
  reason: Text | null;
  papers: string[];
}

export interface DossierDetail {
  code: string;
  status: number;
  statusLabel: LocalizedText;
  title: Text;
  applicant: string | null;
  procedure: { id: string; version: string };
  due: string | null;
  overdue: boolean;
  receipt: { receivedAt?: string; appointmentDate?: string; fees?: { total: Record<string, number>; complete: boolean; lines: FeeLine[] } };
  review: { title: Text; rows: { field: string; label: Text; value: Text }[] }[];
  documentNames: Record<string, Text>;
  files: DossierFile[];
  history: HistoryItem[];
  steps: { index: number; title: Text; actor: string; done: boolean; state?: 'done' | 'current' | 'pending' | 'skipped' | 'if-needed' }[];
  actions: DeskAction[];
  payment?: Payment;
  /** The submission as received; `delivery` is how the applicant chose to get the result. */
  envelope?: { delivery?: string };
  /** The electronic result last uploaded, if any (older intakes send nothing). */
  result?: UploadedResult | null;
  /** The delivery last recorded, if any. */
  delivery?: DeliveryInput | null;
}

/** A paper stored with the dossier (the papers routes of @thutuc/intake). */
export interface StoredPaper {
  id: string;
  kind: string;
  createdAt?: string;
}

export interface ActionOutcome {
  code: string;
  status: { code: number; label: LocalizedText };
  due: string | null;
  supplementLink?: string;
}

export type DeliveryMethod = 'online' | 'post' | 'in_person';

/** How the result goes to the applicant, as the delivery route takes it. */
export interface DeliveryInput {
  method: DeliveryMethod;
  carrier?: string;
  tracking?: string;
  place?: string;
  /** Vietnam time, `yyyy-mm-ddThh:mm`. */
  appointment?: string;
}

export interface UploadedResult {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** A refusal from the server, with its reason in both languages. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly reason: LocalizedText,
    readonly code?: string,
  ) {
    super(reason.en);
  }
}

const OFFLINE: LocalizedText = { vi: 'Không kết nối được tới máy chủ; hãy thử lại.', en: 'Could not reach the server; try again.' };

/**
 * The officers' API of @thutuc/intake, as the desk calls it: same-origin requests carrying
 * the session cookie, the CSRF token on every POST, and refusals as `ApiError`s.
 */
export class DeskApi {
  csrfToken = '';

  constructor(readonly base: string) {}

  url(path: string): string {
    return `${this.base}${path}`;
  }

  async request<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const method = init.method ?? 'GET';
    const isJson = init.body !== undefined && !(init.body instanceof FormData);
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method, credentials: 'same-origin',
        // A FormData body sets its own multipart boundary, so only JSON gets a Content-Type here.
        headers: { Accept: 'application/json', ...(isJson ? { 'Content-Type': 'application/json' } : {}), ...(method !== 'GET' ? { 'X-CSRF-Token': this.csrfToken } : {}) },
        ...(init.body !== undefined ? { body: isJson ? JSON.stringify(init.body) : (init.body as FormData) } : {}),
      });
    } catch {
      throw new ApiError(0, OFFLINE);
    }
    const json = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: LocalizedText }; reason?: { message?: LocalizedText } } | undefined;
    if (!response.ok) {
      const message = json?.reason?.message ?? json?.error?.message ?? { vi: `Máy chủ trả lời ${response.status}.`, en: `The server answered ${response.status}.` };
      throw new ApiError(response.status, message, json?.error?.code);
    }
    return json as T;
  }

  session(): Promise<Session> {
    return this.request<Session>('/session');
  }

  async signIn(username: string, password: string): Promise<Session> {
    const session = await this.request<Session>('/login', { method: 'POST', body: { username, password } });
    this.csrfToken = session.csrfToken;
    return session;
  }

  signOut(): Promise<unknown> {
    return this.request('/logout', { method: 'POST' });
  }

  inbox(query: URLSearchParams): Promise<InboxPage> {
    return this.request<InboxPage>(`/dossiers?${query}`);
  }

  dossier(code: string): Promise<DossierDetail> {
    return this.request<DossierDetail>(`/dossiers/${encodeURIComponent(code)}`);
  }

  act(code: string, action: string, body: Record<string, unknown>): Promise<ActionOutcome> {
    return this.request<ActionOutcome>(`/dossiers/${encodeURIComponent(code)}/actions/${encodeURIComponent(action)}`, { method: 'POST', body });
  }

  /** An officer at the desk saw a VietQR transfer arrive on the agency's account. */
  confirmTransfer(code: string, reference: string): Promise<{ payment: Payment }> {
    return this.request(`/dossiers/${encodeURIComponent(code)}/payments/confirm`, { method: 'POST', body: reference ? { reference } : {} });
  }

  /** Uploads the electronic result (multipart, one part `result`). */
  uploadResult(code: string, file: File): Promise<UploadedResult> {
    const body = new FormData();
    body.append('result', file, file.name);
    return this.request<UploadedResult>(`/dossiers/${encodeURIComponent(code)}/result`, { method: 'POST', body });
  }

  /** Records how the result goes to the applicant. */
  recordDelivery(code: string, input: DeliveryInput): Promise<{ code: string; delivery: DeliveryInput }> {
    return this.request(`/dossiers/${encodeURIComponent(code)}/delivery`, { method: 'POST', body: input });
  }

  fileUrl(code: string, sha256: string): string {
    return this.url(`/dossiers/${encodeURIComponent(code)}/files/${sha256}`);
  }

  paperUrl(code: string, idOrKind: string): string {
    return this.url(`/dossiers/${encodeURIComponent(code)}/papers/${encodeURIComponent(idOrKind)}`);
  }

  /** The papers stored with the dossier; undefined when the server keeps none (older intake). */
  async papers(code: string): Promise<StoredPaper[] | undefined> {
    try {
      const answer = await this.request<{ papers?: StoredPaper[] } | StoredPaper[]>(`/dossiers/${encodeURIComponent(code)}/papers`);
      return Array.isArray(answer) ? answer : answer.papers;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }
}
