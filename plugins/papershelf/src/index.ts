import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { optionsSchema, type PapershelfOptions, type PapershelfUserOptions } from './options.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { optionsHook } from './integration/options-hook.ts';
import { configureMarkdown } from './configure-markdown.ts';
import { archiveRoutes, prefixed } from './routes.ts';
import { siteFeatures } from './site-features.ts';
import { reportMath } from './report-math.ts';
import { resetMathFailures } from './markdown/math-report.ts';
import { virtualOptionsPlugin } from './virtual-options.ts';
import { virtualVocabularyPlugin } from './virtual-vocabulary.ts';
import { virtualComponentsPlugin } from './virtual-components.ts';
import { readVocabularyFile } from './taxonomy/read-vocabulary-file.ts';
import { VocabularyError } from './taxonomy/vocabulary-problem.ts';
import { reportArchive, resetArchiveReport } from './report-archive.ts';
import { indexSearch } from './index-search.ts';
import { serveLastSearchIndex } from './search/serve-last-index.ts';
import { quietHeadInjectWarnings } from './quiet-head-inject.ts';

/** The Papershelf integration: paper pages, math at build time, and the archive's routes. */
export default function papershelf(userOptions: PapershelfUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let config: AstroConfig | undefined;
  return {
    name: 'astro-papershelf',
    hooks: {
      [optionsHook]: () => options,
      'astro:config:setup': ({ config: initial, updateConfig, injectRoute, logger }) => {
        const root = fileURLToPath(initial.root);
        const ownIcon = findFavicon(initial.publicDir);
        if (!ownIcon) injectRoute({ pattern: '/favicon.svg', entrypoint: 'astro-papershelf/routes/favicon.svg.ts', prerender: true });
        const favicon = ownIcon ?? 'favicon.svg';
        checkVocabulary(root, options.paths.tags);
        configureMarkdown(initial, updateConfig, options, logger);
        const withSite = siteFeatures(initial, updateConfig, injectRoute, logger, options);
        const plugins = [virtualOptionsPlugin(options, { favicon, feeds: withSite }), virtualVocabularyPlugin(root, options.paths.tags), virtualComponentsPlugin(root, options.components), serveLastSearchIndex(fileURLToPath(initial.outDir), initial.base)];
        updateConfig({ vite: { plugins, build: { assetsInlineLimit: keepFontsAsFiles, rolldownOptions: { onLog: quietHeadInjectWarnings } } } });
        for (const route of archiveRoutes) {
          if (route.feature && !options.features[route.feature]) continue;
          injectRoute({ pattern: prefixed(route, options.routePrefix), entrypoint: route.entrypoint, prerender: true });
        }
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': () => {
        resetMathFailures();
        resetArchiveReport();
      },
      'astro:build:done': async ({ dir, logger }) => {
        reportArchive(logger);
        if (config) reportMath(config, logger, options.math.failOnError);
        if (options.features.search) await indexSearch(config ? fileURLToPath(config.root) : process.cwd(), fileURLToPath(dir), options.search, logger);
      },
    },
  };
}

/**
 * Fonts (KaTeX's) stay files instead of `data:` URIs in the CSS: a strict CSP's
 * `font-src 'self'` then allows them, and a page loads only the fonts it uses.
 */
function keepFontsAsFiles(file: string): boolean | undefined {
  return /\.(?:woff2?|ttf|otf|eot)$/.test(file) ? false : undefined;
}

/** The site's own icon in its public folder; without one the integration serves a default `favicon.svg`. */
function findFavicon(publicDir: URL): string | undefined {
  return ['favicon.svg', 'favicon.ico', 'favicon.png'].find((name) => existsSync(new URL(name, publicDir)));
}

/** Stops before any page is built when the vocabulary file has a problem. */
function checkVocabulary(root: string, file: string): void {
  try {
    readVocabularyFile(root, file);
  } catch (error) {
    if (error instanceof VocabularyError) throw new AstroError(error.message, `Fix the tags named above in ${file}; its format is in the astro-papershelf README.`);
    throw error;
  }
}

function parseOptions(userOptions: PapershelfUserOptions): PapershelfOptions {
  const result = optionsSchema.safeParse(userOptions);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `\`${issue.path.join('.') || 'options'}\`: ${issue.message}`);
  throw new AstroError(`Invalid papershelf() options:\n${lines.join('\n')}`, 'See the options table in the astro-papershelf README.');
}

export type { PapershelfUserOptions, PapershelfOptions };
