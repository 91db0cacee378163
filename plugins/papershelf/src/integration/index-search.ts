import type { AstroIntegrationLogger } from 'astro';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { AstroError } from 'astro/errors';
import {
  buildSearchIndex,
  SearchIndexError,
  searchIndexFolder,
  type SearchIndexOptions,
  type SearchIndexPages,
  type SearchIndexSummary,
} from '../search/build-search-index.ts';
import { searchIndexCache } from './search-index-cache.ts';
import { pagefindPackage } from '../search/pagefind-package.ts';
import { updateSearchInput } from './search-input-mirror.ts';
import type { EarlyIndexing } from './index-while-rendering.ts';

/** What the build's search step indexes, and how. */
export interface SearchIndexing {
  /** The project's root: the log names the index's folder from it. */
  root: string;
  /** The built site. */
  dist: string;
  /** Papers in the archive, from the build's report; with none there is no index. */
  papers: number | undefined;
  options: SearchIndexOptions;
  /** Where an index is kept to be reused by a build whose pages are the same (incremental builds); none without. */
  cacheFolder?: string | undefined;
  pages?: SearchIndexPages;
  /** The copies made, and Pagefind's run begun, while the pages were rendered (see index-while-rendering.ts). */
  early?: EarlyIndexing | undefined;
}

/** The build's search step: index the paper pages with Pagefind and say what was written. */
export async function indexSearch(
  { root, dist, papers, options, cacheFolder, pages = {}, early }: SearchIndexing,
  logger: AstroIntegrationLogger,
): Promise<void> {
  // Pagefind indexes every page when none has data-pagefind-body: with no papers there is nothing to index.
  if (papers === 0) {
    // An incremental build keeps dist/, so the last build's index, if any, goes.
    await rm(join(dist, searchIndexFolder), { recursive: true, force: true });
    logger.info('search: no papers, so no search index');
    return;
  }
  const started = performance.now();
  const cache = cacheFolder === undefined ? undefined : await searchIndexCache(dist, cacheFolder, options, pages);
  // An index begun while rendering owns dist/pagefind/: the last build's is not copied over it.
  if (!early?.run && (await cache?.restore())) {
    await cache?.keepPageHashes();
    logger.info(
      `search: no page changed since the last build, so its index was reused (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return;
  }
  // Without a cache to keep them in, the copies Pagefind reads are made for this index only.
  const mirror = pages.mirror ?? (await mkdtemp(join(tmpdir(), 'papershelf-search-input-')));
  try {
    const input = updateSearchInput(dist, pages.folder ?? '', mirror, pages.fields, early?.copies);
    if (!pages.fields)
      logger.warn(
        'search: the build listed no search fields for the paper pages (its _papershelf/search-fields.json was missing), so the index has no filters, metadata or sort. Please report this with your astro.config.mjs.',
      );
    if (input.unmatched.length > 0)
      logger.warn(
        `search: ${input.unmatched.length} paper ${input.unmatched.length === 1 ? "page's" : "pages'"} search fields (filters, metadata, sort) matched no page in dist/, such as ${input.unmatched[0]}; those papers are searchable but cannot be filtered or sorted. Please report this with your astro.config.mjs.`,
      );
    const ran = early?.run && (await early.run);
    // Pagefind is run again after the build, which fails it when the cause is still there (not, say, memory the
    // rendering held).
    if (ran && 'error' in ran)
      logger.warn(`search: Pagefind, run while the pages were rendered, failed; running it again now:\n${String(ran.error)}`);
    // The index begun while rendering holds unless a page was written into the folder after (by a later integration).
    else if (ran && input.copiedNow.length === 0) {
      await cache?.save();
      logger.info(`${indexedLine(root, ran.summary, ran.seconds)}, while the rest of the site was rendered`);
      return;
    } else if (ran) {
      const [first] = input.copiedNow;
      const one = input.copiedNow.length === 1;
      logger.info(
        `search: ${one ? `1 paper page (${first})` : `${input.copiedNow.length} paper pages (such as ${first})`} changed in dist/ after ${one ? 'it was' : 'they were'} rendered and read by Pagefind (an integration listed before Papershelf rewrote or added ${one ? 'it' : 'them'}), so Pagefind indexes the pages again as published`,
      );
    }
    logger.info(
      // A first build (or one after the cache was cleared) has no copies to keep: every page is read, which is no news.
      pages.mirror && input.unchanged > 0
        ? `search: indexing paper pages with Pagefind, from copies reduced to what it reads (${input.read} ${input.read === 1 ? 'page' : 'pages'} read again since the last build, ${input.unchanged} unchanged)…`
        : 'search: indexing paper pages with Pagefind, from copies reduced to what it reads…',
    );
    const summary = await buildSearchIndex(dist, options, pages, input.site);
    await cache?.save();
    logger.info(indexedLine(root, summary, (performance.now() - started) / 1000));
  } catch (error) {
    if (error instanceof SearchIndexError)
      throw new AstroError(
        error.message,
        `The pages in dist/ are built; only the search index failed. Mend what the message above names (a program that is missing, a page Pagefind could not read, memory it ran out of) and build again; should Pagefind's own message point at Pagefind itself, report it at https://github.com/Pagefind/pagefind/issues with Pagefind's version, ${(await pagefindPackage()).version}.`,
      );
    throw error;
  } finally {
    if (!pages.mirror) await rm(mirror, { recursive: true, force: true });
  }
}

/** The log line of a written index: pages, where, its size and the seconds it took. */
function indexedLine(root: string, summary: SearchIndexSummary, seconds: number): string {
  const size = `${summary.files} files, ${(summary.bytes / 1024).toFixed(0)} KB`;
  return `search: indexed ${summary.pages} ${summary.pages === 1 ? 'page' : 'pages'} into ${relative(root, summary.outputPath) || summary.outputPath}/ (${size}) in ${seconds.toFixed(1)} s`;
}
