import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where dossier files live: content-addressed by SHA-256, so one file is stored once however
 * many dossiers carry it. A file is first staged (streamed to a temporary place, hashed on the
 * way, made durable), then committed under its hash; the dossier row that names it is written
 * only after the commit. A crash leaves at most staged or unreferenced files, which `sweep`
 * removes at start. The file-system store is one implementation; an S3-compatible one would
 * stage with a multipart upload and commit with a copy to the hash key.
 */
export interface StagedBlob {
  readonly sha256: string;
  readonly size: number;
  /** The first bytes, for checking a file's real type against the declared one. */
  readonly head: Buffer;
}

export interface StageLimits {
  /** The stream is abandoned with `BlobTooLargeError` past this many bytes. */
  maxBytes: number;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

export interface SweepResult {
  staged: number;
  orphans: number;
}

export interface BlobStore {
  stage(source: Readable | AsyncIterable<Buffer>, limits: StageLimits): Promise<StagedBlob>;
  commit(blob: StagedBlob): Promise<void>;
  discard(blob: StagedBlob): Promise<void>;
  read(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /**
   * Removes staged files of processes that are gone, and committed files older than
   * `graceMs` that `referenced` does not claim (a crash between commit and the row).
   */
  sweep(referenced: (sha256s: string[]) => Promise<Set<string>>, graceMs: number): Promise<SweepResult>;
}

export const SHA256 = /^[0-9a-f]{64}$/;

/** A name for a staged file that says which process wrote it. */
export function stagingName(): string {
  return `${process.pid}.${randomBytes(12).toString('hex')}`;
}
