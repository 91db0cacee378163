import { tagHref } from '../archive/tag-href.ts';
import { siteUrl } from '../archive/site-url.ts';

/** The site's absolute home URL with its base path: `https://example.org/archive/`. */
export function homeUrl(site: URL, base: string): string {
  return new URL(siteUrl(base, ''), site).href;
}

/** Absolute URLs of the archive's feeds. */
export const feedUrls = {
  rss: (site: URL, base: string) => new URL(siteUrl(base, 'rss.xml'), site).href,
  atom: (site: URL, base: string) => new URL(siteUrl(base, 'atom.xml'), site).href,
  tagRss: (site: URL, base: string, slug: string) => new URL(`${tagHref(base, slug)}rss.xml`, site).href,
  tagPage: (site: URL, base: string, slug: string) => new URL(tagHref(base, slug), site).href,
};
