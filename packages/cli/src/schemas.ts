import { existsSync } from 'node:fs';
import path from 'node:path';

function nearest(kind: string, from: string, installedOnly: boolean): string | undefined {
  const name = `${kind}.schema.json`;
  for (let at = path.resolve(from); ; at = path.dirname(at)) {
    const own = path.join(at, 'schemas', name);
    if (!installedOnly && existsSync(own)) return own;
    const installed = path.join(at, 'node_modules/@thutuc/core/schemas', name);
    if (existsSync(installed)) return installed;
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * The JSON Schema a catalogue file written into `dir` should name on its
 * `# yaml-language-server: $schema=` line: from `dir` upward, then from `project` (the
 * project the command runs for) upward, the first `schemas/` folder (this repository keeps
 * its schemas there) or installed `node_modules/@thutuc/core/schemas/` (any other project);
 * else where npm will install them in `project` — a project is often created before its
 * dependencies are installed. `installedOnly` skips repository folders, for files meant to
 * live in any project.
 */
export function schemaFile(kind: string, dir: string, { installedOnly = false, project = dir } = {}): string {
  return (
    nearest(kind, dir, installedOnly) ??
    nearest(kind, project, installedOnly) ??
    path.join(path.resolve(project), 'node_modules/@thutuc/core/schemas', `${kind}.schema.json`)
  );
}
