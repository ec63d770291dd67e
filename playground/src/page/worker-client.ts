/**
 * A worker running one job at a time, stopped (terminated, then started afresh for the next job) when
 * a job runs past its time or the user cancels: the only way to interrupt synchronous JavaScript, and
 * what keeps the page responsive whatever a template does.
 */
import type { WorkerReply, WorkerRequest } from '../protocol.js';

type Job = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Progress = Extract<WorkerReply, { type: 'progress' }>;
type Final = Exclude<WorkerReply, Progress>;

/** A job that ended without a reply: why. */
export interface Stopped {
  type: 'stopped';
  reason: string;
}

interface Running {
  id: number;
  settle(reply: Final | Stopped): void;
  onProgress: ((p: Progress) => void) | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class JobWorker {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private nextId = 1;

  constructor(
    private readonly url: string,
    /** A job still running after this long is stopped (undefined: only {@link stop} stops it). */
    private readonly timeoutMs: number | undefined,
  ) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Starts the worker before its first job, so the first render does not wait for the script. */
  warm(): void {
    this.ensure();
  }

  run(job: Job, onProgress?: (p: Progress) => void): Promise<Final | Stopped> {
    if (this.running) this.stop('a newer job replaced it');
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const running: Running = {
        id,
        onProgress,
        timer: this.timeoutMs === undefined ? undefined : setTimeout(() => this.stop(`it ran longer than ${this.timeoutMs! / 1000} s`), this.timeoutMs),
        settle: (reply) => {
          clearTimeout(running.timer);
          if (this.running === running) this.running = undefined;
          resolve(reply);
        },
      };
      this.running = running;
      try {
        worker.postMessage({ ...job, id } as WorkerRequest);
      } catch (e) {
        // A value the browser cannot clone (or clones only by overflowing its stack) never reaches the worker.
        running.settle({ type: 'stopped', reason: `the request could not be sent to the worker (${(e as Error)?.message ?? String(e)})` });
      }
    });
  }

  /** Ends the running job now (its promise resolves to {@link Stopped}); the next job starts a new worker. */
  stop(reason: string): void {
    const running = this.running;
    this.worker?.terminate();
    this.worker = undefined;
    running?.settle({ type: 'stopped', reason });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const running = this.running;
      if (!running || reply.id !== running.id) return;
      if (reply.type === 'progress') running.onProgress?.(reply);
      else running.settle(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop(`the worker failed: ${event.message || 'it could not be loaded'}`);
    };
    this.worker = worker;
    return worker;
  }
}
