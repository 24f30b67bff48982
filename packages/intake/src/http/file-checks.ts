import type { DocumentRule } from '@thutuc/runtime';
import { refuse } from './reasons.js';

/** A file as the envelope describes it. */
export interface DeclaredFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** Names that could mean something to a file system or a terminal are refused outright. */
const UNSAFE_NAME = /[/\\\u0000-\u001f\u007f]|^\.\.?$|\.\./;

/** Whether a file name is safe to store and to offer back in a Content-Disposition header. */
export const isSafeFileName = (name: string): boolean => name.length > 0 && name.length <= 255 && !UNSAFE_NAME.test(name);

/** The part name of a declared file, as <thutuc-form> sends it. */
export const partName = (documentId: string, index: number): string => `documents/${documentId}/${index}`;

/**
 * Checks what the envelope declares against the procedure's upload limits before any file
 * byte is read: too many files or too large → 413, a type the document does not accept → 415,
 * a name with path separators or `..` → 400.
 */
export function checkDeclaredFiles(documents: Record<string, DeclaredFile[]>, rules: readonly DocumentRule[], maxFiles: number, maxBodyBytes: number): Map<string, { meta: DeclaredFile; documentId: string; index: number; maxBytes: number }> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const expected = new Map<string, { meta: DeclaredFile; documentId: string; index: number; maxBytes: number }>();
  let total = 0;
  for (const [documentId, list] of Object.entries(documents)) {
    const rule = byId.get(documentId);
    if (rule?.maxFiles !== undefined && list.length > rule.maxFiles) throw refuse('too-many-files', {}, documentId);
    list.forEach((meta, index) => {
      if (UNSAFE_NAME.test(meta.name)) throw refuse('bad-file-name', {}, JSON.stringify(meta.name));
      if (rule?.maxBytes !== undefined && meta.size > rule.maxBytes) throw refuse('file-too-large', { maxBytes: rule.maxBytes }, meta.name);
      if (rule?.accept && !rule.accept.includes(meta.type)) throw refuse('file-type', { accept: rule.accept }, meta.name);
      total += meta.size;
      expected.set(partName(documentId, index), { meta, documentId, index, maxBytes: rule?.maxBytes ?? maxBodyBytes });
    });
  }
  if (expected.size > maxFiles) throw refuse('too-many-files');
  if (total > maxBodyBytes) throw refuse('body-too-large');
  return expected;
}

/** Leading bytes of the types whose content is easy to recognise. */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
};

/** Whether the file's first bytes fit its declared type (types we cannot recognise pass). */
export function contentFitsType(head: Buffer, type: string): boolean {
  const signatures = SIGNATURES[type];
  if (!signatures) return true;
  return signatures.some((sig) => sig.every((byte, i) => head[i] === byte));
}
