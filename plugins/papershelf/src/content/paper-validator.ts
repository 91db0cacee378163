import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import type { TagDefinition } from '../taxonomy/parse-vocabulary.ts';
import { validatePaperFile, type PaperProblem, type ValidateOptions } from './validate-paper.ts';

/** What the loader learns of one paper file: its problems, and its frontmatter as read (dates as written). */
export interface FileValidation {
  problems: PaperProblem[];
  frontmatter: Record<string, unknown> | undefined;
}

/** Where the files are and what their tags must come from: plain data, the same on either thread. */
export interface ValidatorSetup {
  /** The site root, which files are named relative to in problems. */
  root: string;
  /** The vocabulary's definitions, undefined when any tag is allowed (free tags, or no vocabulary file). */
  definitions: TagDefinition[] | undefined;
  /** The vocabulary file as configured, for messages. */
  vocabularyFile: string;
}

/** Validates the paper files a content sync reads (see `paperValidator`). */
export interface PaperValidator {
  validate(filePath: string): Promise<FileValidation>;
  /** Where files are checked now: on the worker, or on this thread (no worker, or it stopped). */
  readonly thread: 'worker' | 'this';
  /** Stops the worker, if there is one; files it still had, and any validated later, are checked on this thread. */
  close(): void;
}

/** Validates one file with the validator `papershelf check` uses (see `validatePaperFile`). */
export async function validateFileAt(filePath: string, setup: ValidatorSetup, options: ValidateOptions): Promise<FileValidation> {
  const found = validatePaperFile(await readFile(filePath, 'utf8'), relative(setup.root, filePath), options);
  return { problems: found.problems, frontmatter: found.frontmatter };
}

/** The options `validatePaperFile` takes, made from the setup. */
export function validateOptionsOf(setup: ValidatorSetup): ValidateOptions {
  return {
    vocabulary: setup.definitions && compileVocabulary(setup.definitions, setup.vocabularyFile),
    vocabularyFile: setup.vocabularyFile,
  };
}

/**
 * The validator of a content sync. In a build it runs on a worker thread:
 * checking a file (reading it again, its YAML without timestamps, the schema,
 * its tags) took 3.1 s of a 10,000-paper sync on the one core that also
 * renders every abstract, while the second core waited. Astro's glob loader
 * keeps ten files in flight, so the main thread renders some while the
 * worker checks others. The worker gives the same answers as this thread
 * (the same function, on the same definitions); should it fail, the files
 * it had and every later one are checked here instead.
 *
 * The worker takes 0.3 s to start (it loads the validator's modules again),
 * about what checking 1,000 files takes here: `workerPays` says when.
 */
export function paperValidator(setup: ValidatorSetup, options: { worker: boolean }): PaperValidator {
  const here = validateOptionsOf(setup);
  const inProcess = (filePath: string) => validateFileAt(filePath, setup, here);
  const worker = options.worker ? startWorker(setup) : undefined;
  if (!worker) return { validate: inProcess, thread: 'this', close: () => undefined };

  const pending = new Map<number, { filePath: string; resolve: (found: FileValidation) => void; reject: (error: unknown) => void }>();
  let next = 0;
  let broken = false;
  const fallBack = () => {
    if (broken) return;
    broken = true;
    void worker.terminate();
    for (const { filePath, resolve, reject } of pending.values()) inProcess(filePath).then(resolve, reject);
    pending.clear();
  };
  worker.on('message', ({ id, found }: { id: number; found?: FileValidation }) => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (found) waiting.resolve(found);
    else inProcess(waiting.filePath).then(waiting.resolve, waiting.reject);
  });
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    get thread() {
      return broken ? 'this' : 'worker';
    },
    validate(filePath) {
      if (broken) return inProcess(filePath);
      return new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { filePath, resolve, reject });
        worker.postMessage({ id, filePath });
      });
    },
    close: fallBack,
  };
}

function startWorker(setup: ValidatorSetup): Worker | undefined {
  const script = new URL('./validate-worker.js', import.meta.url);
  // Run from its TypeScript sources (the unit tests), the package has no compiled worker to start.
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
  // With one core there is no second one to use.
  if (availableParallelism() < 2) return undefined;
  return new Worker(script, { workerData: setup });
}

/** Paper files from which a worker saves more than it costs to start (see `paperValidator`). */
const workerMinFiles = 2000;

/** Whether a folder holds enough Markdown files for the worker to pay (counted roughly: only to decide that). */
export async function workerPays(root: string, folder: string): Promise<boolean> {
  const names = await readdir(resolve(root, folder), { recursive: true }).catch(() => []);
  let files = 0;
  for (const name of names) if (/\.mdx?$/.test(name) && ++files >= workerMinFiles) return true;
  return false;
}
