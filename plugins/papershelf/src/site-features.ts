import { existsSync } from 'node:fs';
import type { AstroConfig, AstroIntegrationLogger, InjectedRoute } from 'astro';
import sitemap from '@astrojs/sitemap';
import { feedRoutes, prefixed, robotsRoute } from './routes.ts';
import type { PapershelfOptions } from './options.ts';

/**
 * The parts of the archive that need the site's absolute URL (`site` in
 * astro.config): feeds and the subscribe page, a sitemap (via
 * @astrojs/sitemap, unless the site already has it) and `robots.txt`
 * pointing to it (unless `public/robots.txt` exists). Without `site` they
 * are left out, and the build says so once. Returns whether they are on.
 */
export function siteFeatures(
  config: AstroConfig,
  updateConfig: (config: Partial<AstroConfig>) => unknown,
  injectRoute: (route: InjectedRoute) => void,
  logger: AstroIntegrationLogger,
  options: Pick<PapershelfOptions, 'routePrefix' | 'features'>,
): boolean {
  if (!config.site) {
    logger.warn('Feeds, the sitemap and robots.txt need the site\'s address: set `site` in astro.config.mjs (e.g. `site: \'https://example.org\'`). They are left out of this build.');
    return false;
  }
  if (options.features.feeds) {
    for (const route of feedRoutes) injectRoute({ pattern: prefixed(route, options.routePrefix), entrypoint: route.entrypoint, prerender: true });
  }
  if (!existsSync(new URL('robots.txt', config.publicDir))) injectRoute({ pattern: robotsRoute.pattern, entrypoint: robotsRoute.entrypoint, prerender: true });
  if (!config.integrations.some((integration) => integration.name === '@astrojs/sitemap')) {
    // Redirect pages (/arxiv/<id>/) are not pages of their own; match their exact place, not any path containing "arxiv".
    const redirects = `${config.base.replace(/\/?$/, '/')}${prefixed({ pattern: '/arxiv', entrypoint: '' }, options.routePrefix).replace(/^\//, '')}/`;
    updateConfig({ integrations: [sitemap({ filter: (page) => !new URL(page).pathname.startsWith(redirects) })] });
  }
  return options.features.feeds;
}
