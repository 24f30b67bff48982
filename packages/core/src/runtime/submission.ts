import { filled, isIsoDate, isTaxCode, todayInVietnam } from './helpers.js';
import { messageFor } from './messages.js';

/**
 * Checks a submission beyond what its JSON Schema can say: visibility and conditional
 * requirements from compiled expressions, real calendar dates and date bounds, tax-code
 * check digits, and which documents the chosen case and channel need. The compiler emits
 * the rules as data and the conditions as functions; this code is the same for every
 * procedure, in the browser and on the server.
 */

export interface Text {
  vi: string;
  en?: string;
}

export type Condition = (d: Record<string, unknown>, c: ConditionContext, it?: Record<string, unknown>) => unknown;

export interface ConditionContext {
  channel?: string;
  case?: string;
  delivery?: string;
  /** `YYYY-MM-DD`; defaults to today in Vietnam. */
  today: string;
}

export interface FieldRule {
  id: string;
  type: string;
  label: Text;
  required?: boolean;
  /** Keys into the conditions table. */
  requiredWhen?: string;
  visibleWhen?: string[];
  minDate?: string;
  maxDate?: string;
  fields?: FieldRule[];
}

export interface DocumentRule {
  id: string;
  name: Text;
  cases: string[];
  required: boolean;
  requiredWhen?: string;
  presentOnly?: boolean;
  electronicForm?: boolean;
  alternatives?: string[];
}

export interface SubmissionRules {
  cases: string[];
  fields: FieldRule[];
  documents: DocumentRule[];
}

export interface ValidationError {
  /** JSON Pointer into the submission, e.g. `/data/ho_ten`. */
  path: string;
  /** The rule that failed: required, type, pattern, enum, hidden, date, checksum, document… */
  rule: string;
  params?: Record<string, unknown>;
  message: { vi: string; en: string };
}

export interface ValidationResult<T = unknown> {
  valid: boolean;
  errors: ValidationError[];
  /** The submission, typed, when valid. */
  value?: T;
}

export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

export interface ValidateOptions {
  /** `YYYY-MM-DD` used as today (for ages and deadlines); defaults to today in Vietnam. */
  today?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function labelAt(rules: SubmissionRules, path: string): Text | undefined {
  const parts = path.split('/');
  if (parts[1] === 'data') {
    let list: FieldRule[] | undefined = rules.fields;
    let label: Text | undefined;
    for (let i = 2; i < parts.length && list; i++) {
      const rule: FieldRule | undefined = list.find((f) => f.id === parts[i]);
      if (!rule) continue; // array index inside a group
      label = rule.label;
      list = rule.fields;
    }
    return label;
  }
  if (parts[1] === 'documents') return rules.documents.find((d) => d.id === parts[2])?.name;
  return undefined;
}

export function checkSubmission<T>(
  payload: unknown,
  schemaValidate: SchemaValidator,
  rules: SubmissionRules,
  conditions: Record<string, Condition>,
  options: ValidateOptions = {},
): ValidationResult<T> {
  const errors: ValidationError[] = [];
  const seen = new Set<string>();
  const push = (path: string, rule: string, params?: Record<string, unknown>) => {
    const key = `${path}|${rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ path, rule, ...(params ? { params } : {}), message: messageFor(rule, params, labelAt(rules, path)) });
  };

  if (!schemaValidate(payload)) {
    for (const e of schemaValidate.errors ?? []) {
      if (e.keyword === 'required') {
        push(`${e.instancePath}/${String(e.params.missingProperty)}`, 'required');
      } else if (e.keyword === 'additionalProperties') {
        push(`${e.instancePath}/${String(e.params.additionalProperty)}`, 'unknown');
      } else {
        push(e.instancePath, e.keyword, e.params);
      }
    }
  }
  if (!isObject(payload) || !isObject(payload.data)) return { valid: false, errors };

  const d = payload.data;
  const ctx: ConditionContext = {
    channel: payload.channel as string | undefined,
    case: (payload.case as string | undefined) ?? rules.cases[0],
    delivery: payload.delivery as string | undefined,
    today: options.today ?? todayInVietnam(),
  };

  const checkFields = (list: FieldRule[], values: Record<string, unknown>, base: string, item?: Record<string, unknown>) => {
    for (const f of list) {
      const path = `${base}/${f.id}`;
      const value = values[f.id];
      const visible = (f.visibleWhen ?? []).every((key) => Boolean(conditions[key]!(d, ctx, item)));
      if (!visible) {
        if (filled(value)) push(path, 'hidden');
        continue;
      }
      const required = f.required || (f.requiredWhen !== undefined && Boolean(conditions[f.requiredWhen]!(d, ctx, item)));
      if (!filled(value)) {
        if (required) push(path, 'required');
        continue;
      }
      if (f.type === 'date' && typeof value === 'string') {
        if (!isIsoDate(value)) push(path, 'date');
        else if (f.minDate && value < f.minDate) push(path, 'minimum', { limit: f.minDate });
        else if (f.maxDate && value > f.maxDate) push(path, 'maximum', { limit: f.maxDate });
      }
      if (f.type === 'tax_code' && typeof value === 'string' && !isTaxCode(value)) push(path, 'checksum');
      if (f.type === 'group' && Array.isArray(value) && f.fields) {
        value.forEach((entry, i) => {
          if (isObject(entry)) checkFields(f.fields!, entry, `${path}/${i}`, entry);
        });
      }
    }
  };
  checkFields(rules.fields, d, '/data');

  const documents = isObject(payload.documents) ? payload.documents : {};
  const hasFiles = (id: string) => Array.isArray(documents[id]) && (documents[id] as unknown[]).length > 0;
  const inCase = rules.documents.filter((doc) => doc.cases.includes(ctx.case!));
  for (const doc of inCase) {
    if (doc.presentOnly) continue;
    // Filing online, the interactive form stands in for the paper declaration.
    if (doc.electronicForm && ctx.channel === 'online') continue;
    const required = doc.required || (doc.requiredWhen !== undefined && Boolean(conditions[doc.requiredWhen]!(d, ctx)));
    if (!required) continue;
    if (hasFiles(doc.id) || (doc.alternatives ?? []).some(hasFiles)) continue;
    push(`/documents/${doc.id}`, 'document');
  }
  for (const id of Object.keys(documents)) {
    if (hasFiles(id) && !inCase.some((doc) => doc.id === id)) push(`/documents/${id}`, 'unexpected');
  }

  return errors.length === 0 ? { valid: true, errors, value: payload as T } : { valid: false, errors };
}
