import options from 'virtual:papershelf/options';
import { siteUrl } from './site-url.ts';

/**
 * Where the archive's pages live: the site's base path and the
 * integration's `routePrefix` (`/` + `` = `/`; `/docs/` + `/papers` =
 * `/docs/papers/`). Every link to an archive page starts here; the
 * site-wide files (favicon, Pagefind bundle, sitemap, robots.txt) stay at
 * the site's base, `import.meta.env.BASE_URL`.
 */
export const archiveBase = siteUrl(import.meta.env.BASE_URL, options.routePrefix.replace(/^\/+/, '').replace(/\/*$/, options.routePrefix ? '/' : ''));

/** The integration's feature switches, for pages that link to optional parts. */
export const features = options.features;

/** The home page: the archive's (the newest day) unless `features.home` is off, then the site's own. */
export const homeHref = options.features.home ? archiveBase : import.meta.env.BASE_URL;
