import { runIntakeCli } from '@thutuc/intake/cli';
import type { Io } from '../io.js';

/**
 * `thutuc stats --agency A [--from d] [--to d] [--format text|csv|json]`: the officers' statistics
 * from the receiving server's database (@thutuc/intake parses the options), on the catalogue
 * `thutuc build` writes to packages/catalogue/dist unless `--catalogue` says otherwise.
 */
export async function statsCommand(args: string[], io: Io): Promise<number> {
  const withCatalogue = args.includes('--catalogue') ? args : [...args, '--catalogue', 'packages/catalogue/dist'];
  return runIntakeCli(['stats', ...withCatalogue], { stdout: io.stdout, stderr: io.stderr, env: process.env });
}
