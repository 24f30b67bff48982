import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.js';

/**
 * Where a project keeps its catalogue and where `thutuc build` writes, so the commands work
 * without arguments in any project: `thutuc.config.json`, or a `thutuc` field in
 * package.json, in the working directory or the nearest folder above it. Paths in the file
 * are relative to the file's folder.
 */
export interface ProjectConfig {
  /** The catalogue folder (absolute). */
  catalogue: string;
  /** The build output folder (absolute). */
  out: string;
  /** The file the settings came from; undefined when none was found (defaults, from cwd). */
  file: string | undefined;
}

export const CONFIG_FILE = 'thutuc.config.json';
export const DEFAULT_CONFIG = { catalogue: 'catalogue', out: 'dist/catalogue' } as const;

type RawConfig = Record<string, unknown>;

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new UsageError({ vi: `${file}: JSON không hợp lệ (${reason})`, en: `${file}: invalid JSON (${reason})` });
  }
}

/** The settings found in `dir` itself, if any: thutuc.config.json first, then package.json#thutuc. */
async function configIn(dir: string): Promise<{ file: string; raw: unknown } | undefined> {
  const own = path.join(dir, CONFIG_FILE);
  const raw = await readJson(own);
  if (raw !== undefined) return { file: own, raw };
  const manifestFile = path.join(dir, 'package.json');
  const manifest = await readJson(manifestFile);
  if (manifest && typeof manifest === 'object' && 'thutuc' in manifest) return { file: manifestFile, raw: (manifest as RawConfig).thutuc };
  return undefined;
}

function checked(file: string, raw: unknown): { catalogue: string; out: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError({ vi: `${file}: cấu hình thutuc phải là một đối tượng { "catalogue": …, "out": … }`, en: `${file}: the thutuc settings must be an object { "catalogue": …, "out": … }` });
  }
  const result: { catalogue: string; out: string } = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(raw as RawConfig)) {
    if (key !== 'catalogue' && key !== 'out') {
      throw new UsageError({ vi: `${file}: không có tùy chọn "${key}" (chỉ có "catalogue", "out")`, en: `${file}: unknown setting "${key}" (only "catalogue", "out")` });
    }
    if (typeof value !== 'string' || value === '') {
      throw new UsageError({ vi: `${file}: "${key}" phải là đường dẫn thư mục`, en: `${file}: "${key}" must be a folder path` });
    }
    result[key] = value;
  }
  return result;
}

/** The nearest settings from `cwd` upward; the defaults, relative to `cwd`, when there are none. */
export async function findConfig(cwd: string): Promise<ProjectConfig> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = await configIn(dir);
    if (found) {
      const { catalogue, out } = checked(found.file, found.raw);
      return { catalogue: path.resolve(dir, catalogue), out: path.resolve(dir, out), file: found.file };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { catalogue: path.resolve(cwd, DEFAULT_CONFIG.catalogue), out: path.resolve(cwd, DEFAULT_CONFIG.out), file: undefined };
}

/** A path as the user would type it from `cwd`: relative when inside, absolute otherwise. */
export function shown(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
