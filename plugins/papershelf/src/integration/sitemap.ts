import type { AstroConfig } from 'astro';
import sitemap from '@astrojs/sitemap';
import { routeHref, type LinkSettings } from '../links/site-links.ts';

/**
 * Adds @astrojs/sitemap (it needs `site`, and is skipped when the site
 * already has it), leaving out the build report, which is not a page. The
 * `/arxiv/<id>` redirect pages are written after Astro's pages (see
 * write-arxiv-pages.ts), so they are never in it.
 */
export function addSitemap(config: AstroConfig, updateConfig: (config: Partial<AstroConfig>) => unknown, links: LinkSettings): void {
  if (!config.site || config.integrations.some((integration) => integration.name === '@astrojs/sitemap')) return;
  const report = routeHref(links, 'buildReport');
  updateConfig({ integrations: [sitemap({ filter: (page) => new URL(page).pathname !== report })] });
}

/**
 * Whether a file at the root of `dist/` is one @astrojs/sitemap writes again
 * when the build is done (`sitemap-index.xml`, `sitemap-0.xml`…), for a site that has it.
 */
export function sitemapWritesAgain(config: AstroConfig, file: string): boolean {
  return /^sitemap-(?:index|\d+)\.xml$/.test(file) && config.integrations.some((integration) => integration.name === '@astrojs/sitemap');
}
