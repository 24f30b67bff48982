import type { DocumentRule } from '@thutuc/runtime';
import type { Strings } from '../i18n.js';
import type { AttachedFile } from '../types.js';

/** SHA-256 of a file's bytes as lower-case hex (the envelope carries it; the server checks it). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Adds files to a document's list, refusing (with a message per file) what the rules would
 * reject anyway: wrong type, too large, too many. Checked before anything is uploaded.
 */
export async function addFiles(rule: DocumentRule, current: readonly AttachedFile[], picked: readonly File[], s: Strings): Promise<{ files: AttachedFile[]; problems: string[] }> {
  const files = [...current];
  const problems: string[] = [];
  const maxFiles = rule.maxFiles ?? 5;
  const maxBytes = rule.maxBytes ?? 10 * 1024 * 1024;
  for (const file of picked) {
    if (rule.accept && !rule.accept.includes(file.type)) problems.push(s.fileWrongType(file.name));
    else if (file.size > maxBytes) problems.push(s.fileTooBig(file.name, Math.round(maxBytes / 1024 / 1024)));
    else if (files.length >= maxFiles) problems.push(s.tooManyFiles(maxFiles));
    else files.push({ file, name: file.name, type: file.type, size: file.size, sha256: await sha256Hex(file) });
  }
  return { files, problems };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
