/**
 * The one job interface background work runs through: PostgreSQL deployments use pg-boss (any number of processes
 * on any number of machines share the work), SQLite deployments run jobs in the process (one process). Handlers
 * must be safe to run twice: a job whose worker died is run again.
 */
export interface JobQueue {
  /** Queues a job; with a singletonKey, at most one job with that key waits at a time (null when one already did). */
  enqueue(name: string, payload: Record<string, unknown>, options?: { singletonKey?: string }): Promise<string | null>;
  /** Runs `handler` for every job of `name`, in this process. */
  work(name: string, handler: (payload: Record<string, unknown>) => Promise<void>): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
}
