import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

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

/** Options of the search index step. */
export interface SearchIndexOptions {
  /** Bundle fragments into at most this many files (for hosts with a file-count limit). */
  maxFragments?: number | undefined;
}

/** Which built pages Pagefind reads: those under a folder of `dist/` (`papers/`; default every page). */
export interface SearchIndexPages {
  folder?: string | undefined;
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
 * Indexes the built site with Pagefind's Node API into `<dist>/pagefind/`.
 * Only pages with `data-pagefind-body` (the paper pages) are indexed; `pages`
 * narrows what Pagefind reads at all to where those pages are. Every
 * response's `errors` is checked, and the Pagefind service is closed even
 * when a step fails, so a build never hangs on it.
 */
export async function buildSearchIndex(
  dist: string,
  options: SearchIndexOptions = {},
  pages: SearchIndexPages = {},
): Promise<SearchIndexSummary> {
  const outputPath = join(dist, searchIndexFolder);
  // Pagefind names its files by their content: an older index's files would stay beside the new ones.
  await rm(outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex(options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments });
    if (created.errors.length > 0 || !created.index) throw new SearchIndexError('starting', created.errors);
    const added = await created.index.addDirectory(pages.folder ? { path: dist, glob: `${pages.folder}**/*.html` } : { path: dist });
    if (added.errors.length > 0) throw new SearchIndexError(`indexing ${dist}`, added.errors);
    const written = await created.index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`writing ${outputPath}`, written.errors);
    const size = await folderSize(outputPath);
    return { pages: await indexedPages(outputPath), ...size, outputPath };
  } finally {
    await pagefind.close();
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
