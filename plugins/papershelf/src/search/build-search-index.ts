import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { constants, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagefindPackage } from './pagefind-package.ts';
import { minifyPagefindScript } from './minify-pagefind-script.ts';
import { compactPageNames } from './compact-page-names.ts';

/** The folder of `dist/` the search index is written to. */
export const searchIndexFolder = 'pagefind';

/**
 * Pagefind's `maxFragments` when the site sets none: one fragment file a paper
 * up to 1,000 papers, then at most the larger of 1,000 and a quarter of the
 * papers (up to four papers a file). A result then loads a bundle of up to
 * ~3 KB rather than ~0.8 KB, and the index stops adding a file a paper
 * (10,000 at 10,000 papers before).
 */
export function defaultMaxFragments(papers: number): number | undefined {
  return papers <= 1000 ? undefined : Math.max(1000, Math.ceil(papers / 4));
}

/**
 * The `maxFragments` Pagefind is given for the site's `search.maxFragments`
 * option: its own number, none for `false` (a fragment file a paper), else
 * the default for the archive's size (`defaultMaxFragments`). Bundles cost
 * every search: a result loads its whole bundle (2.3 KB for four papers
 * rather than 0.9 KB for one). The list of pages a search loads first names
 * each page's bundle, but its pages then get short names
 * (compact-page-names.ts): 78 KB at 10,000 papers, against 89 KB unbundled.
 */
export function fragmentFiles(option: number | false | undefined, papers: number): number | undefined {
  if (option === false) return undefined;
  return option ?? defaultMaxFragments(papers);
}

/** Options of the search index step. */
export interface SearchIndexOptions {
  /** Bundle fragments into at most this many files (for hosts with a file-count limit). */
  maxFragments?: number | undefined;
  /** The site's base path (`/`, `/2024/`): a bundled index's pages are named apart from another build's by it (see compact-page-names.ts). */
  base?: string | undefined;
}

/** Which built pages Pagefind reads: those under a folder of `dist/` (`papers/`; default every page). */
export interface SearchIndexPages {
  folder?: string | undefined;
  /**
   * A folder of the cache where the pages under `folder` are kept reduced to
   * what Pagefind reads of them, with their search fields (see
   * search-input-mirror.ts): Pagefind reads them there, in two thirds of the
   * time. Default: a temporary folder, made for this index and removed after.
   */
  mirror?: string | undefined;
  /** Each paper page's search fields (`searchFieldsHtml`), by its path in dist/; the published pages do without them. */
  fields?: ReadonlyMap<string, string> | undefined;
}

/** What the index step did, for the build's log. */
export interface SearchIndexSummary {
  /** Pages in the index (those with `data-pagefind-body`), not every page read. */
  pages: number;
  /** Bytes and files written under `pagefind/`. */
  bytes: number;
  files: number;
  outputPath: string;
}

/** Pagefind answered with errors: the build must fail rather than ship a broken index. */
export class SearchIndexError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
    this.name = 'SearchIndexError';
  }
}

/**
 * Indexes the built site with Pagefind into `<dist>/pagefind/`. Only pages
 * with `data-pagefind-body` (the paper pages) are indexed; `pages` narrows
 * what Pagefind reads at all to where those pages are.
 *
 * It runs Pagefind's command-line program rather than its Node API: the
 * same indexer writes the same files, byte for byte, but the program took
 * 12.0 s where the API took 13.7 s (10,000 papers, three runs each). It runs
 * in an empty folder and without the build's `PAGEFIND_*` variables, so
 * neither a Pagefind config file where the build was started nor the
 * environment changes the index, as neither did through the API. It runs
 * the platform's binary itself (`pagefindBinary`), so that it can stop it.
 */
export async function buildSearchIndex(
  dist: string,
  options: SearchIndexOptions = {},
  pages: SearchIndexPages = {},
  /** Where Pagefind reads the pages: dist/, or a folder with the same paths (see search-input-mirror.ts). */
  site: string = dist,
  /** Run Pagefind at the lowest priority, on what the build's own work leaves of the machine. */
  background = false,
): Promise<SearchIndexSummary> {
  const outputPath = join(dist, searchIndexFolder);
  // Pagefind names its files by their content: an older index's files would stay beside the new ones.
  await rm(outputPath, { recursive: true, force: true });
  const { cli, binary } = await pagefindPackage();
  if (binary && !existsSync(binary.path))
    throw new SearchIndexError('starting', [
      `there is no Pagefind binary at ${binary.path}`,
      binary.variable
        ? `the ${binary.variable} variable names it: point it at Pagefind's binary, or unset it to run the one npm installed`
        : 'reinstall Pagefind with `npm ci`',
    ]);
  if (!binary && !cli)
    throw new SearchIndexError('starting', [
      'the installed pagefind package names no command-line program (its package.json has no `bin`); reinstall it with `npm ci`',
    ]);
  const args = ['--site', site, '--output-path', outputPath, '--quiet'];
  if (pages.folder) args.push('--glob', `${pages.folder}**/*.html`);
  if (options.maxFragments !== undefined) args.push('--max-fragments', String(options.maxFragments));
  // Without a binary where the package's script looks, the script runs, should a later Pagefind keep it elsewhere;
  // today it looks where pagefindBinary does, and says what is missing.
  const [command, commandArgs] = binary ? [binary.path, args] : [process.execPath, [cli!, ...args]];
  const run = await runInEmptyFolder(command, commandArgs, background).catch((error: unknown) => {
    // The program would not start (not executable, say); any other error is the build's own.
    if (!(error instanceof Error && 'syscall' in error && String(error.syscall).startsWith('spawn'))) throw error;
    throw new SearchIndexError('starting', [`could not run ${command}: ${error.message}`]);
  });
  if (run.code !== 0) {
    // Pagefind prints some errors once per thread: each is said once.
    const lines = [...new Set(run.output.split('\n').map((line) => line.trim()))].filter(Boolean);
    throw new SearchIndexError(
      `indexing ${site}`,
      lines.length > 0
        ? lines
        : [`it stopped (${run.code}) and said nothing; a stop by SIGKILL is most often the machine running out of memory`],
    );
  }
  await minifyPagefindScript(outputPath);
  compactPageNames(outputPath, options.base);
  const size = await folderSize(outputPath);
  return { pages: await indexedPages(outputPath), ...size, outputPath };
}

/**
 * The build's environment without what would make the program differ from
 * Pagefind's Node API: the program reads `PAGEFIND_*` settings (the API's
 * service does not; only the variables naming the binary are kept), and the
 * build's `NODE_OPTIONS` (a preload module, a debugger) are the build's, not
 * the program's.
 */
export function pagefindEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'NODE_OPTIONS' && (!name.startsWith('PAGEFIND_') || name.endsWith('_BINARY_PATH'))),
  );
}

/** Signals that ask the build to end (Ctrl-C, `kill`, a closed terminal): Pagefind is stopped first. */
const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The signal listeners of the Pagefind runs under way, told apart from the rest of the process's. */
const runsListening = new Set<(signal: NodeJS.Signals) => void>();

/**
 * Runs a program with an empty working folder; its exit code and everything
 * it printed. Should the build's process exit first (a page that fails to
 * render after Pagefind started, or a signal that ends it), the program is stopped and its folder removed, rather
 * than indexing on into a failed build's output for up to a minute and a
 * half with gigabytes of memory (50,000 papers).
 */
async function runInEmptyFolder(
  command: string,
  args: string[],
  background: boolean,
): Promise<{ code: number | string | null; output: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'papershelf-pagefind-'));
  try {
    return await new Promise((resolve, reject) => {
      // In the background it starts at the lowest priority through `nice`, which becomes the program (so stopping
      // it stops the program): lowered once started, threads it had started by then would keep their priority.
      const nice = background && process.platform !== 'win32' ? ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path)) : undefined;
      const [program, programArgs] = nice ? [nice, ['-n', '19', command, ...args]] : [command, args];
      const child = spawn(program, programArgs, {
        cwd,
        env: pagefindEnv(process.env),
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      // Only synchronous work runs as the process exits.
      const stop = () => {
        child.kill();
        try {
          rmSync(cwd, { recursive: true, force: true });
        } catch {
          // Still the working folder of a program not yet ended (Windows): a folder left in the system's temporary one.
        }
      };
      // A signal sent to the build's process alone (a CI job cancelled, a `kill`, a closed terminal) ends it without
      // its exit listeners. Heard first, and only when nothing else in the process listens for it (a site's own
      // handler then decides, and the exit listener stops the program if the process exits), it stops the program,
      // then sends itself the signal again to end the build as it would have ended.
      const onSignal = (signal: NodeJS.Signals) => {
        if (process.listeners(signal).some((listener) => !runsListening.has(listener as (signal: NodeJS.Signals) => void))) return;
        stop();
        unlisten();
        // Windows cannot send SIGHUP; SIGINT ends a process there as it does.
        process.kill(process.pid, process.platform === 'win32' && signal === 'SIGHUP' ? 'SIGINT' : signal);
      };
      const unlisten = () => {
        process.off('exit', stop);
        for (const signal of stopSignals) process.off(signal, onSignal);
        runsListening.delete(onSignal);
      };
      process.once('exit', stop);
      runsListening.add(onSignal);
      for (const signal of stopSignals) process.prependListener(signal, onSignal);
      // Without `nice` (Windows, whose priority is the whole process's), it is lowered once started.
      if (background && !nice && child.pid !== undefined)
        try {
          setPriority(child.pid, constants.priority.PRIORITY_LOW);
        } catch {
          // Only slower for the build's other work.
        }
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      child.on('error', (error) => {
        unlisten();
        reject(error);
      });
      child.on('close', (code, signal) => {
        unlisten();
        resolve({ code: code ?? signal, output });
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** Pages in the written index, summed over its languages (Pagefind's own count covers every page it read). */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

async function folderSize(folder: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}
