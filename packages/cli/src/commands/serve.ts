import { runIntakeCli } from '@thutuc/intake/cli';
import type { Io } from '../io.js';

/**
 * `thutuc serve [--catalogue dir] [--port 8080] [--create-admin --username u --agency A]`:
 * the receiving server (@thutuc/intake) on a built catalogue, by default the one `thutuc build`
 * writes to packages/catalogue/dist.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const withCatalogue = args.includes('--catalogue') ? args : [...args, '--catalogue', 'packages/catalogue/dist'];
  const [first] = withCatalogue;
  const argv = first === 'create-admin' ? withCatalogue : ['serve', ...withCatalogue];
  return runIntakeCli(argv, { stdout: io.stdout, stderr: io.stderr, env: process.env });
}
