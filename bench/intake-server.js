// The intake server under load, in a process of its own so the load generator's work (building
// and hashing 1 MB bodies) is not charged to it. Started by bench/intake.js over IPC; with
// BENCH_PROFILE=<folder> the parent adds --cpu-prof and the profile lands in that folder.
import { createIntakeServer } from '@thutuc/intake';

const options = JSON.parse(process.argv[2]);
const server = await createIntakeServer({ ...options, jobs: false });
const url = await server.listen();
process.send({ url });
process.on('message', async (message) => {
  if (message !== 'close') return;
  await server.close();
  process.exit(0);
});
