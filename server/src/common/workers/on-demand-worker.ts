import { Worker } from 'node:worker_threads';

/**
 * The worker failed, not the work it was given: it crashed, ended, or did not answer in time. A crash is worth one
 * more attempt in a new worker; a timeout would only come again.
 */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly worthRetrying: boolean,
  ) {
    super(message);
  }
}

interface Pending<Result> {
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** What a worker script answers: `{ id, result }`, or `{ id, error }` when the work itself is refused. */
interface Answer<Result> {
  id: number;
  result?: Result;
  error?: string;
}

/**
 * One worker thread for work too long for the event loop, started when needed and ended when idle (its heap is not
 * worth keeping between rare jobs), started again after a failure. The script receives `{ id, ...request }` and
 * posts back `{ id, result }` or `{ id, error }`; an `error` rejects with a plain Error carrying its message, a
 * failure of the worker itself with a WorkerFailure.
 */
export class OnDemandWorker<Request extends object, Result> {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending<Result>>();
  private nextId = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly script: URL,
    private readonly limits: {
      /**
       * A job not done within this, once for itself and once for each job queued before it, is failed and the worker
       * replaced: a job that never ends would hold every later one.
       */
      timeoutMs: number;
      /** An idle worker ends after this long. */
      idleMs: number;
      /** Names the worker in failures (« the schema compiler took over 20 s »). */
      name: string;
    },
  ) {}

  run(request: Request): Promise<Result> {
    clearTimeout(this.idle);
    const worker = this.started();
    const id = this.nextId++;
    // The worker takes its jobs one at a time: a job behind others waits for them too, so its time counts theirs
    // (a burst of accounts created at once had each job past the first few failed as a worker that hung).
    const allowedMs = this.limits.timeoutMs * (this.pending.size + 1);
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new WorkerFailure(`${this.limits.name} took over ${allowedMs / 1000} s`, false));
      }, allowedMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref(); // while something waits for it; idle, it does not keep the process alive
      worker.postMessage({ ...request, id });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', ({ id, result, error }: Answer<Result>) => {
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.settle(id);
      if (error === undefined) waiting.resolve(result as Result);
      else waiting.reject(new Error(error));
    });
    // A worker already replaced may still report its end: only the current one's failure fails what waits.
    // A module that cannot be found (an incomplete installation) fails the same way every time: not worth retrying.
    worker.on(
      'error',
      (err) =>
        this.worker === worker &&
        this.stop(new WorkerFailure(err.message, (err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND')),
    );
    worker.on(
      'exit',
      () => this.worker === worker && this.stop(new WorkerFailure(`${this.limits.name} stopped`, true)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)!.timer);
    this.pending.delete(id);
    if (this.pending.size > 0) return;
    this.worker?.unref();
    this.idle = setTimeout(() => this.retire(), this.limits.idleMs).unref();
  }

  private retire(): void {
    const worker = this.worker;
    this.worker = undefined; // its exit is then no failure
    if (worker) void worker.terminate();
  }

  /** Fails everything waiting and drops the worker; the next job starts a new one. */
  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const [id, waiting] of [...this.pending]) {
      this.settle(id);
      waiting.reject(error);
    }
    if (worker) void worker.terminate();
  }
}
