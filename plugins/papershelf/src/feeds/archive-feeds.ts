import options from 'virtual:papershelf/options';
import type { Feed } from 'feed';
import { getArchive } from '../archive/get-archive.ts';
import { paperFeed } from './paper-feed.ts';
import { feedUrls, homeUrl } from './feed-urls.ts';

/** The whole archive's feed: its newest `feeds.items` papers. */
export async function archiveFeed(site: URL, base: string): Promise<Feed> {
  const archive = await getArchive();
  const home = homeUrl(site, base);
  return paperFeed(archive.papers.slice(0, options.feeds.items), {
    title: options.title,
    description: `The newest papers of ${options.title}.`,
    home,
    page: home,
    links: { rss: feedUrls.rss(site, base), atom: feedUrls.atom(site, base) },
    tagsById: archive.taxonomy.byId,
    macros: options.macros,
  });
}

/** A tag's feed: the newest `feeds.items` papers with the tag (or a narrower one). */
export async function tagFeed(site: URL, base: string, tagId: string): Promise<Feed> {
  const archive = await getArchive();
  const tag = archive.taxonomy.byId.get(tagId)!;
  return paperFeed(archive.papersOfTag(tagId).slice(0, options.feeds.items), {
    title: `${tag.label} · ${options.title}`,
    description: tag.description ?? `The newest papers tagged ${tag.label}.`,
    home: homeUrl(site, base),
    page: feedUrls.tagPage(site, base, tag.slug),
    links: { rss: feedUrls.tagRss(site, base, tag.slug) },
    tagsById: archive.taxonomy.byId,
    macros: options.macros,
  });
}
