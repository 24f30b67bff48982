import type { Multipart } from '@fastify/multipart';
import { BlobTooLargeError, type StagedBlob } from '../store/blobs.js';
import type { IntakeContext } from './context.js';
import { contentFitsType, type DeclaredFile } from './file-checks.js';
import { refuse } from './reasons.js';

export type ExpectedFiles = Map<string, { meta: DeclaredFile; documentId: string; index: number; maxBytes: number }>;

export async function nextPart(iterator: AsyncIterator<Multipart>): Promise<Multipart | undefined> {
  const r = await iterator.next();
  return r.done ? undefined : r.value;
}

/**
 * Streams the remaining parts into the blob store's staging area. Every declared file must
 * arrive, byte for byte (size, SHA-256, a type its first bytes agree with); nothing undeclared
 * may come along. Staged blobs are pushed to `staged` at once so the caller can discard them
 * whatever happens.
 */
export async function receiveFiles(iterator: AsyncIterator<Multipart>, expected: ExpectedFiles, ctx: IntakeContext, staged: StagedBlob[]): Promise<Map<string, StagedBlob>> {
  const received = new Map<string, StagedBlob>();
  let total = 0;
  for (let part = await nextPart(iterator); part; part = await nextPart(iterator)) {
    const slot = expected.get(part.fieldname);
    if (!slot || part.type !== 'file') throw refuse('file-undeclared', {}, JSON.stringify(part.fieldname));
    if (received.has(part.fieldname)) throw refuse('file-duplicate', {}, slot.meta.name);
    if (part.mimetype !== slot.meta.type) throw refuse('file-type', {}, slot.meta.name);
    let blob: StagedBlob;
    try {
      blob = await ctx.blobs.stage(part.file, { maxBytes: Math.min(slot.maxBytes, slot.meta.size) });
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw refuse(slot.meta.size >= slot.maxBytes ? 'file-too-large' : 'file-mismatch', {}, slot.meta.name);
      throw error;
    }
    staged.push(blob);
    if (part.file.truncated) throw refuse('file-too-large', {}, slot.meta.name);
    total += blob.size;
    if (total > ctx.limits.maxBodyBytes) throw refuse('body-too-large');
    if (blob.size !== slot.meta.size || blob.sha256 !== slot.meta.sha256) throw refuse('file-mismatch', {}, slot.meta.name);
    if (!contentFitsType(blob.head, slot.meta.type)) throw refuse('file-type', {}, slot.meta.name);
    received.set(part.fieldname, blob);
  }
  for (const [name, slot] of expected) if (!received.has(name)) throw refuse('file-missing', {}, slot.meta.name);
  return received;
}

/** A small JSON part (the envelope, a supplement's description), read with a size limit. */
export async function readJsonPart(part: Multipart, max: number): Promise<unknown> {
  let text: string;
  if (part.type === 'file') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file) {
      size += (chunk as Buffer).length;
      if (size > max) throw refuse('envelope-too-large');
      chunks.push(chunk as Buffer);
    }
    if (part.file.truncated) throw refuse('envelope-too-large');
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    if (part.valueTruncated) throw refuse('envelope-too-large');
    text = String(part.value);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw refuse('envelope-json');
  }
}
