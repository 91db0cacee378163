import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { optionsSchema, type PapershelfOptions, type PapershelfUserOptions } from './options.ts';
import { optionsHook } from './integration/options-hook.ts';
import { configureMarkdown } from './integration/configure-markdown.ts';
import { injectArchiveRoutes } from './integration/inject-routes.ts';
import { addSitemap } from './integration/sitemap.ts';
import { viteSettings } from './integration/vite-settings.ts';
import { renderConcurrency } from './integration/render-concurrency.ts';
import { checkVocabulary } from './integration/check-vocabulary.ts';
import type { LinkSettings } from './links/site-links.ts';
import { noteBuildStart, type BuildStart } from './integration/incremental-report.ts';
import { finishBuild } from './integration/finish-build.ts';
import { writeArxivPages } from './integration/write-arxiv-pages.ts';
import { takeSearchFields } from './integration/search-fields-file.ts';
import { clearBuildNotes } from './integration/build-report.ts';
import { indexWhileRendering, type EarlyIndexing } from './integration/index-while-rendering.ts';
import { searchInputFolder } from './integration/search-input-mirror.ts';
import { prefixedPattern, routeTable } from './links/route-table.ts';
import type { SiteFacts } from './integration/virtual-options.ts';

/** The Papershelf integration: paper pages, math at build time, and the archive's routes. */
export default function papershelf(userOptions: PapershelfUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let config: AstroConfig | undefined;
  let links: LinkSettings | undefined;
  let start: BuildStart | undefined;
  // Whether dist/ is kept between builds, so restored pages stay in place and what is stale is pruned here.
  let keepsDist = false;
  let siteFacts: Omit<SiteFacts, 'root'> | undefined;
  // The /arxiv/ redirect pages this build wrote or found unchanged: its output, for the stale-file pass.
  let arxivPages: string[] = [];
  // The paper pages' search fields, for the copies Pagefind reads (see search-fields-file.ts).
  let searchFields: Map<string, string> | undefined;
  // What was done for the search index while the pages were rendered (see index-while-rendering.ts).
  let earlyIndexing: (() => EarlyIndexing) | undefined;
  return {
    name: 'astro-papershelf',
    hooks: {
      [optionsHook]: () => options,
      'astro:config:setup': ({ config: initial, updateConfig, injectRoute, addMiddleware, logger, command }) => {
        checkVocabulary(fileURLToPath(initial.root), options.paths.tags);
        configureMarkdown(initial, updateConfig, options, logger);
        const injected = injectArchiveRoutes(initial, injectRoute, options, logger, command);
        links = {
          base: initial.base,
          routePrefix: options.routePrefix,
          trailingSlash: initial.trailingSlash,
          format: initial.build.format,
        };
        addSitemap(initial, updateConfig, links);
        // Astro's CSP hashes every script of the site into every page; each page keeps its own (see csp/).
        addMiddleware({ entrypoint: 'astro-papershelf/csp-middleware', order: 'post' });
        // Read by pages when the virtual module loads; `csp` is settled once every integration has set up.
        siteFacts = { ...injected, trailingSlash: initial.trailingSlash, format: initial.build.format, csp: false, cspHashes: [] };
        updateConfig({ vite: viteSettings(initial, options, siteFacts, command, () => Boolean((config ?? initial).adapter)) });
        const concurrency = renderConcurrency(initial);
        if (concurrency !== undefined) updateConfig({ build: { concurrency } });
        if (options.incrementalBuild) {
          updateConfig({ experimental: { incrementalBuild: true } });
          keepsDist = initial.output === 'static' && initial.vite.build?.emptyOutDir === undefined;
          if (keepsDist) updateConfig({ vite: { build: { emptyOutDir: false } } });
        }
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
        // A CSP may come from an integration set up after this one.
        if (siteFacts) {
          siteFacts.csp = Boolean(done.security?.csp);
          siteFacts.cspHashes = configuredHashes(done.security?.csp);
        }
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        if (config) await clearBuildNotes(config.outDir);
        if (config?.experimental.incrementalBuild) start = await noteBuildStart(config);
        earlyIndexing = undefined;
        // Only with Astro's own prerenderer: an adapter's may render elsewhere (workerd), and is left alone.
        if (config && start && links && options.features.search && !config.adapter) {
          const early = indexWhileRendering({
            dist: fileURLToPath(config.outDir),
            mirror: searchInputFolder(config),
            links,
            fieldsRoute: prefixedPattern(routeTable.searchFields, options.routePrefix),
            maxFragments: options.search.maxFragments,
          });
          setPrerenderer(early.wrap);
          earlyIndexing = early.result;
        }
      },
      // Before any integration's build:done (an adapter's copies the output), as Astro's own pages are.
      'astro:build:generated': async ({ dir, logger }) => {
        arxivPages = config && links ? await writeArxivPages(fileURLToPath(dir), config, links, logger) : [];
        // Taken out of dist/ here too, so that no integration's build:done can copy the list with the site.
        searchFields = await takeSearchFields(fileURLToPath(dir), links ?? { base: '/', format: 'directory' });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        await finishBuild(
          { dir, assets, config, links, start, keepsDist, arxivPages, searchFields, earlyIndexing: earlyIndexing?.() },
          options,
          logger,
        );
      },
    },
  };
}

/** The hashes a site's CSP config lists for its scripts and styles. */
function configuredHashes(csp: AstroConfig['security']['csp']): string[] {
  if (!csp || csp === true) return [];
  return [...(csp.scriptDirective?.hashes ?? []), ...(csp.styleDirective?.hashes ?? [])].map((hash) =>
    typeof hash === 'string' ? hash : hash.hash,
  );
}

function parseOptions(userOptions: PapershelfUserOptions): PapershelfOptions {
  const result = optionsSchema.safeParse(userOptions);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `\`${issue.path.join('.') || 'options'}\`: ${issue.message}`);
  throw new AstroError(`Invalid papershelf() options:\n${lines.join('\n')}`, 'See the options table in the astro-papershelf README.');
}

export type { PapershelfUserOptions, PapershelfOptions };
