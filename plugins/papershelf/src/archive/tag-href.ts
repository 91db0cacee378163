import { siteUrl } from './site-url.ts';

/** The link to a tag's page (or a page of it), its slug encoded once so any script and symbol survives any host. */
export function tagHref(base: string, slug: string, page = 1): string {
  return siteUrl(base, `tags/${encodeURIComponent(slug)}/${page > 1 ? `${page}/` : ''}`);
}
