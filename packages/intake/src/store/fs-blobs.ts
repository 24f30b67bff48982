import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobTooLargeError, SHA256, stagingName, type BlobStore, type StagedBlob, type StageLimits, type SweepResult } from './blobs.js';

interface FsStaged extends StagedBlob {
  readonly temp: string;
}

const HEAD_BYTES = 16;
const WRITE_BATCH = 512 * 1024;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Blobs under `<root>/<aa>/<bb>/<sha256>`, staged in `<root>/staging/`. */
export class FsBlobStore implements BlobStore {
  private readonly staging: string;
  /** Created once per process (and again if it is removed meanwhile). */
  private stagingReady: Promise<unknown> | undefined;
  constructor(private readonly root: string) {
    this.staging = path.join(root, 'staging');
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError(`not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async stage(source: Readable | AsyncIterable<Buffer>, limits: StageLimits): Promise<StagedBlob> {
    this.stagingReady ??= mkdir(this.staging, { recursive: true });
    await this.stagingReady;
    const temp = path.join(this.staging, stagingName());
    const handle = await open(temp, 'wx').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(this.staging, { recursive: true });
      return open(temp, 'wx');
    });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    // Multipart parsers hand over small chunks; writing them in batches saves system calls.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pending.length) await handle.writev(pending);
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const chunk of source) {
        const bytes = chunk as Buffer;
        size += bytes.length;
        if (size > limits.maxBytes) throw new BlobTooLargeError(`more than ${limits.maxBytes} bytes`);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
        hash.update(bytes);
        pending.push(bytes);
        pendingBytes += bytes.length;
        if (pendingBytes >= WRITE_BATCH) await flush();
      }
      await flush();
      await handle.sync();
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const staged: FsStaged = { sha256: hash.digest('hex'), size, head, temp };
    return staged;
  }

  /**
   * Moves the staged file to its hash's name. Same bytes under the same name, so a blob that
   * is already there is simply replaced; the folder is created only when the rename says it is
   * missing (65,536 of them, most made by the first files). The rename is durable only once
   * the folder holding the new name is synced.
   */
  async commit(blob: StagedBlob): Promise<void> {
    const { temp, sha256 } = blob as FsStaged;
    const final = this.pathOf(sha256);
    const dir = path.dirname(final);
    await rename(temp, final).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await rename(temp, final);
    });
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  async discard(blob: StagedBlob): Promise<void> {
    await unlink((blob as FsStaged).temp).catch(() => undefined);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then((s) => s.isFile(), () => false);
  }

  async read(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return createReadStream(this.pathOf(sha256));
  }

  async sweep(referenced: (sha256s: string[]) => Promise<Set<string>>, graceMs: number): Promise<SweepResult> {
    let staged = 0;
    let orphans = 0;
    for (const name of await readdir(this.staging).catch(() => [] as string[])) {
      const pid = Number(name.split('.')[0]);
      if (pid === process.pid || processAlive(pid)) continue;
      await unlink(path.join(this.staging, name)).catch(() => undefined);
      staged++;
    }
    const cutoff = Date.now() - graceMs;
    const candidates: string[] = [];
    for (const a of await readdir(this.root).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await readdir(path.join(this.root, a)).catch(() => [] as string[])) {
        for (const name of await readdir(path.join(this.root, a, b)).catch(() => [] as string[])) {
          if (!SHA256.test(name)) continue;
          const info = await stat(path.join(this.root, a, b, name)).catch(() => undefined);
          if (info && info.mtimeMs < cutoff) candidates.push(name);
        }
      }
    }
    for (let i = 0; i < candidates.length; i += 500) {
      const batch = candidates.slice(i, i + 500);
      const keep = await referenced(batch);
      for (const sha of batch) {
        if (keep.has(sha)) continue;
        await unlink(this.pathOf(sha)).catch(() => undefined);
        orphans++;
      }
    }
    return { staged, orphans };
  }
}
