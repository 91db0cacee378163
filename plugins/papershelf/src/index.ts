import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { optionsSchema, type PapershelfOptions, type PapershelfUserOptions } from './options.ts';
import { optionsHook } from './integration/options-hook.ts';
import { configureMarkdown } from './integration/configure-markdown.ts';
import { injectArchiveRoutes } from './integration/inject-routes.ts';
import { addSitemap } from './integration/sitemap.ts';
import { viteSettings } from './integration/vite-settings.ts';
import { checkVocabulary } from './integration/check-vocabulary.ts';
import { reportMath } from './integration/report-math.ts';
import { reportArchive } from './integration/build-report.ts';
import type { LinkSettings } from './links/site-links.ts';
import { noteBuildStart, reportIncremental, type BuildStart } from './integration/incremental-report.ts';
import { indexSearch } from './integration/index-search.ts';
import { defaultMaxFragments, searchIndexFolder } from './search/build-search-index.ts';
import { pruneStaleOutput } from './integration/prune-stale-output.ts';
import { paperPagesFolder } from './integration/paper-pages-folder.ts';

/** The Papershelf integration: paper pages, math at build time, and the archive's routes. */
export default function papershelf(userOptions: PapershelfUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let config: AstroConfig | undefined;
  let links: LinkSettings | undefined;
  let start: BuildStart | undefined;
  // Whether dist/ is kept between builds, so restored pages stay in place and what is stale is pruned here.
  let keepsDist = false;
  return {
    name: 'astro-papershelf',
    hooks: {
      [optionsHook]: () => options,
      'astro:config:setup': ({ config: initial, updateConfig, injectRoute, logger }) => {
        checkVocabulary(fileURLToPath(initial.root), options.paths.tags);
        configureMarkdown(initial, updateConfig, options, logger);
        const injected = injectArchiveRoutes(initial, injectRoute, options, logger);
        links = {
          base: initial.base,
          routePrefix: options.routePrefix,
          trailingSlash: initial.trailingSlash,
          format: initial.build.format,
        };
        addSitemap(initial, updateConfig, links);
        updateConfig({
          vite: viteSettings(initial, options, { ...injected, trailingSlash: initial.trailingSlash, format: initial.build.format }),
        });
        if (options.incrementalBuild) {
          updateConfig({ experimental: { incrementalBuild: true } });
          keepsDist = initial.output === 'static' && initial.vite.build?.emptyOutDir === undefined;
          if (keepsDist) updateConfig({ vite: { build: { emptyOutDir: false } } });
        }
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': async () => {
        if (config?.experimental.incrementalBuild) start = await noteBuildStart(config);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const dist = fileURLToPath(dir);
        if (start && keepsDist) {
          const stale = pruneStaleOutput(dist, start.startedAt, assets, options.features.search ? [searchIndexFolder] : []);
          if (stale.length > 0) logger.info(`removed ${stale.length} ${stale.length === 1 ? 'file' : 'files'} left by earlier builds`);
        }
        if (config && start) await reportIncremental(config, start, assets, dir, logger);
        const report = await reportArchive(dist, logger);
        await reportMath(dist, links, logger, options.math.failOnError);
        // With incremental builds on, an index made from the very same pages is reused (see search-index-cache.ts).
        const indexCache = config && start ? fileURLToPath(new URL('papershelf-search/', config.cacheDir)) : undefined;
        // Pagefind reads only the paper pages (the pages it indexes), not the tens of thousands of listings around them.
        const pages = { folder: paperPagesFolder(links) };
        const search = { maxFragments: options.search.maxFragments ?? defaultMaxFragments(report?.papers ?? 0) };
        if (options.features.search)
          await indexSearch(config ? fileURLToPath(config.root) : process.cwd(), dist, report?.papers, search, logger, indexCache, pages);
      },
    },
  };
}

function parseOptions(userOptions: PapershelfUserOptions): PapershelfOptions {
  const result = optionsSchema.safeParse(userOptions);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `\`${issue.path.join('.') || 'options'}\`: ${issue.message}`);
  throw new AstroError(`Invalid papershelf() options:\n${lines.join('\n')}`, 'See the options table in the astro-papershelf README.');
}

export type { PapershelfUserOptions, PapershelfOptions };
