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
} from '../search/build-search-index.ts';
import { searchIndexCache } from './search-index-cache.ts';
import { updateSearchInput } from './search-input-mirror.ts';

/** The build's search step: index the paper pages with Pagefind and say what was written. */
export async function indexSearch(
  root: string,
  dist: string,
  papers: number | undefined,
  options: SearchIndexOptions,
  logger: AstroIntegrationLogger,
  cacheFolder?: string,
  pages: SearchIndexPages = {},
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
  if (await cache?.restore()) {
    await cache?.keepPageHashes();
    logger.info(
      `search: no page changed since the last build, so its index was reused (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return;
  }
  // Without a cache to keep them in, the copies Pagefind reads are made for this index only.
  const mirror = pages.mirror ?? (await mkdtemp(join(tmpdir(), 'papershelf-search-input-')));
  try {
    const input = updateSearchInput(dist, pages.folder ?? '', mirror, pages.fields);
    logger.info(
      // A first build (or one after the cache was cleared) has no copies to keep: every page is read, which is no news.
      pages.mirror && input.unchanged > 0
        ? `search: indexing paper pages with Pagefind, from copies reduced to what it reads (${input.read} pages read again since the last build, ${input.unchanged} unchanged)…`
        : 'search: indexing paper pages with Pagefind, from copies reduced to what it reads…',
    );
    if (!pages.fields)
      logger.warn(
        'search: the build listed no search fields for the paper pages (its _papershelf/search-fields.json was missing), so the index has no filters, metadata or sort. Please report this with your astro.config.mjs.',
      );
    if (input.unmatched.length > 0)
      logger.warn(
        `search: ${input.unmatched.length} paper ${input.unmatched.length === 1 ? "page's" : "pages'"} search fields (filters, metadata, sort) matched no page in dist/, such as ${input.unmatched[0]}; those papers are searchable but cannot be filtered or sorted. Please report this with your astro.config.mjs.`,
      );
    const summary = await buildSearchIndex(dist, options, pages, input.site);
    await cache?.save();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const size = `${summary.files} files, ${(summary.bytes / 1024).toFixed(0)} KB`;
    logger.info(
      `search: indexed ${summary.pages} ${summary.pages === 1 ? 'page' : 'pages'} into ${relative(root, summary.outputPath) || summary.outputPath}/ (${size}) in ${seconds} s`,
    );
  } catch (error) {
    if (error instanceof SearchIndexError)
      throw new AstroError(error.message, "The pages are built; only the search index failed. Pagefind's message above names the cause.");
    throw error;
  } finally {
    if (!pages.mirror) await rm(mirror, { recursive: true, force: true });
  }
}
