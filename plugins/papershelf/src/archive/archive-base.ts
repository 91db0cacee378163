import options from 'virtual:papershelf/options';
import { siteLinks } from '../links/site-links.ts';

/**
 * Every address of this site's archive (see `siteLinks`): the base path,
 * the integration's `routePrefix`, and the site's `trailingSlash` and
 * `build.format`, applied in one place. Site-wide files (icon, Pagefind
 * bundle, sitemap) come from `links.file(…)`, at the site's base.
 */
export const links = siteLinks({
  base: import.meta.env.BASE_URL,
  routePrefix: options.routePrefix,
  trailingSlash: options.site.trailingSlash,
  format: options.site.format,
});

/** The integration's feature switches, for pages that link to optional parts. */
export const features = options.features;

/** The home page: the archive's (the newest day) unless `features.home` is off, then the site's own. */
export const homeHref = options.features.home ? links.home() : links.file('');
