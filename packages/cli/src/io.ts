import { ThutucError, type Lang } from '@thutuc/runtime';

export interface Io {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
}

export interface CommonOptions {
  lang: Lang;
  json: boolean;
}

/** User mistakes on the command line: printed as one line, exit code 2. */
export class UsageError extends ThutucError {
  override name = 'UsageError';
}
