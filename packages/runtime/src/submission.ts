import type { LocalizedText } from './text.js';
import { filled, isIsoDate, isTaxCode, todayInVietnam } from './helpers.js';
import { isDigits } from './pattern-checks.js';
import type { Text } from './generated/model.js';
import { messageFor } from './messages.js';
import type { CommuneMembership } from './communes.js';

/**
 * Checks a submission beyond what its JSON Schema can say: visibility and conditional
 * requirements from compiled expressions, real calendar dates and date bounds, tax-code
 * check digits, and which documents the chosen case and channel need. The compiler emits
 * the rules as data and the conditions as functions; this code is the same for every
 * procedure, in the browser and on the server.
 */

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
  /** Upload limits, enforced by the schema and shown by forms before a file is added. */
  accept?: string[];
  maxBytes?: number;
  maxFiles?: number;
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
  message: LocalizedText;
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

/**
 * Appends an error to a generated schema check's list, creating the list on the first error,
 * so checking valid data allocates nothing.
 */
export function schemaError(list: SchemaError[] | null, instancePath: string, keyword: string, params: Record<string, unknown>): SchemaError[] {
  const error = { instancePath, keyword, params };
  if (list === null) return [error];
  list.push(error);
  return list;
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

export interface ValidateOptions {
  /** `YYYY-MM-DD` used as today (for ages and deadlines); defaults to today in Vietnam. */
  today?: string;
  /**
   * Commune lookup for address fields, used only when the module was built without the
   * catalogue's codes (the browser chunks leave them out; see bundleBrowserChunks): the form
   * passes what it knows from the province lists it loaded, and the server, whose modules carry
   * the codes, still checks every address against them.
   */
  communes?: CommuneMembership;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Labels of the submission's own choices (not form fields). */
const CHOICE_LABELS: Record<string, Text> = {
  '/delivery': { vi: 'hình thức nhận kết quả', en: 'how to receive the result' },
  '/case': { vi: 'trường hợp của bạn', en: 'your situation' },
  '/channel': { vi: 'hình thức nộp', en: 'how to file' },
};

/** Field types answered by picking rather than typing: their "required" message says "choose". */
const PICKED = new Set(['choice', 'multi_choice', 'boolean']);

function labelAt(rules: SubmissionRules, path: string): { label?: Text; picked?: boolean } {
  if (CHOICE_LABELS[path]) return { label: CHOICE_LABELS[path], picked: true };
  const parts = path.split('/');
  if (parts[1] === 'data') {
    let list: FieldRule[] | undefined = rules.fields;
    let found: FieldRule | undefined;
    for (let i = 2; i < parts.length && list; i++) {
      const rule: FieldRule | undefined = list.find((f) => f.id === parts[i]);
      if (!rule) continue; // array index inside a group
      found = rule;
      list = rule.fields;
    }
    return found ? { label: found.label, picked: PICKED.has(found.type) } : {};
  }
  if (parts[1] === 'documents') return { label: rules.documents.find((d) => d.id === parts[2])?.name };
  return {};
}

/** Where checks report an error: a path into the submission, the rule, its parameters. */
export interface ErrorSink {
  push(path: string, rule: string, params?: Record<string, unknown>): void;
}

/**
 * A procedure's field checks written out by the compiler: what checkFields does with the rules,
 * for that procedure's fields only (see the compiler's rules-code.ts).
 */
export type DataCheck = (d: Record<string, unknown>, ctx: ConditionContext, errors: ErrorSink, communes: CommuneMembership | undefined) => void;

/** Collects errors; allocates nothing until the first one (valid submissions are the common case). */
class Errors implements ErrorSink {
  list: ValidationError[] | undefined;
  private seen: Set<string> | undefined;
  constructor(private readonly rules: SubmissionRules) {}
  push(path: string, rule: string, params?: Record<string, unknown>): void {
    const key = `${path}|${rule}`;
    this.seen ??= new Set();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { label, picked } = labelAt(this.rules, path);
    const kind = rule === 'required' && picked ? 'choose' : rule;
    (this.list ??= []).push({ path, rule, ...(params ? { params } : {}), message: messageFor(kind, params, label) });
  }
}

/** A field rule with its conditions resolved to functions, prepared once per procedure. */
interface PreparedField {
  id: string;
  type: string;
  required: boolean;
  requiredWhen: Condition | undefined;
  visibleWhen: Condition[];
  minDate: string | undefined;
  maxDate: string | undefined;
  fields: PreparedField[] | undefined;
}

interface PreparedDocument {
  id: string;
  required: boolean;
  requiredWhen: Condition | undefined;
  electronicForm: boolean;
  alternatives: string[];
}

function prepareField(f: FieldRule, conditions: Record<string, Condition>): PreparedField {
  return {
    id: f.id,
    type: f.type,
    required: f.required === true,
    requiredWhen: f.requiredWhen ? conditions[f.requiredWhen] : undefined,
    visibleWhen: (f.visibleWhen ?? []).map((key) => conditions[key]!),
    minDate: f.minDate,
    maxDate: f.maxDate,
    fields: f.fields && prepareFields(f.fields, conditions),
  };
}

/** Field types whose filled-in value gets a check of its own below (beyond the schema). */
const CHECKED_TYPES = new Set(['date', 'tax_code', 'address']);

/**
 * Whether checkFields has anything to do for a field: an optional, always visible field of a
 * type the schema checks in full can give no error here. Shared with the compiler, which
 * writes the same checks out as code and must leave out the same fields.
 */
export function fieldNeedsCheck(f: FieldRule): boolean {
  return f.required === true || !!f.requiredWhen || (f.visibleWhen?.length ?? 0) > 0 || CHECKED_TYPES.has(f.type) || f.fields !== undefined;
}

/** The fields checkFields has anything to do for, left out once rather than skipped per call. */
function prepareFields(list: readonly FieldRule[], conditions: Record<string, Condition>): PreparedField[] {
  return list.filter(fieldNeedsCheck).map((f) => prepareField(f, conditions));
}

function checkFields(
  list: PreparedField[],
  values: Record<string, unknown>,
  base: string,
  d: Record<string, unknown>,
  ctx: ConditionContext,
  item: Record<string, unknown> | undefined,
  errors: ErrorSink,
  communes: CommuneMembership | undefined,
): void {
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    const value = values[f.id];
    let visible = true;
    for (let k = 0; k < f.visibleWhen.length; k++) {
      if (!f.visibleWhen[k]!(d, ctx, item)) {
        visible = false;
        break;
      }
    }
    if (!visible) {
      if (filled(value)) errors.push(`${base}/${f.id}`, 'hidden');
      continue;
    }
    if (!filled(value)) {
      if (f.required || (f.requiredWhen !== undefined && f.requiredWhen(d, ctx, item))) errors.push(`${base}/${f.id}`, 'required');
      continue;
    }
    if (f.type === 'date' && typeof value === 'string') {
      if (!isIsoDate(value)) errors.push(`${base}/${f.id}`, 'date');
      else if (f.minDate !== undefined && value < f.minDate) errors.push(`${base}/${f.id}`, 'minimum', { limit: f.minDate });
      else if (f.maxDate !== undefined && value > f.maxDate) errors.push(`${base}/${f.id}`, 'maximum', { limit: f.maxDate });
    } else if (f.type === 'tax_code' && typeof value === 'string') {
      if (!isTaxCode(value)) errors.push(`${base}/${f.id}`, 'checksum');
    } else if (f.type === 'address' && communes !== undefined && isObject(value)) {
      checkAddress(value, `${base}/${f.id}`, communes, errors);
    } else if (f.fields !== undefined && Array.isArray(value)) {
      for (let n = 0; n < value.length; n++) {
        const entry = value[n];
        if (isObject(entry)) checkFields(f.fields, entry, `${base}/${f.id}/${n}`, d, ctx, entry, errors, communes);
      }
    }
  }
}

/** Codes the schema let through (right shape) must name a province and one of its communes. */
export function checkAddress(value: Record<string, unknown>, path: string, communes: CommuneMembership, errors: ErrorSink): void {
  const { province, commune } = value;
  // The usual answer first: when the province is listed and the commune is one of it, none of
  // the checks below can find anything, whatever the codes' shape.
  if (typeof province === 'string' && typeof commune === 'string' && communes.hasProvince(province) && communes.contains(province, commune)) return;
  if (typeof province !== 'string' || !isDigits(province, 2)) return;
  if (!communes.hasProvince(province)) errors.push(`${path}/province`, 'province');
  else if (typeof commune === 'string' && isDigits(commune, 5) && !communes.contains(province, commune)) errors.push(`${path}/commune`, 'commune');
}

/**
 * Whether a document can give a "document" error: not one shown at the desk only, and required
 * always or under a condition. Shared with the compiler, which writes the same check out as code
 * (documents-code.ts) and must leave out the same documents.
 */
export function documentNeedsCheck(doc: DocumentRule): boolean {
  return doc.presentOnly !== true && (doc.required || !!doc.requiredWhen);
}

/** Whether a value is a list with something in it: how a document's files count as given. */
export function hasItems(files: unknown): boolean {
  return Array.isArray(files) && files.length > 0;
}

function hasFiles(documents: Record<string, unknown>, id: string): boolean {
  return hasItems(documents[id]);
}

/**
 * An error sink that only remembers that something failed: a generated validate() passes it
 * to the field checks on its first, collect-nothing pass over a submission.
 */
export class FailureFlag implements ErrorSink {
  failed = false;
  push(): void {
    this.failed = true;
  }
}

/**
 * Builds a procedure's validator from its generated schema check, its rules and its
 * compiled conditions. The rules are prepared once here, so each call does only the checks.
 * Without `checkData`, the fields are checked by a loop over the rules.
 */
export function createValidator<T>(
  schemaValidate: SchemaValidator,
  rules: SubmissionRules,
  conditions: Record<string, Condition>,
  communes?: CommuneMembership,
  checkData?: DataCheck,
): (payload: unknown, options?: ValidateOptions) => ValidationResult<T> {
  if (!checkData) {
    const fields = prepareFields(rules.fields, conditions);
    checkData = (d, ctx, errors, lookup) => checkFields(fields, d, '/data', d, ctx, undefined, errors, lookup);
  }
  return createGeneratedValidator<T>(schemaValidate, rules, conditions, communes, checkData);
}

/**
 * createValidator for a generated module, whose field checks are written out (`checkData`):
 * the loop over rule objects stays out of the browser bundles, which import only this.
 */
export function createGeneratedValidator<T>(
  schemaValidate: SchemaValidator,
  rules: SubmissionRules,
  conditions: Record<string, Condition>,
  communes: CommuneMembership | undefined,
  checkData: DataCheck,
): (payload: unknown, options?: ValidateOptions) => ValidationResult<T> {
  const byCase = new Map<string, { docs: PreparedDocument[]; ids: Set<string> }>();
  for (const c of rules.cases) byCase.set(c, { docs: [], ids: new Set() });
  for (const doc of rules.documents) {
    const prepared: PreparedDocument = {
      id: doc.id,
      required: doc.required,
      requiredWhen: doc.requiredWhen ? conditions[doc.requiredWhen] : undefined,
      electronicForm: doc.electronicForm === true,
      alternatives: doc.alternatives ?? [],
    };
    const checked = documentNeedsCheck(doc);
    for (const c of doc.cases) {
      const entry = byCase.get(c);
      if (!entry) continue;
      if (checked) entry.docs.push(prepared);
      entry.ids.add(doc.id);
    }
  }
  const noDocuments: Record<string, unknown> = {};

  return (payload, options = {}) => {
    const errors = new Errors(rules);
    if (!schemaValidate(payload)) {
      for (const e of schemaValidate.errors ?? []) {
        if (e.keyword === 'required') errors.push(`${e.instancePath}/${String(e.params.missingProperty)}`, 'required');
        else if (e.keyword === 'additionalProperties') errors.push(`${e.instancePath}/${String(e.params.additionalProperty)}`, 'unknown');
        else errors.push(e.instancePath, e.keyword, e.params);
      }
    }
    if (!isObject(payload) || !isObject(payload.data)) return { valid: false, errors: errors.list ?? [] };

    const d = payload.data;
    const ctx: ConditionContext = {
      channel: payload.channel as string | undefined,
      case: (payload.case as string | undefined) ?? rules.cases[0],
      delivery: payload.delivery as string | undefined,
      today: options.today ?? todayInVietnam(),
    };
    const lookup = communes ?? options.communes;
    checkData(d, ctx, errors, lookup);

    const documents = isObject(payload.documents) ? payload.documents : noDocuments;
    const chosen = byCase.get(ctx.case!);
    if (chosen) {
      for (const doc of chosen.docs) {
        // Filing online, the interactive form stands in for the paper declaration.
        if (doc.electronicForm && ctx.channel === 'online') continue;
        if (!doc.required && !doc.requiredWhen!(d, ctx)) continue;
        if (hasFiles(documents, doc.id) || doc.alternatives.some((id) => hasFiles(documents, id))) continue;
        errors.push(`/documents/${doc.id}`, 'document');
      }
    }
    for (const id in documents) {
      if (hasFiles(documents, id) && !chosen?.ids.has(id)) errors.push(`/documents/${id}`, 'unexpected');
    }

    return errors.list === undefined ? { valid: true, errors: [], value: payload as T } : { valid: false, errors: errors.list };
  };
}

/** One-off check (prepares the rules on every call; generated modules use createValidator). */
export function checkSubmission<T>(
  payload: unknown,
  schemaValidate: SchemaValidator,
  rules: SubmissionRules,
  conditions: Record<string, Condition>,
  options: ValidateOptions = {},
): ValidationResult<T> {
  return createValidator<T>(schemaValidate, rules, conditions)(payload, options);
}
