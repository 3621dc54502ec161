/**
 * A pool of matching worker threads (one per core by default), each answering one request at a time. The reference
 * index is handed to them as SharedArrayBuffers, so memory does not grow with the number of workers.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerReplies, WorkerRequest, WorkerResponse } from './messages';

/**
 * Requests to keep outstanding per worker when streaming batches: the next one is already queued when a worker
 * finishes, instead of the worker waiting while the main thread hears its reply and copies the next batch over.
 */
export const IN_FLIGHT_PER_WORKER = 2;

export class MatchingPool {
  private readonly workers: Worker[];
  private nextId = 0;
  private readonly waiting = new Map<number, { worker: number; resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly outstanding: number[];

  constructor(options: { size?: number; youngGenerationMb?: number } = {}) {
    const size = options.size ?? os.availableParallelism();
    const resourceLimits = { maxYoungGenerationSizeMb: options.youngGenerationMb ?? YOUNG_GENERATION_MB };
    const file = path.join(__dirname, `matching.worker${path.extname(__filename)}`);
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker(file, resourceLimits);
      worker.on('message', (response: WorkerResponse) => this.settle(response));
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
    this.outstanding = this.workers.map(() => 0);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one request to worker `worker` and waits for its reply. */
  request<R extends WorkerRequest>(worker: number, request: R): Promise<WorkerReplies[R['op']]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve: resolve as (value: unknown) => void, reject });
      this.outstanding[worker]!++;
      this.workers[worker]!.postMessage({ id, request });
    });
  }

  /** Sends one request to the worker with the fewest requests outstanding. */
  submit<R extends WorkerRequest>(request: R): Promise<WorkerReplies[R['op']]> {
    let best = 0;
    for (let w = 1; w < this.outstanding.length; w++) if (this.outstanding[w]! < this.outstanding[best]!) best = w;
    return this.request(best, request);
  }

  /** The same request to every worker. */
  broadcast<R extends WorkerRequest>(request: R): Promise<WorkerReplies[R['op']][]> {
    return Promise.all(this.workers.map((_, i) => this.request(i, request)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(response: WorkerResponse): void {
    const waiter = this.waiting.get(response.id);
    if (!waiter) return;
    this.waiting.delete(response.id);
    this.outstanding[waiter.worker]!--;
    if (response.ok) waiter.resolve(response.value);
    else waiter.reject(new Error(`matching worker failed: ${response.error}`));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/**
 * Indexing and matching make many short-lived objects: a larger young generation scavenges less often and promotes
 * less (measured: ~10% less CPU for a 600k-record build, for ~60 MB more memory per worker; on the 3M-record bench,
 * 64 → 192 MB took the index build from 62.7 s to 57.5 s and the peak RSS from 1,686 to 1,820 MB). Pools that only
 * build ask for more (BUILD_YOUNG_GENERATION_MB).
 */
const YOUNG_GENERATION_MB = 192;

/**
 * For a pool that builds an index and is closed afterwards: 320 MB gave 3M-record builds of 58.0 / 59.3 / 59.8 s
 * against 62.7 / 60.2 / 60.8 s at 192 MB, at the same peak RSS (1,824 MB).
 */
export const BUILD_YOUNG_GENERATION_MB = 320;

/** Starts a worker on `file`; a .ts file (tests, tsx) is loaded through tsx's require hook, which --import does not give a worker on Node 20. */
function startWorker(file: string, resourceLimits: { maxYoungGenerationSizeMb: number }): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { resourceLimits });
  const script = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`;
  return new Worker(script, { eval: true, resourceLimits });
}
