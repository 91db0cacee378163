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
import type { LinkSettings } from './links/site-links.ts';
import { noteBuildStart, type BuildStart } from './integration/incremental-report.ts';
import { finishBuild } from './integration/finish-build.ts';

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
      'astro:config:setup': ({ config: initial, updateConfig, injectRoute, logger, command }) => {
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
        // The archive's last steps run after every other integration's, the sitemap's above all: the files those
        // write when the build is done are this build's own, not stale ones for the pruning to take away.
        const finish: AstroIntegration = {
          name: 'astro-papershelf:finish',
          hooks: {
            'astro:build:done': async ({ dir, assets }) => {
              await finishBuild({ dir, assets, config, links, start, keepsDist }, options, logger);
            },
          },
        };
        updateConfig({ integrations: [finish] });
        updateConfig({
          vite: viteSettings(initial, options, {
            ...injected,
            trailingSlash: initial.trailingSlash,
            format: initial.build.format,
            csp: Boolean(initial.security?.csp),
          }),
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
