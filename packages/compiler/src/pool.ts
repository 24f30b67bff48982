import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './worker.js';

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

/** A fixed set of build workers taking tasks from one queue. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { task: WorkerTask; pending: Pending }[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(size = Math.max(1, Math.min(os.availableParallelism(), 4))) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url));
      worker.on('message', (reply: WorkerReply) => this.done(worker, reply));
      worker.on('error', (error) => this.failed(worker, error));
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run<T extends WorkerReply>(task: DistributiveOmit<WorkerTask, 'id'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ } as WorkerTask, pending: { resolve: resolve as (r: WorkerReply) => void, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { task, pending } = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.ref();
      worker.postMessage(task);
    }
  }

  private done(worker: Worker, reply: WorkerReply): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.type === 'error') pending?.reject(new Error(reply.message));
    else pending?.resolve(reply);
    this.dispatch();
  }

  private failed(worker: Worker, error: Error): void {
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
  }
}
