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
 * keeps ten files in flight, so both cores work. The worker answers with the
 * same functions, on the same plain data, as the main thread would use.
 *
 * It starts only once a sync has asked for `startAfter` tasks: its 0.3 s
 * start (it loads the validator and the Markdown pipeline again) is worth it
 * for a cold build of a large archive, not for a small archive or a rebuild
 * where a few papers changed. Every answer it cannot give (not started yet,
 * stopped, failed, a task that threw there) is `undefined`, and the caller
 * does the work on its own thread: nothing depends on the worker.
 */
export interface ContentWorker {
  ask<T>(task: ContentWorkerTask): Promise<T | undefined>;
  /** Where tasks run now: `worker` once it is started and until it stops. */
  readonly thread: 'worker' | 'this';
  /** Tasks the worker answered, by kind. */
  readonly done: Record<ContentWorkerTask['kind'], number>;
  /** Stops the worker; tasks it still had, and any later, are answered `undefined`. */
  close(): void;
}

/** Tasks done on the main thread before the worker starts (see `ContentWorker`). */
export const startAfter = 500;

/**
 * Tasks the worker may have waiting; past them a task is done on the main
 * thread. Astro's glob loader keeps ten files in flight: with the worker
 * taking every one, the main thread waited on it and the sync was no faster;
 * taking up to eight, a 10,000-paper sync's load took 13–17 s against 18 s
 * on the main thread alone (4 and 16 were slower).
 */
const defaultQueueLimit = 8;

export function contentWorker(data: ContentWorkerData, options: { startAfter?: number; queueLimit?: number } = {}): ContentWorker {
  const threshold = options.startAfter ?? startAfter;
  const queueLimit = options.queueLimit ?? defaultQueueLimit;
  const pending = new Map<number, { kind: ContentWorkerTask['kind']; answer: (answer: unknown) => void }>();
  let asked = 0;
  let next = 0;
  let worker: Worker | undefined;
  let stopped = false;
  const done = { validate: 0, render: 0 };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void worker?.terminate();
    for (const { answer } of pending.values()) answer(undefined);
    pending.clear();
  };
  const start = () => {
    worker = startWorker(data);
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
  return {
    get thread() {
      return worker && !stopped ? 'worker' : 'this';
    },
    ask<T>(task: ContentWorkerTask): Promise<T | undefined> {
      if (stopped) return Promise.resolve(undefined);
      if (!worker && ++asked <= threshold) return Promise.resolve(undefined);
      if (!worker) start();
      // The worker takes a task only when it has few waiting: the others are done here, so neither thread idles.
      if (stopped || pending.size >= queueLimit) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const id = next++;
        pending.set(id, { kind: task.kind, answer: resolve as (answer: unknown) => void });
        worker!.postMessage({ id, task });
      });
    },
    done,
    close: stop,
  };
}

function startWorker(data: ContentWorkerData): Worker | undefined {
  const script = new URL('./content-worker.js', import.meta.url);
  // Run from its TypeScript sources (the unit tests), the package has no compiled worker to start.
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  // With one core there is no second one to use.
  if (availableParallelism() < 2) return undefined;
  // Its heap holds one file's work at a time; a cap keeps its garbage from piling up beside the build's. Past it the
  // worker stops, and the main thread does the rest.
  return new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 384 } });
}
