import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import type { EmittedFiles } from './emit/procedure.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where an emit cache lives and which compiler code it belongs to. */
export interface EmitCacheLocation {
  dir: string;
  stamp: string;
}

/**
 * What one procedure emitted, kept on disk between builds and found again by the hash of
 * everything the output depends on: the procedure, its compiled conditions, the document types'
 * accepted formats, and the code that emits (this package's emit code and templates, and the
 * runtime's, whose tables and exports the emitted code follows). A changed compiler or runtime
 * therefore misses the cache instead of reusing stale output. Entries are written to a
 * temporary name and renamed, so a build stopped half-way leaves no torn entry.
 */
export class EmitCache {
  private constructor(
    private readonly dir: string,
    private readonly stamp: string,
  ) {}

  /**
   * The cache in `dir`, or by default under `<cwd>/node_modules/.cache/thutuc/emit` — none
   * when `cwd` has no node_modules folder, which a build never creates. Entries live in a
   * folder named after the compiler and runtime code that wrote them; the folders of other
   * code, which no build of this code can hit, are removed here, so upgrades do not pile up.
   */
  static async open(cwd: string, dir?: string): Promise<EmitCache | undefined> {
    const modules = path.join(cwd, 'node_modules');
    if (!dir && !(await stat(modules).then((s) => s.isDirectory(), () => false))) return undefined;
    const base = dir ?? path.join(modules, '.cache/thutuc/emit');
    const stamp = await compilerStamp();
    const own = stamp.slice(0, STAMP_FOLDER_LENGTH);
    await removeOtherCodesEntries(base, own);
    return new EmitCache(path.join(base, own), stamp);
  }

  /** The same cache in a build worker (plain data crosses the thread boundary). */
  static at(where: EmitCacheLocation): EmitCache {
    return new EmitCache(where.dir, where.stamp);
  }

  get location(): EmitCacheLocation {
    return { dir: this.dir, stamp: this.stamp };
  }

  key(parts: unknown): string {
    return createHash('sha256').update(this.stamp).update(JSON.stringify(parts)).digest('hex');
  }

  /**
   * Synchronous: mostly called in build workers, which have nothing else to do meanwhile, and a
   * synchronous call skips the thread-pool round trips of the promise API.
   */
  get(key: string): EmittedFiles | undefined {
    try {
      return new Map(JSON.parse(readFileSync(this.file(key), 'utf8')) as [string, string][]);
    } catch {
      return undefined;
    }
  }

  set(key: string, files: EmittedFiles): void {
    const file = this.file(key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temp, JSON.stringify([...files]));
      renameSync(temp, file);
    } catch {
      // A cache that cannot be written (read-only node_modules) only makes the next build slower.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

const STAMP_FOLDER_LENGTH = 16;
/** A folder of entries written by some compiler and runtime code, or one of the two-letter folders entries once had at the top. */
const entryFolder = /^(?:[0-9a-f]{16}|[0-9a-f]{2})$/;

/** Removes the folders of `base` that hold entries of other code than `own` (and nothing else: `base` may be a folder the user chose). */
async function removeOtherCodesEntries(base: string, own: string): Promise<void> {
  const names = await readdir(base).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name !== own && entryFolder.test(name)).map((name) => rm(path.join(base, name), { recursive: true, force: true })));
}

let stamp: Promise<string> | undefined;

function compilerStamp(): Promise<string> {
  stamp ??= (async () => {
    const hash = createHash('sha256');
    // The runtime's code counts too: the emitted code follows some of its tables (which patterns
    // have a function, which fields and documents need a check) and calls its exports by name.
    const runtime = path.dirname(createRequire(import.meta.url).resolve('@thutuc/runtime'));
    for (const dir of [here, path.join(here, 'emit'), path.join(here, '../templates'), runtime]) {
      for (const name of (await readdir(dir)).filter((n) => /\.(js|hbs)$/.test(n)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
    }
    return hash.digest('hex');
  })();
  return stamp;
}
