// CPU time spent by the processes a benchmark involves, so a figure can be read as "what one
// request costs" and not only as throughput on a machine other work shares.
import { readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** User and system (kernel) CPU milliseconds of process `pid` so far (0 when it is gone or not Linux). */
export async function processCpu(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return { user: 0, system: 0 };
  // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
}

const total = (cpu) => cpu.user + cpu.system;

/** CPU ms of this process (the load generator). */
export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The PostgreSQL backends serving database `name`, read through `client`. */
export async function backendPids(client, name) {
  const r = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return r.rows.map((row) => row.pid);
}

/**
 * A meter over the server process, this process and (optionally) PostgreSQL's backends:
 * `start()` then `stop()` gives each one's CPU ms in between.
 */
export function cpuMeter(serverPid, postgres) {
  let before;
  const read = async () => {
    const pids = postgres ? await backendPids(postgres.client, postgres.database) : [];
    const backends = new Map(await Promise.all(pids.map(async (pid) => [pid, total(await processCpu(pid))])));
    return { server: await processCpu(serverPid), client: ownCpuMs(), backends };
  };
  return {
    async start() {
      before = await read();
    },
    async stop() {
      const after = await read();
      let database = 0;
      for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0);
      return { server: total(after.server) - total(before.server), serverKernel: after.server.system - before.server.system, client: after.client - before.client, database };
    },
  };
}
