import type { Document, FormField, Procedure } from '@thutuc/runtime/model';
import type { PaperDesk, PaperDossier, PaperOptions } from './model.js';
import { copyRequirementText, parseVietnamTime } from '@thutuc/runtime';
import { formOf, type FormKind } from './forms.js';
import { formReader, placeAndDate, shortDate } from './text.js';

/** Context parts every paper shares: page, header, applicant, procedure, documents. */

export interface PageSpec {
  size: 'A5' | 'A4' | 'A4 landscape';
  /** CSS margins: top right bottom left. */
  margin: string;
  /** The sheet on screen, so a preview looks like the printout. */
  width: string;
  height: string;
}

/** Mẫu 01–05 print on A5, as Circular 01/2018/TT-VPCP's notices did (unverified for 03/2025). */
export const A5: PageSpec = { size: 'A5', margin: '8mm 10mm 8mm 15mm', width: '148mm', height: '210mm' };
/** Declarations and Mẫu 06 print on A4 with the margins of Decree 30/2020/NĐ-CP (Appendix I). */
export const A4: PageSpec = { size: 'A4', margin: '20mm 15mm 20mm 30mm', width: '210mm', height: '297mm' };
/** Mẫu 07, the register: its thirteen columns need the long side. */
export const A4_LANDSCAPE: PageSpec = { size: 'A4 landscape', margin: '12mm 12mm 12mm 15mm', width: '297mm', height: '210mm' };

export const DEFAULT_UNIT = 'Bộ phận Tiếp nhận và Trả kết quả';

export const CHANNELS: Record<string, string> = {
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính công ích',
  in_person: 'Trực tiếp',
};

/** Uppercase as letterheads print names: "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH". */
const upper = (s: string | undefined) => (s?.trim() ? s.trim().toLocaleUpperCase('vi') : null);

/** Letterhead: governing body, then (bold) the issuing unit; `number` for papers that have "Số:". */
export function headerOf(desk: PaperDesk, issuedAt: string) {
  return { parent: upper(desk.parent), unit: upper(desk.unit ?? DEFAULT_UNIT), number: null as string | null, placeDate: placeAndDate(desk.place, issuedAt) };
}

/** The desk's own name in running text: "Bộ phận Tiếp nhận và Trả kết quả". */
export const unitName = (desk: PaperDesk) => desk.unit ?? DEFAULT_UNIT;

export function procedureOf(p: Procedure) {
  return { name: p.title.vi, code: p.code };
}

/**
 * The applicant from the form: the field prefilled with the citizen's name (else the first
 * `ho_ten…` field), and the first identification number, address, phone and e-mail fields.
 * When no identification number was given, the other identity document stands in.
 */
export function applicantOf(d: PaperDossier) {
  const fields = d.procedure.form.sections.flatMap((s) => s.fields);
  const read = formReader(d.procedure, d.submission.data ?? {}, d.places);
  const first = (test: (f: FormField) => boolean) => {
    for (const f of fields.filter(test)) {
      const text = read.text(f.id);
      if (text) return text;
    }
    return null;
  };
  const name = first((f) => f.prefill === 'citizen.fullName') ?? first((f) => f.type === 'text' && f.id.startsWith('ho_ten'));
  const idNumber = first((f) => f.type === 'citizen_id');
  const otherId = idNumber ? null : first((f) => f.id.startsWith('giay_to_tuy_than'));
  return {
    name,
    idLabel: otherId ? 'Giấy tờ tùy thân' : 'Số định danh cá nhân',
    idNumber: idNumber ?? otherId,
    address: first((f) => f.type === 'address'),
    phone: first((f) => f.type === 'phone'),
    email: first((f) => f.type === 'email'),
  };
}

/** The documents of the submission's case (the first case when none is chosen). */
export function caseDocuments(d: PaperDossier): Document[] {
  const cases = d.procedure.cases;
  return (cases.find((c) => c.id === d.submission.case) ?? cases[0])?.documents ?? [];
}

/**
 * How a paper names a document: its form's name when it is a form (short and exact),
 * otherwise the first clause of its name — the receipt says what was received, not the
 * conditions the catalogue attaches to it.
 */
export function documentName(doc: Document): string {
  if (doc.template?.name?.vi) return doc.template.name.vi;
  const text = doc.name.vi.trim();
  const cut = text.search(/;|\.\s/);
  return cut > 0 ? text.slice(0, cut) : text.replace(/\.$/, '');
}

export function documentRow(doc: Document, no: number) {
  // The kind of copy and any translation asked for: an officer checks them at the counter.
  return { no, id: doc.id, name: documentName(doc), originals: doc.originals ?? 1, copies: doc.copies ?? 0, copyNote: copyRequirementText(doc)?.vi ?? null };
}

/**
 * The part Mẫu 01–05 share: the form's number and citation, the header, the dossier code,
 * who filed what, and the reason an officer gave (supplement request, refusal, apology, stop).
 */
export function noticeBase(d: PaperDossier, options: PaperOptions, kind: FormKind) {
  const form = formOf(kind);
  return {
    page: A5,
    form,
    title: form.name,
    header: headerOf(d.desk, options.issuedAt ?? d.receipt.receivedAt),
    unitName: unitName(d.desk),
    deskName: d.desk.parent.trim() || null,
    code: d.receipt.dossierCode,
    applicant: applicantOf(d),
    procedure: procedureOf(d.procedure),
    reason: options.reason?.trim() || null,
    officer: d.desk.officer ?? null,
  };
}

/**
 * Mẫu 04 and 05 are letters of the body handling the dossier (the desk's governing body),
 * not of the desk: its name heads the letter, with a number to fill in, and it signs.
 */
export function agencyLetter(d: PaperDossier, options: PaperOptions, kind: 'apology' | 'stop') {
  const base = noticeBase(d, options, kind);
  const received = parseVietnamTime(d.receipt.receivedAt);
  return {
    ...base,
    header: { ...base.header, parent: null, unit: base.header.parent, number: '……/……' },
    agency: d.desk.parent.trim() || null,
    receivedOn: received ? shortDate(received.date) : null,
  };
}
