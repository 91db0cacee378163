import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { optionsSchema, type PapershelfOptions, type PapershelfUserOptions } from './options.ts';
import { setConfiguredPaths } from './defaults.ts';
import { configureMarkdown } from './configure-markdown.ts';
import { archiveRoutes } from './routes.ts';
import { reportMath } from './report-math.ts';
import { resetMathFailures } from './markdown/math-report.ts';
import { virtualOptionsPlugin } from './virtual-options.ts';
import { quietHeadInjectWarnings } from './quiet-head-inject.ts';

/** The Papershelf integration: paper pages, math at build time, and the archive's routes. */
export default function papershelf(userOptions: PapershelfUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let config: AstroConfig | undefined;
  return {
    name: 'astro-papershelf',
    hooks: {
      'astro:config:setup': ({ config: initial, updateConfig, injectRoute, logger }) => {
        setConfiguredPaths(options.paths);
        configureMarkdown(initial, updateConfig, options, logger);
        updateConfig({ vite: { plugins: [virtualOptionsPlugin(options)], build: { rolldownOptions: { onLog: quietHeadInjectWarnings } } } });
        for (const route of archiveRoutes) injectRoute({ ...route, prerender: true });
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:start': () => resetMathFailures(),
      'astro:build:done': ({ logger }) => {
        if (config) reportMath(config, logger, options.math.failOnError);
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
