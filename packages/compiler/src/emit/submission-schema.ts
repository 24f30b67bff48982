import type { Document, FormField, Procedure } from '@thutuc/core';

/**
 * Derives the JSON Schema of a procedure's submission payload from its form and documents.
 * What JSON Schema can say unconditionally lives here; visibility, conditional
 * requirements, real dates and check digits are checked by the runtime (checkSubmission).
 */

export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
export const DEFAULT_MAX_SIZE_MB = 10;
export const DEFAULT_MAX_FILES = 5;

/** Formats shared by every form, written as patterns so the validator needs no format plugin. */
export const PATTERNS = {
  date: '^\\d{4}-\\d{2}-\\d{2}$',
  email: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  // Mobile: 0 or +84 then 3/5/7/8/9 and 8 digits; landline: 02x area code, 11 digits in all.
  phone: '^(?:\\+?84|0)(?:[35789]\\d{8}|2\\d{9})$',
  citizenId: '^\\d{12}$',
  taxCode: '^(?:\\d{10}|\\d{12}|\\d{10}-\\d{3})$',
  province: '^\\d{2}$',
  commune: '^\\d{5}$',
  sha256: '^[0-9a-f]{64}$',
} as const;

type Schema = Record<string, unknown>;

function describe(field: FormField): string {
  return field.label.en ? `${field.label.vi} / ${field.label.en}` : field.label.vi;
}

/** A field is required by the schema only when nothing can hide it or relax it. */
function unconditionallyRequired(field: FormField, sectionHidden: boolean): boolean {
  return field.required === true && !field.visibleWhen && !sectionHidden;
}

export function fieldSchema(field: FormField): Schema {
  const base: Schema = { description: describe(field) };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return {
        ...base,
        type: 'string',
        maxLength: field.maxLength ?? (field.type === 'text' ? 500 : 4000),
        ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
        ...(field.pattern !== undefined ? { pattern: field.pattern } : {}),
      };
    case 'number':
      return {
        ...base,
        type: field.integer ? 'integer' : 'number',
        ...(typeof field.min === 'number' ? { minimum: field.min } : {}),
        ...(typeof field.max === 'number' ? { maximum: field.max } : {}),
      };
    case 'date':
      return { ...base, type: 'string', pattern: PATTERNS.date };
    case 'choice':
      return { ...base, type: 'string', enum: (field.options ?? []).map((o) => o.value) };
    case 'multi_choice':
      return {
        ...base,
        type: 'array',
        uniqueItems: true,
        items: { type: 'string', enum: (field.options ?? []).map((o) => o.value) },
        ...(field.minItems !== undefined ? { minItems: field.minItems } : {}),
        ...(field.maxItems !== undefined ? { maxItems: field.maxItems } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'email':
      return { ...base, type: 'string', maxLength: 254, pattern: PATTERNS.email };
    case 'phone':
      return { ...base, type: 'string', pattern: PATTERNS.phone };
    case 'citizen_id':
      return { ...base, type: 'string', pattern: PATTERNS.citizenId };
    case 'tax_code':
      return { ...base, type: 'string', pattern: PATTERNS.taxCode };
    case 'address':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        required: ['province', 'commune', 'street'],
        properties: {
          province: { description: 'Mã tỉnh, thành phố (2 chữ số) / Province code', type: 'string', pattern: PATTERNS.province },
          commune: { description: 'Mã xã, phường, đặc khu (5 chữ số) / Commune code', type: 'string', pattern: PATTERNS.commune },
          street: { description: 'Số nhà, đường, thôn, xóm / Street address', type: 'string', maxLength: 300 },
        },
      };
    case 'group':
      return {
        ...base,
        type: 'array',
        ...(field.minItems !== undefined ? { minItems: field.minItems } : {}),
        maxItems: field.maxItems ?? 50,
        items: objectSchema(field.fields ?? [], false),
      };
  }
}

function objectSchema(fields: readonly FormField[], sectionHidden: boolean): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const field of fields) {
    properties[field.id] = fieldSchema(field);
    if (unconditionallyRequired(field, sectionHidden)) required.push(field.id);
  }
  return { type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties };
}

export interface DocumentLimits {
  accept: string[];
  maxBytes: number;
  maxFiles: number;
}

/** Upload limits of a document: its own, else its document type's, else the defaults. */
export function documentLimits(doc: Document, typeAccept: ReadonlyMap<string, string[]>): DocumentLimits {
  return {
    accept: doc.upload?.accept ?? (doc.type ? typeAccept.get(doc.type) : undefined) ?? DEFAULT_ACCEPT,
    maxBytes: Math.round((doc.upload?.maxSizeMB ?? DEFAULT_MAX_SIZE_MB) * 1024 * 1024),
    maxFiles: doc.upload?.maxFiles ?? DEFAULT_MAX_FILES,
  };
}

/** One uploaded file's description; limits shared by documents become one definition. */
function fileSchema(limits: DocumentLimits): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'type', 'size', 'sha256'],
    properties: {
      name: { description: 'Tên tệp / File name', type: 'string', minLength: 1, maxLength: 255 },
      type: { description: 'Kiểu MIME / MIME type', type: 'string', enum: limits.accept },
      size: { description: 'Dung lượng (byte) / Size in bytes', type: 'integer', minimum: 0, maximum: limits.maxBytes },
      sha256: { description: 'Mã băm SHA-256 (hex) / SHA-256 hash', type: 'string', pattern: PATTERNS.sha256 },
    },
  };
}

export function submissionSchema(p: Procedure, typeAccept: ReadonlyMap<string, string[]>): Schema {
  const required: string[] = [];
  const properties: Record<string, Schema> = {};
  for (const section of p.form.sections) {
    for (const field of section.fields) {
      properties[field.id] = fieldSchema(field);
      if (unconditionallyRequired(field, Boolean(section.visibleWhen))) required.push(field.id);
    }
  }
  // A document id names the same paper in every case that lists it; its limits come from
  // its first mention (the checker makes sure uploads match the chosen case). Documents with
  // the same accepted types and size share one file definition, so the validator stays small.
  const documents: Record<string, Schema> = {};
  const defs: Record<string, Schema> = {};
  const defNames = new Map<string, string>();
  for (const c of p.cases) {
    for (const doc of c.documents) {
      if (doc.presentOnly || documents[doc.id]) continue;
      const limits = documentLimits(doc, typeAccept);
      const key = JSON.stringify([limits.accept, limits.maxBytes]);
      let name = defNames.get(key);
      if (!name) {
        name = `file${defNames.size}`;
        defNames.set(key, name);
        defs[name] = fileSchema(limits);
      }
      documents[doc.id] = {
        description: doc.name.en ? `${doc.name.vi} / ${doc.name.en}` : doc.name.vi,
        type: 'array',
        maxItems: limits.maxFiles,
        items: { $ref: `#/$defs/${name}` },
      };
    }
  }
  // Delivery is asked for only where the procedure declares how results are delivered;
  // otherwise the result is collected at the desk.
  const top: string[] = p.delivery ? ['channel', 'delivery', 'data'] : ['channel', 'data'];
  if (p.cases.length > 1) top.unshift('case');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${p.id}@${p.version}/payload.schema.json`,
    description: `Hồ sơ nộp cho thủ tục ${p.code} ${p.title.vi} (phiên bản ${p.version}) / Submission payload`,
    type: 'object',
    additionalProperties: false,
    required: top,
    properties: {
      case: { description: 'Trường hợp / Case', type: 'string', enum: p.cases.map((c) => c.id) },
      channel: { description: 'Hình thức nộp / Channel', type: 'string', enum: p.channels.map((c) => c.channel) },
      delivery: { description: 'Hình thức nhận kết quả / Result delivery', type: 'string', enum: p.delivery ?? ['in_person'] },
      data: { description: 'Thông tin khai trên biểu mẫu / Form data', type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties },
      documents: { description: 'Tệp đính kèm theo giấy tờ / Uploaded files by document', type: 'object', additionalProperties: false, properties: documents },
    },
    ...(Object.keys(defs).length ? { $defs: defs } : {}),
  };
}
