import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from './io.js';

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    throw new UsageError({ vi: `git ${args[0]} thất bại: ${stderr}`, en: `git ${args[0]} failed: ${stderr}` });
  }
}

/**
 * Files under `paths` that differ between `rev` and the working tree, untracked ones
 * included (a new version file is usually not committed yet), relative to `cwd`.
 * Renames count as a removal and an addition: a moved file is read again from both sides.
 */
export async function changedFiles(rev: string, paths: readonly string[], cwd: string): Promise<string[]> {
  await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  const tracked = await git(['diff', '--name-only', '--no-renames', '--relative', rev, '--', ...paths], cwd);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--', ...paths], cwd);
  return [...new Set([...lines(tracked), ...lines(untracked)])].sort();
}

/** A file's bytes at `rev` (path relative to `cwd`), or undefined when it did not exist there. */
export async function fileAt(rev: string, file: string, cwd: string): Promise<Uint8Array | undefined> {
  const exists = await git(['ls-tree', '--name-only', rev, '--', file], cwd).catch(() => '');
  if (!exists.trim()) return undefined;
  return new Promise((resolve, reject) => {
    execFile('git', ['show', `${rev}:./${file.split('\\').join('/')}`], { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(new Uint8Array(stdout))));
  });
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** The working tree's top folder (where `.changeset/` lives). */
export async function repositoryRoot(cwd: string): Promise<string> {
  return (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
}
