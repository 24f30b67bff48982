import { ThutucError } from '@thutuc/runtime';
/**
 * Reading a portal export: which of the two known shapes each record has, and where the
 * records are inside whatever wraps them. Everything in the input is untrusted, so the
 * shapes are loose records and the mappers check every value they use.
 */

/** A record as JSON gives it: any property may be missing or of another type. */
export type Loose = Record<string, unknown>;

/**
 * `detail`: the API's procedure detail (get-formality-by-citizen), English keys such as
 * `executionMethods`. `summary`: a scraped digest with Vietnamese keys (`ma_so`, `cach_thuc_nop`…).
 */
export type PortalShape = 'detail' | 'summary';

export interface PortalRecord {
  shape: PortalShape;
  data: Loose;
  /** Position in the file's list of records (0 when the file holds one record). */
  index: number;
  /** The page address, when the wrapper gives it beside the record. */
  sourceUrl?: string;
}

export interface PortalFile {
  records: PortalRecord[];
  /** When the wrapper says the data was captured (ISO text), if it says. */
  extractedAt?: string;
  /** Elements of the list that are not procedure records, by position. */
  skipped: number[];
}

/** Bad input: shown to the user as one line in Vietnamese or English, never as a stack trace. */
/** A file or record the importer cannot read, said in both languages. */
export class PortalImportError extends ThutucError {
  override name = 'PortalImportError';
  constructor(vi: string, en: string) {
    super({ vi, en });
  }
}

export function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeOf(value: unknown): PortalShape | undefined {
  if (!isObject(value)) return undefined;
  const has = (k: string) => Object.hasOwn(value, k);
  if (has('code') && has('name') && (has('executionMethods') || has('executionCases') || has('legalBasisesDetails'))) return 'detail';
  if (has('ma_so') && has('ten')) return 'summary';
  return undefined;
}

/** A record, or a search hit carrying it: `{ searchItem, detail, sourceUrl }`, `{ data: … }`. */
function unwrap(value: unknown, index: number): PortalRecord | undefined {
  const shape = shapeOf(value);
  if (shape) return { shape, data: value as Loose, index };
  if (!isObject(value)) return undefined;
  for (const key of ['detail', 'data', 'result']) {
    const inner = value[key];
    const innerShape = shapeOf(inner);
    if (innerShape) {
      const url = typeof value.sourceUrl === 'string' ? value.sourceUrl : undefined;
      return { shape: innerShape, data: inner as Loose, index, ...(url ? { sourceUrl: url } : {}) };
    }
  }
  return undefined;
}

function capturedAt(wrapper: Loose): string | undefined {
  const meta = isObject(wrapper.metadata) ? wrapper.metadata : {};
  for (const v of [wrapper.extractedAt, wrapper.extracted_at, meta.extractedAt, meta.extracted_at]) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v;
  }
  return undefined;
}

const NOT_RECOGNISED = new PortalImportError(
  'Không nhận ra bản ghi thủ tục nào: cần bản ghi chi tiết của Cổng DVCQG (có code, name, executionMethods…) hoặc bản tóm tắt (ma_so, ten, cach_thuc_nop…), một mình hoặc trong một mảng hay đối tượng bọc ngoài.',
  'No procedure record found: expected a national portal detail record (code, name, executionMethods…) or a summary record (ma_so, ten, cach_thuc_nop…), alone or inside an array or wrapper object.',
);

/** Parses the file's text and finds its records; throws PortalImportError for anything else. */
export function readPortalJson(text: string): PortalFile {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new PortalImportError('Tệp rỗng, không có dữ liệu JSON.', 'The file is empty: no JSON data.');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message;
    throw new PortalImportError(`Tệp không phải JSON hợp lệ (${reason}).`, `The file is not valid JSON (${reason}).`);
  }
  const single = unwrap(value, 0);
  if (single) return { records: [single], skipped: [], ...withDate(isObject(value) ? capturedAt(value) : undefined) };

  // A list, or a wrapper object holding one: take the first array that holds records.
  const lists = Array.isArray(value) ? [value] : isObject(value) ? Object.values(value).filter(Array.isArray) : [];
  for (const list of lists) {
    const records: PortalRecord[] = [];
    const skipped: number[] = [];
    list.forEach((item, i) => {
      const record = unwrap(item, i);
      if (record) records.push(record);
      else skipped.push(i);
    });
    if (records.length) return { records, skipped, ...withDate(isObject(value) ? capturedAt(value) : undefined) };
  }
  throw NOT_RECOGNISED;
}

function withDate(extractedAt: string | undefined): { extractedAt?: string } {
  return extractedAt ? { extractedAt } : {};
}
