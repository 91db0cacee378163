import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { RelatedInput } from '../related/related-papers.ts';
import { abstractText } from './abstract-text.ts';
import { texToReadableText } from '../text/readable-tex.ts';
import { hasPhrasesFor, type RelatedCacheFacts } from './related-cache.ts';

/**
 * Related papers, started on a second thread as soon as the content is
 * synced. They depend on nothing but the papers' titles and abstracts, so
 * they need not wait for the archive model: while Astro bundles the site and
 * the model builds the rest of the archive (get-archive.ts), a worker
 * computes them into the related-papers cache (related-cache.ts), where the
 * model then finds them. They were the model's largest step: about 6 s of a
 * one-edit rebuild at 10,000 papers, 4.6 s of a cold build. Builds start it
 * when it fits in memory (see `workerFits`); `astro dev` never does.
 *
 * Nothing depends on the worker being right or done: the model checks the
 * cache's key against its own inputs, and computes the lists itself when the
 * worker failed or was given other inputs.
 */
const slot = Symbol.for('astro-papershelf.related-precompute');

interface Pending {
  worker: Worker;
  /** The cache folder it writes to: a model of another site (one process, two builds) does not wait for it. */
  folder: string;
  /** Why the worker failed; undefined when it wrote the lists. */
  done: Promise<string | undefined>;
}

type WithPending = typeof globalThis & { [slot]?: Pending | undefined };

/** What a worker is given: where the cache lives, and the inputs the model will compute related papers from. */
export interface PrecomputeData {
  facts: RelatedCacheFacts;
  inputs: RelatedInput[];
}

/** One paper's input to related papers, as the model makes it (`toPaper`'s `titleText` and `abstract`). */
export function relatedInputOf(slug: string, title: string, body: string): RelatedInput {
  return { slug, title: texToReadableText(title), text: abstractText(body) };
}

/**
 * Whether a worker fits beside the build in the memory Node was given (its
 * heap limit, plus what a build holds outside its heap). Measured on the
 * benchmark under a 2,304 MB heap, since the data store is read from its file
 * (data-store-from-file.ts): the build's own peak is at most about 700 MB +
 * 70 MB a thousand papers (measured: 1.4 GB at 10,000, 2.0 GB at 20,000; it
 * was 900 + 95 before, when a rebuild with the worker peaked at 3.08 GB at
 * 20,000). A rebuild's worker, which reuses the last build's phrases, adds
 * about 250 MB + 21 MB a thousand: it fits at 20,000 papers (2.8 GB of 3.0).
 * A cold build's worker (or one after an upgrade or a large import:
 * `findsPhrasesAfresh`) finds every pair's phrases afresh and grows to its
 * heap cap (`workerHeapMb`), so that cap is counted: it fits at 10,000
 * papers, not at 20,000. Under an 8 GB heap both fit at 50,000.
 */
export function workerFits(
  papers: number,
  heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20,
  /** A cold build's worker: its heap cap. A rebuild's worker is estimated from the papers. */
  coldWorkerMb?: number,
): boolean {
  const thousands = papers / 1000;
  const worker = coldWorkerMb ?? 250 + 21 * thousands;
  return 700 + 70 * thousands + worker <= heapLimitMb + 700;
}

/**
 * Starts computing related papers into the cache on a worker thread (one at
 * a time: a newer start replaces an older); says why not when it does not.
 */
export function precomputeRelated(
  facts: RelatedCacheFacts,
  inputs: RelatedInput[],
  /** Papers new or changed since the last build (default: all of them). */
  changed = inputs.length,
): string | undefined {
  const script = new URL('./related-precompute-worker.js', import.meta.url);
  // Run from its TypeScript sources (the unit tests), the package has no compiled worker to start.
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  // With one core there is no second one to use: the worker would only cost its memory.
  if (availableParallelism() < 2) return 'this machine has one core';
  const cold = findsPhrasesAfresh(facts, inputs.length, changed);
  if (!workerFits(inputs.length, undefined, cold ? workerHeapMb(inputs) : undefined))
    return `for ${inputs.length} papers it would not fit beside the build in Node's heap limit; raise it with NODE_OPTIONS=--max-old-space-size`;
  const global = globalThis as WithPending;
  void global[slot]?.worker.terminate();
  const worker = new Worker(script, {
    workerData: { facts, inputs } satisfies PrecomputeData,
    // It runs while the build holds the whole collection, so its heap is capped near what it needs (measured: about
    // 450 MB at 10,000 papers, 700 MB at 20,000); past the cap it stops and the model computes the lists itself.
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(inputs) },
  });
  // A command that only syncs content (`astro sync`) must not wait for it; a build waits in `relatedPrecomputed`.
  worker.unref();
  const done = new Promise<string | undefined>((resolve) => {
    worker.once('error', (error) => resolve(error.message));
    worker.once('exit', (code) => resolve(code === 0 ? undefined : `it exited with code ${code}`));
  });
  global[slot] = { worker, folder: facts.folder, done };
  return undefined;
}

/**
 * Whether a worker would find most pairs' phrases afresh, as a cold build's
 * does, and so need its heap cap rather than a rebuild's memory: without
 * lists of an earlier build by this code (a cold build, or the first after an
 * upgrade), or when more than a tenth of the papers are new or changed (an
 * import), since every pair with a changed paper is found again.
 */
export function findsPhrasesAfresh(facts: RelatedCacheFacts, papers: number, changed: number): boolean {
  return !hasPhrasesFor(facts) || changed > papers / 10;
}

/**
 * The heap a worker may use: what it was measured to need, with room to
 * spare, by papers and by their text (its phrases keep every word of every
 * abstract), so archives of long abstracts get more.
 */
function workerHeapMb(inputs: readonly RelatedInput[]): number {
  const textMb = inputs.reduce((sum, input) => sum + input.title.length + input.text.length, 0) / 2 ** 20;
  return Math.round(256 + (inputs.length / 1000) * 16 + textMb * 24);
}

/** How the worker of this build did, for the build's log. */
export interface Precomputed {
  /** Seconds the model waited for it. */
  waited: number;
  /** Why it failed (the model then computed the lists itself). */
  failure?: string | undefined;
}

/**
 * Waits for the worker started by `precomputeRelated`, so its lists are in
 * the cache before the model reads it; undefined when none was started.
 */
export async function relatedPrecomputed(folder: string | undefined): Promise<Precomputed | undefined> {
  const global = globalThis as WithPending;
  const pending = global[slot];
  if (!pending || pending.folder !== folder) return undefined;
  const started = performance.now();
  pending.worker.ref();
  const failure = await pending.done;
  if (global[slot] === pending) global[slot] = undefined;
  return { waited: (performance.now() - started) / 1000, failure };
}
