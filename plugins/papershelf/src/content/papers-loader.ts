import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { defaultOptions, papershelfOptionsOf } from '../integration/options-hook.ts';
import { archiveProblems, formatProblem, sortProblems, type ArchiveFile, type PaperProblem } from './validate-paper.ts';
import { paperValidator, validateOptionsOf, validatorSetupOf } from './paper-validator.ts';
import { contentWorker, type ContentWorker } from './content-worker-client.ts';
import { renderSetupOf, workerEntryTypes } from './worker-render.ts';
import { validateArchiveFolder } from './validate-archive.ts';
import { fileNameProblem, isPaperFileName } from './paper-file-name.ts';
import { relatedCacheFacts } from '../integration/related-cache-facts.ts';
import { precomputeRelated, relatedInputOf } from '../archive/related-precompute.ts';
import { archiveCollection } from './archive-collection.ts';
import { countOf } from '../text/count-of.ts';

/** Options of `papersLoader()`. */
export interface PapersLoaderOptions {
  /** Folder of paper files relative to the site root (default: the integration's `paths.papers`, else `content/papers`). */
  base?: string;
}

/**
 * Loads one paper a file from `content/papers/**` (`.md` and `.mdx`), the
 * file name being the slug. Wraps Astro's `glob()`, which renders Markdown
 * while syncing content and keeps the HTML in the content layer's cache, so
 * a rebuild re-renders only the papers that changed (the benchmark measured
 * `deferRender` at 3× the build time: every paper became a Vite module). It adds
 * what glob cannot: frontmatter read without YAML timestamps (so 2025-02-30
 * is an error, not March 2nd), and one check of every file with the validator
 * `papershelf check` uses: the build stops once, listing every problem of
 * every file as `file:line: message`, exactly the lines `check` prints.
 */
export function papersLoader(options: PapersLoaderOptions = {}): Loader {
  // One glob loader for the life of the process: it remembers which file is which entry between loads in `astro dev`.
  let inner: Loader | undefined;
  return {
    name: 'astro-papershelf:papers',
    async load(context) {
      // The integration's settings come with the config the loader is given, never through global state.
      const settings = papershelfOptionsOf(context.config.integrations) ?? defaultOptions();
      const base = options.base ?? settings.paths.papers;
      inner ??= glob({ pattern: '**/[^_.]*.{md,mdx}', base });
      const setup = validatorSetupOf(fileURLToPath(context.config.root), settings.paths.tags, settings.freeTags);
      // A name the glob loader cannot make a page of stops it, or loses the paper with a line in the log: said first.
      const misnamed = await misnamedFiles(setup.root, base);
      if (misnamed.length > 0)
        throw new AstroError(
          `${misnamed.length === 1 ? 'A paper file has a problem' : `Paper files have ${misnamed.length} problems`}:\n${sortProblems(misnamed).map(formatProblem).join('\n')}`,
          'Rename or move each file above; `npm run papers -- check` lists the same problems without building.',
        );
      // A build checks and renders the archive's files on a second thread too; `astro dev` keeps to its own for the
      // files it watches, and PAPERSHELF_CONTENT_WORKER=0 keeps a build to one (to rule the worker out when something
      // looks wrong). Another collection read with this loader keeps to one thread: one worker is enough for two cores.
      const render = renderSetupOf(context.config, { macros: settings.macros, root: setup.root });
      const worker =
        context.watcher || context.collection !== archiveCollection || process.env['PAPERSHELF_CONTENT_WORKER'] === '0'
          ? undefined
          : contentWorker({ validator: setup, render });
      let renderDiffers = false;
      const validate = paperValidator(setup, worker);
      const problems: PaperProblem[] = [];
      const rejected: string[] = [];
      // Files that make the id of another file still there (`A.md` and `a.md`): the glob loader keeps the last one.
      const sharedIds: ArchiveFile[] = [];
      const rejectedFiles: ArchiveFile[] = [];
      // Astro keeps each paper's rendered HTML, and restores the pages that show it, until the file's digest changes:
      // a digest of the file and of Papershelf's rendering code (Markdown, KaTeX, the text the search index reads of
      // a formula) has another version of that code render every paper, and every page that shows one, again.
      const code = relatedCacheFacts(context.config.cacheDir)?.code;
      const generateDigest: LoaderContext['generateDigest'] = code
        ? (data) => context.generateDigest(typeof data === 'string' ? `${code}\n${data}` : { code, data })
        : context.generateDigest;
      // Files new or changed since the last sync: the glob loader parses only those.
      let parsed = 0;
      let failed: unknown;
      // After the first load, `astro dev` reads each file it sees change on its own (the glob loader's watcher).
      let watching = false;
      await inner
        .load({
          ...context,
          generateDigest,
          ...(worker && render ? workerEntryTypes(context, worker, () => (renderDiffers = true)) : {}),
          parseData: async (props) => {
            parsed++;
            const holder = context.store.get(props.id)?.filePath;
            const file = props.filePath && posixRelative(setup.root, props.filePath);
            if (holder && file && holder !== file && existsSync(join(setup.root, holder)))
              sharedIds.push({ file: holder, id: props.id, arxiv: undefined }, { file, id: props.id, arxiv: undefined });
            const found = props.filePath ? await validate(props.filePath) : { problems: [], frontmatter: undefined };
            const frontmatter = found.frontmatter ?? props.data;
            if (found.problems.length === 0) return context.parseData({ ...props, data: frontmatter as typeof props.data });
            // A file edited under `astro dev` keeps its last good version, and the log says why the edit was not taken:
            // stored as written, a bad value (a date that is no day) would stop every page the archive makes.
            if (watching)
              throw new Error(
                `${sortProblems(found.problems).map(formatProblem).join('\n')}\nThe page shows the file's last good version until it is fixed.`,
              );
            problems.push(...found.problems);
            rejected.push(props.id);
            // Its arXiv id as written still counts for duplicates, as `check` counts it.
            if (file) rejectedFiles.push({ file, id: props.id, arxiv: found.frontmatter?.['arxiv'] });
            return props.data;
          },
        })
        .catch((error: unknown) => {
          // Astro's own frontmatter parser stops at the first file it cannot read (YAML it rejects).
          failed = error;
        })
        .finally(() => {
          watching = true;
          return worker?.close();
        });
      if (worker) logWorker(context, worker, render ? renderDiffers : 'no setup');
      // A rejected file must be read again next time, not skipped as unchanged.
      for (const id of rejected) context.store.delete(id);
      // Stored entries name their files relative to the site root already.
      const stored = context.store.values().map((entry) => ({ file: entry.filePath ?? entry.id, id: entry.id, arxiv: entry.data['arxiv'] }));
      problems.push(...archiveProblems([...stored, ...sharedIds, ...rejectedFiles]));
      if (failed !== undefined) {
        // The load stopped early, so some files were never seen: list every file's problems, as `check` does.
        const all = await validateArchiveFolder(setup.root, base, validateOptionsOf(setup));
        if (all.problems.length === 0) throw failed;
        problems.splice(0, Infinity, ...all.problems);
      }
      if (problems.length > 0) {
        throw new AstroError(
          `${problems.length === 1 ? 'A paper file has a problem' : `Paper files have ${problems.length} problems`}:\n${sortProblems(problems).map(formatProblem).join('\n')}`,
          'Fix each line above (for an unknown tag: use an id or alias of the vocabulary, add the tag there, or set `freeTags: true`); `npm run papers -- check` lists the same problems without building.',
        );
      }
      // A build (the dev server has a watcher) starts related papers now, on a second core, rather than after bundling.
      // Only for the collection the archive is made of: a site may load other folders with this loader.
      if (!context.watcher && context.collection === archiveCollection && settings.features.related) startRelatedPapers(context, parsed);
    },
  };
}

function startRelatedPapers(context: LoaderContext, changed: number): void {
  const facts = relatedCacheFacts(context.config.cacheDir);
  if (!facts) return;
  const inputs = context.store
    .values()
    .filter((entry) => entry.data['draft'] !== true)
    .map((entry) => relatedInputOf(entry.id, String(entry.data['title']), entry.body ?? ''));
  const notStarted = precomputeRelated(facts, inputs, changed);
  if (notStarted) context.logger.info(`related papers: no second thread for them (${notStarted})`);
}

/** What the content worker did, for the build's log: nothing when it never started. */
function logWorker(context: LoaderContext, worker: ContentWorker, renderDiffers: boolean | 'no setup'): void {
  const { validate, render } = worker.done;
  if (worker.failure)
    context.logger.warn(
      `content: the second thread stopped (${worker.failure}); the main thread did the rest, so nothing is missing. If it stops in every build, PAPERSHELF_CONTENT_WORKER=0 keeps builds to one thread`,
    );
  if (validate + render === 0) return;
  const why =
    renderDiffers === 'no setup'
      ? ' (Markdown renders on the main thread, as the site adds remark or rehype plugins or settings that are functions: only slower, nothing to change)'
      : renderDiffers
        ? ' (Markdown renders on the main thread: the second thread rendered a test paper differently; please report this with your astro.config.mjs)'
        : '';
  context.logger.info(`content: ${countOf(validate, 'paper file')} checked and ${render} rendered on a second thread${why}`);
}

/** The paper files whose names the build cannot read or make an address of (see paper-file-name.ts). */
async function misnamedFiles(root: string, papersDir: string): Promise<PaperProblem[]> {
  const folder = resolve(root, papersDir);
  const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
  return names.filter(isPaperFileName).flatMap((name) => {
    const message = fileNameProblem(name);
    return message ? [{ file: posixRelative(root, join(folder, name)), message }] : [];
  });
}

/** A file's path from the site root with `/` between folders, as the content store names files. */
function posixRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
