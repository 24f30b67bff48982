import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from './helpers.js';

/** A `thutuc-intake serve` child process on a random loopback port. */
export interface Child {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

export async function spawnServer(args: { catalogueDir: string; dataDir: string; databaseUrl?: string }): Promise<Child> {
  const child = spawn(process.execPath, [path.join(root, 'packages/intake/bin/thutuc-intake.js'), 'serve', '--catalogue', args.catalogueDir, '--data-dir', args.dataDir, '--port', '0'], {
    env: { ...process.env, THUTUC_AGENCY_CODE: '000.00.01.H38', DATABASE_URL: args.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    process: child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
