import { runIntakeCli } from './cli.js';

const code = await runIntakeCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
