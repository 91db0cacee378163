import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ValidatorSetup } from './paper-validator.ts';
import type { RenderSetup } from './worker-render.ts';

/** What the content worker is started with: plain data, from which it makes its own validator and renderer. */
export interface ContentWorkerData {
  validator: ValidatorSetup;
  /** How to render paper bodies as the site would; undefined when only this thread can (see `renderSetupOf`). */
  render: RenderSetup | undefined;
}

/** One piece of work for the worker. */
export type ContentWorkerTask = { kind: 'validate'; filePath: string } | { kind: 'render'; entry: { data: Record<string, unknown>; body: string; filePath?: string | undefined } };

/**
 * A second thread for a content sync's work on each paper file: checking it
 * (paper-validator.ts) and rendering its Markdown (worker-render.ts), while
 * the main thread reads, parses and stores the others. Astro's glob loader
 * keeps ten files in flight, so both cores work. The worker checks files with
 * the main thread's function on the same plain data, and renders them with
 * the site's processor made again from plain data, once it has shown it
 * renders a test document as the main thread does (worker-render.ts).
 *
 * It starts only once a sync has asked for 500 tasks (`defaultStartAfter`): its 0.3 s
 * start (it loads the validator and the Markdown pipeline again) is worth it
 * for a cold build of a large archive, not for a small archive or a rebuild
 * where a few papers changed. Every answer it cannot give (not started yet,
 * stopped, failed, a task that threw there) is `undefined`, and the caller
 * does the work on its own thread: nothing depends on the worker.
 */
export interface ContentWorker {
  /** The worker's answer; `now` sends the task whatever the start threshold and the queue (the renderer's check). */
  ask<T>(task: ContentWorkerTask, options?: { now?: boolean }): Promise<T | undefined>;
  /** Why the worker stopped before it was closed, when it did. */
  readonly failure: string | undefined;
  /** Where tasks run now: `worker` once it is started and until it stops. */
  readonly thread: 'worker' | 'this';
  /** Tasks the worker answered, by kind. */
  readonly done: Record<ContentWorkerTask['kind'], number>;
  /** Stops the worker; tasks it still had, and any later, are answered `undefined`. */
  close(): void;
}

/** Tasks done on the main thread before the worker starts (see `ContentWorker`). */
const defaultStartAfter = 500;

/**
 * Tasks the worker may have waiting; past them a task is done on the main
 * thread. Astro's glob loader keeps ten files in flight: with the worker
 * taking every one, the main thread waited on it and the sync was no faster;
 * taking up to eight, a 10,000-paper sync's loading took 13–17 s against
 * 18 s on the main thread alone (4 and 16 were slower; timed by a log line
 * around the glob loader's load, since taken out).
 */
const defaultQueueLimit = 8;

export function contentWorker(data: ContentWorkerData, options: { startAfter?: number; queueLimit?: number } = {}): ContentWorker {
  const threshold = options.startAfter ?? defaultStartAfter;
  const queueLimit = options.queueLimit ?? defaultQueueLimit;
  const pending = new Map<number, { kind: ContentWorkerTask['kind']; answer: (answer: unknown) => void }>();
  let asked = 0;
  let next = 0;
  let worker: Worker | undefined;
  let stopped = false;
  let failure: string | undefined;
  const done = { validate: 0, render: 0 };
  const stop = (why?: unknown) => {
    if (stopped) return;
    stopped = true;
    if (why !== undefined) failure = why instanceof Error ? why.message : `it exited with code ${String(why)}`;
    void worker?.terminate();
    for (const { answer } of pending.values()) answer(undefined);
    pending.clear();
  };
  const start = () => {
    try {
      worker = startWorker(data);
    } catch (error) {
      return stop(error);
    }
    if (!worker) return stop();
    worker.on('message', ({ id, answer }: { id: number; answer?: unknown }) => {
      const task = pending.get(id);
      if (!task) return;
      pending.delete(id);
      if (answer !== undefined) done[task.kind]++;
      task.answer(answer);
    });
    worker.on('error', stop);
    worker.on('exit', stop);
  };
  const send = <T>(task: ContentWorkerTask): Promise<T | undefined> =>
    new Promise((resolve) => {
      const id = next++;
      pending.set(id, { kind: task.kind, answer: resolve as (answer: unknown) => void });
      try {
        worker!.postMessage({ id, task });
      } catch {
        // A value that cannot be sent to another thread: this task is done here.
        pending.delete(id);
        resolve(undefined);
      }
    });
  return {
    get thread() {
      return worker && !stopped ? 'worker' : 'this';
    },
    ask<T>(task: ContentWorkerTask, options: { now?: boolean } = {}): Promise<T | undefined> {
      if (stopped || (!worker && !options.now && ++asked <= threshold)) return Promise.resolve(undefined);
      if (!worker) start();
      // The worker takes a task only when it has few waiting: the others are done here, so neither thread idles.
      if (stopped || (!options.now && pending.size >= queueLimit)) return Promise.resolve(undefined);
      return send<T>(task);
    },
    done,
    get failure() {
      return failure;
    },
    close: () => stop(),
  };
}

function startWorker(data: ContentWorkerData): Worker | undefined {
  const script = new URL('./content-worker.js', import.meta.url);
  // Run from its TypeScript sources (the unit tests), the package has no compiled worker to start.
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  // With one core there is no second one to use.
  if (availableParallelism() < 2) return undefined;
  // Its heap holds the work of the few files it has (up to the queue limit); a cap on its old generation keeps its
  // garbage from piling up beside the build's. Past it the worker stops, and the main thread does the rest.
  return new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 384 } });
}
