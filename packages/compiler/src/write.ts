import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A build's output is first written here, beside the output folder, then swapped in. */
export function stagingFolder(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-${process.pid}-${Date.now().toString(36)}`);
}

/**
 * Writes files under `root` (a staging folder) synchronously: what a build worker does with a
 * procedure's files as soon as they are emitted, so they never travel back to be written.
 */
export function writeFilesSync(root: string, files: ReadonlyMap<string, string>): void {
  for (const dir of foldersOf(root, files)) mkdirSync(dir, { recursive: true });
  for (const [rel, content] of files) writeFileSync(path.join(root, rel), content);
}

/** The folders `files` go in under `root`, parents before children, each once. */
function foldersOf(root: string, files: ReadonlyMap<string, string>): string[] {
  return [...new Set([...files.keys()].map((rel) => path.dirname(path.join(root, rel))))].sort();
}

/**
 * Writes a whole output tree so that readers see the old build or the new one, never a
 * mix: everything goes to a sibling temporary folder first, which then replaces the old
 * folder by rename. If anything fails before the swap, the previous build is untouched.
 * `finish` runs on the staging folder once the files are in it. `staged` names a staging
 * folder (see stagingFolder) already holding the files in `written`, which are not written again.
 */
export async function writeTreeAtomic(
  outDir: string,
  files: ReadonlyMap<string, string>,
  finish?: (staging: string) => Promise<void>,
  staged?: { staging: string; written: ReadonlySet<string> },
): Promise<void> {
  const parent = path.dirname(outDir);
  const staging = staged?.staging ?? stagingFolder(outDir);
  const retired = staging.replace(/\.staging-([^/\\]+)$/, '.old-$1');
  await mkdir(parent, { recursive: true });
  try {
    await writeFiles(staging, staged ? new Map([...files].filter(([rel]) => !staged.written.has(rel))) : files);
    // Work that reads the written files (the browser chunks) also happens before the swap.
    await finish?.(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  let hadPrevious = true;
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    hadPrevious = false;
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(retired, outDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

async function writeFiles(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const dir of foldersOf(root, files)) await mkdir(dir, { recursive: true });
  await Promise.all([...files].map(([rel, content]) => writeFile(path.join(root, rel), content)));
}

/**
 * For rebuilds in watch mode: replaces only the files whose content changed (each by
 * write-then-rename, so no reader sees half a file) and removes files no longer emitted.
 */
export async function writeChanges(outDir: string, next: ReadonlyMap<string, string>, previous: ReadonlyMap<string, string>): Promise<number> {
  let written = 0;
  for (const [rel, content] of next) {
    if (previous.get(rel) === content) continue;
    const target = path.join(outDir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    written++;
  }
  const removed = [...previous.keys()].filter((rel) => !next.has(rel));
  for (const rel of removed) await rm(path.join(outDir, rel), { force: true });
  await removeEmptyFolders(outDir, removed);
  return written;
}

/**
 * The folders a rebuild emptied (a procedure removed or renamed) go too. Only the folders of
 * removed files are looked at, deepest first, so a rebuild costs nothing for the rest of a
 * large output tree; a folder that still holds anything stays.
 */
async function removeEmptyFolders(outDir: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const rel of removed) for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const dir of deepestFirst) await rmdir(path.join(outDir, dir)).catch(() => undefined);
}
