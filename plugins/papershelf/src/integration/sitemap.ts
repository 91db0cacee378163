import type { AstroConfig } from 'astro';
import sitemap from '@astrojs/sitemap';
import { routeHref, type LinkSettings } from '../links/site-links.ts';

/**
 * Adds @astrojs/sitemap (it needs `site`, and is skipped when the site
 * already has it), leaving out the `/arxiv/<id>` redirect pages, which are
 * not pages of their own: their exact place, not any path containing "arxiv".
 */
export function addSitemap(config: AstroConfig, updateConfig: (config: Partial<AstroConfig>) => unknown, links: LinkSettings): void {
  if (!config.site || config.integrations.some((integration) => integration.name === '@astrojs/sitemap')) return;
  const redirects = `${routeHref(links, 'arxiv').replace(/\/$/, '')}/`;
  const report = routeHref(links, 'buildReport');
  updateConfig({
    integrations: [sitemap({ filter: (page) => !new URL(page).pathname.startsWith(redirects) && new URL(page).pathname !== report })],
  });
}
