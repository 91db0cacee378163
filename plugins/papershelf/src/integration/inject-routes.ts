import { existsSync } from 'node:fs';
import type { AstroConfig, AstroIntegrationLogger, InjectedRoute } from 'astro';
import { prefixedPattern, routeTable, type ArchiveRoute } from '../links/route-table.ts';
import type { PapershelfOptions } from '../options.ts';

/** What pages need to know about the routes that were injected. */
export interface InjectedFacts {
  /** Whether the feeds are built (the feature is on and the site has a `site` URL). */
  feeds: boolean;
  /** The site's icon: its own from the public folder, else the archive's `favicon.svg`. */
  favicon: string;
  /** The patterns of the routes injected, as middleware sees them (`context.routePattern`). */
  routes: string[];
}

/**
 * Injects every route of the table that this site gets: its feature is on,
 * it has the `site` URL it needs, it is not for `astro dev` alone, and the
 * public folder has no file of its own in its place. Without `site` the build says once what is left out.
 */
export function injectArchiveRoutes(
  config: AstroConfig,
  injectRoute: (route: InjectedRoute) => void,
  options: Pick<PapershelfOptions, 'features' | 'routePrefix' | 'arxivRedirects'>,
  logger: AstroIntegrationLogger,
  command: 'dev' | 'build' | 'preview' | 'sync',
): InjectedFacts {
  if (!config.site) {
    logger.warn(
      "Feeds, the sitemap and robots.txt need the site's address: set `site` in astro.config.mjs (e.g. `site: 'https://example.org'`). They are left out of this build.",
    );
  }
  const publicFile = (names: readonly string[]) => names.find((name) => existsSync(new URL(name, config.publicDir)));
  const routes: string[] = [];
  for (const route of Object.values(routeTable) as ArchiveRoute[]) {
    if (route.feature && !options.features[route.feature]) continue;
    if (route.devOnly && command !== 'dev') continue;
    if (route.needsSite && !config.site) continue;
    if (route.arxivRedirects && route.arxivRedirects !== options.arxivRedirects) continue;
    if (route.unlessPublic && publicFile(route.unlessPublic)) {
      if (route.arxivRedirects)
        logger.warn(
          `public/${publicFile(route.unlessPublic)} is the site's own, so the /arxiv/ redirects are not written into it: add them there, or set arxivRedirects: 'pages'.`,
        );
      continue;
    }
    const pattern = prefixedPattern(route, options.routePrefix);
    injectRoute({ pattern, entrypoint: route.entrypoint, prerender: true });
    routes.push(pattern);
  }
  return {
    feeds: options.features.feeds && Boolean(config.site),
    favicon: publicFile(routeTable.favicon.unlessPublic) ?? 'favicon.svg',
    routes,
  };
}
