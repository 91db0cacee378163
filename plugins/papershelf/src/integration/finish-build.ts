import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PapershelfOptions } from '../options.ts';
import type { LinkSettings } from '../links/site-links.ts';
import { fragmentFiles, searchIndexFolder } from '../search/build-search-index.ts';
import { reportIncremental, type BuildStart } from './incremental-report.ts';
import { pruneStaleOutput } from './prune-stale-output.ts';
import { reportArchive } from './build-report.ts';
import { reportMath } from './report-math.ts';
import { reportRedirects } from './report-redirects.ts';
import { paperPagesFolder } from './paper-pages-folder.ts';
import { indexSearch } from './index-search.ts';
import { searchInputFolder } from './search-input-mirror.ts';
import { sitemapWritesAgain } from './sitemap.ts';
import type { EarlyIndexing } from './index-while-rendering.ts';

/** What the build's last steps need to know of it. */
export interface FinishedBuild {
  /** `astro:build:done`'s output folder and the files each route wrote or restored. */
  dir: URL;
  assets: Map<string, URL[]>;
  config: AstroConfig | undefined;
  links: LinkSettings | undefined;
  /** Set when the build is incremental (see incremental-report.ts). */
  start: BuildStart | undefined;
  /** Whether dist/ was kept between builds (`emptyOutDir: false`), so what is stale in it must go. */
  keepsDist: boolean;
  /** The /arxiv/ redirect pages of this build (see write-arxiv-pages.ts), written or left unchanged. */
  arxivPages: readonly string[];
  /** Each paper page's search fields, by its file in dist/ (see search-fields-file.ts); undefined when none were listed. */
  searchFields: ReadonlyMap<string, string> | undefined;
  /** The copies made, and Pagefind's run begun, while the pages were rendered (see index-while-rendering.ts). */
  earlyIndexing?: EarlyIndexing | undefined;
}

/**
 * The archive's steps after Astro has written the site (and the /arxiv/
 * redirect pages), in order: remove what earlier builds left in a kept dist/, say what was rendered and
 * restored, report the archive, its math and what hosts would not follow of `_redirects`, then
 * index the paper pages with their search fields.
 */
export async function finishBuild(build: FinishedBuild, options: PapershelfOptions, logger: AstroIntegrationLogger): Promise<void> {
  const { dir, assets, config, links, start } = build;
  const dist = fileURLToPath(dir);
  if (start && build.keepsDist) {
    // Redirect pages left unchanged are this build's output too, though not written again.
    const outputs = new Map([...assets, ['arxiv redirects', build.arxivPages.map((file) => pathToFileURL(file))]]);
    const removed = pruneStaleOutput(dist, start.startedAt, outputs, options.features.search ? [searchIndexFolder] : []);
    // The sitemap's integration writes its files after this step; the last build's go first, and are not news.
    const stale = removed.filter((file) => !(config && sitemapWritesAgain(config, file)));
    if (stale.length > 0) logger.info(`removed ${stale.length} ${stale.length === 1 ? 'file' : 'files'} left by earlier builds`);
  }
  if (config && start) await reportIncremental(config, start, assets, dir, logger);
  const report = await reportArchive(dist, logger);
  // With incremental builds on, only the pages written since the last build are read for math marks.
  const mathCache = config && start ? fileURLToPath(new URL('papershelf/math-marks.json', config.cacheDir)) : undefined;
  await reportMath(dist, links, logger, options.math.failOnError, mathCache);
  if (options.arxivRedirects === 'redirects-file' && links) await reportRedirects(dist, links, logger);
  if (!options.features.search) return;
  // With incremental builds on, an index made from the very same pages is reused (see search-index-cache.ts).
  const indexCache = config && start ? fileURLToPath(new URL('papershelf-search/', config.cacheDir)) : undefined;
  // Pagefind reads only the paper pages (the pages it indexes), not the tens of thousands of listings around them;
  // with incremental builds on, from copies kept in the cache that hold only what it reads of them.
  const mirror = config && start ? searchInputFolder(config) : undefined;
  const pages = { folder: paperPagesFolder(links), mirror, fields: build.searchFields };
  const search = { maxFragments: fragmentFiles(options.search.maxFragments, report?.papers ?? 0), base: links?.base ?? config?.base };
  await indexSearch(
    {
      root: config ? fileURLToPath(config.root) : process.cwd(),
      dist,
      papers: report?.papers,
      options: search,
      cacheFolder: indexCache,
      pages,
      early: build.earlyIndexing,
    },
    logger,
  );
}
