import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { root } from './helpers.js';

/**
 * `npx thutuc-intake` inside the repository, as the README's walk-through runs it: npm links a
 * workspace's bin into node_modules/.bin at install time (a checkout installed before the
 * package had its bin needs `npm install` once more), and the committed bin/ entry point
 * loads the compiled server.
 */
it('runs `npx thutuc-intake` from the repository root (the linked bin, without asking the registry)', async () => {
  // What npx runs when the bin is linked; calling it directly keeps the test off the network.
  const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/thutuc-intake'), ['--help'], { cwd: root });
  expect(stdout).toContain('thutuc-intake — máy chủ tiếp nhận hồ sơ / the receiving server');
  expect(stdout).toMatch(/thutuc-intake create-admin --username/);
}, 60_000);
