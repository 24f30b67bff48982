import type { ErrorObject } from 'ajv/dist/2020.js';
import type { LocalizedText } from '../diagnostics/diagnostic.js';

/**
 * Keywords of the schemas that validation does not act on but editors read: notes per value,
 * insert templates, Markdown help, and the schema's own wording of a mistake. Strict mode
 * would refuse them otherwise.
 */
export const ANNOTATION_KEYWORDS = ['markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'defaultSnippets', 'errorMessage'];

/**
 * The failures yaml-language-server words with a schema's `errorMessage` (a plain string, on
 * the schema that holds the failing keyword). `thutuc validate` uses the same text for the
 * same failures, so the officer reads one message in the editor and in the terminal.
 */
const WORDED_BY_SCHEMA = new Set(['type', 'enum', 'const', 'pattern', 'format', 'required', 'additionalProperties']);

/** The schema's own message for this failure, split "vi\n\nen" into its two languages. */
export function schemaMessage(error: ErrorObject): LocalizedText | undefined {
  if (!WORDED_BY_SCHEMA.has(error.keyword)) return undefined;
  const text = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  if (typeof text !== 'string') return undefined;
  const at = text.lastIndexOf('\n\n');
  return at < 0 ? { vi: text, en: text } : { vi: text.slice(0, at), en: text.slice(at + 2) };
}

/** `lead` + the schema's message + `tail`, in each language. */
export function around(lead: LocalizedText, message: LocalizedText, tail: LocalizedText = { vi: '', en: '' }): LocalizedText {
  return { vi: `${lead.vi}${message.vi}${tail.vi}`, en: `${lead.en}${message.en}${tail.en}` };
}
