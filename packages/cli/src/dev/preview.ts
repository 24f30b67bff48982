import {
  computeDeadline,
  dateTimeText,
  feeAmountText,
  processingTimeText,
  type LocalizedText,
  type WorkingCalendar,
} from '@thutuc/runtime';
import type { FormField, Procedure, Text } from '@thutuc/runtime/model';

/**
 * What the preview page shows of one procedure, as plain data: the page only puts these texts
 * into the DOM (textContent), so nothing from the YAML is ever read as HTML or code.
 */
export interface ProcedurePreview {
  id: string;
  version: string;
  code: string;
  file: string;
  title: LocalizedText;
  effectiveDate?: string;
  /** Every step of the form as the applicant meets it: one per section, then the documents. */
  steps: { title: LocalizedText; items: PreviewItem[] }[];
  /** Fee lines per channel, with the amount as the receipt prints it. */
  fees: { channel: string; lines: { label: LocalizedText; amount: LocalizedText; when?: string }[] }[];
  /** Time limit per channel and the appointment for a dossier received on the sample date. */
  deadlines: { channel: string; timeLimit: LocalizedText; due: LocalizedText }[];
}

export interface PreviewItem {
  label: LocalizedText;
  /** Field type or `document`. */
  kind: string;
  need: 'required' | 'conditional' | 'optional';
  /** The condition, as written in the YAML. */
  when?: string;
  options?: LocalizedText[];
}

const text = (t: Text | undefined): LocalizedText => ({ vi: t?.vi ?? '', en: t?.en ?? t?.vi ?? '' });

function fieldItem(f: FormField): PreviewItem {
  const need = f.required === true ? 'required' : f.requiredWhen ? 'conditional' : 'optional';
  const when = f.requiredWhen ?? f.visibleWhen;
  return {
    label: text(f.label),
    kind: f.type,
    need,
    ...(when ? { when } : {}),
    ...(f.options?.length ? { options: f.options.map((o) => text(o.label)) } : {}),
  };
}

/** The sample dossier is received at 09:00 on `sampleDate` (Vietnam time). */
export function previewProcedure(p: Procedure, file: string, calendar: WorkingCalendar, sampleDate: string): ProcedurePreview {
  const sections = p.form.sections.map((s) => ({ title: text(s.title), items: s.fields.map(fieldItem) }));
  const documents = p.cases.flatMap((c) =>
    c.documents.map((d): PreviewItem => {
      const need = d.required === false ? (d.requiredWhen ? 'conditional' : 'optional') : 'required';
      const name = p.cases.length > 1 ? { vi: `${d.name.vi} (${c.name.vi})`, en: `${d.name.en ?? d.name.vi} (${c.name.en ?? c.name.vi})` } : text(d.name);
      return { label: name, kind: 'document', need, ...(d.requiredWhen ? { when: d.requiredWhen } : {}) };
    }),
  );
  const steps = [...sections, { title: { vi: 'Giấy tờ kèm theo', en: 'Documents' }, items: documents }];
  const fees = p.channels.map((c) => ({
    channel: c.channel,
    lines: c.fees.map((f) => ({ label: text(f.label), amount: feeAmountText(f), ...(f.when ? { when: f.when } : {}) })),
  }));
  const deadlines = p.channels.map((c) => {
    const result = computeDeadline(`${sampleDate}T09:00`, c.processingTime, calendar);
    const due = result.ok ? dateTimeText(result.deadline.dueDate, result.deadline.due.slice(11, 16)) : result.error;
    return { channel: c.channel, timeLimit: processingTimeText(c.processingTime), due };
  });
  return {
    id: p.id,
    version: p.version,
    code: p.code,
    file,
    title: text(p.title),
    ...(typeof p.effectiveDate === 'string' ? { effectiveDate: p.effectiveDate } : {}),
    steps,
    fees,
    deadlines,
  };
}
