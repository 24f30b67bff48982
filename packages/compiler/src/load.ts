import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic, type SourceInput } from '@thutuc/core';

const YAML_FILE = /\.ya?ml$/i;

/**
 * The only stage that touches the file system for reading: expands the given files and
 * folders into the YAML files under them (sorted, so builds are deterministic) and reads
 * their bytes. Unreadable paths become diagnostics, not exceptions.
 */
/**
 * Remembers each file's size, modification time and bytes, so a rebuild reads only the files
 * that changed (a watch-mode rebuild of a large catalogue is otherwise dominated by reads).
 */
export type FileMemory = Map<string, { size: number; mtimeMs: number; bytes: Uint8Array }>;

export async function loadInputs(paths: readonly string[], cwd = process.cwd(), memory?: FileMemory): Promise<{ inputs: SourceInput[]; diagnostics: Diagnostic[] }> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];

  const walk = async (absolute: string): Promise<void> => {
    const entries = await readdir(absolute, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(absolute, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(child);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else files.push(absolute);
    } catch (error) {
      diagnostics.push(diagnostic('TT1001', { file: given }, { reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
  }

  const unique = [...new Set(files)];
  const inputs: SourceInput[] = [];
  await Promise.all(
    unique.map(async (absolute, index) => {
      const file = path.relative(cwd, absolute) || absolute;
      try {
        if (memory) {
          const info = await stat(absolute);
          const known = memory.get(absolute);
          if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
            inputs[index] = { file, bytes: known.bytes };
            return;
          }
          const bytes = new Uint8Array(await readFile(absolute));
          memory.set(absolute, { size: info.size, mtimeMs: info.mtimeMs, bytes });
          inputs[index] = { file, bytes };
          return;
        }
        inputs[index] = { file, bytes: new Uint8Array(await readFile(absolute)) };
      } catch (error) {
        diagnostics.push(diagnostic('TT1001', { file }, { reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
      }
    }),
  );
  return { inputs: inputs.filter(Boolean), diagnostics };
}
