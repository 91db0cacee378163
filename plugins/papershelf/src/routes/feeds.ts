// The archive's feeds, built from this site's archive and options: route glue for rss.xml, atom.xml and tag feeds.
import options from 'virtual:papershelf/options';
import type { Feed } from 'feed';
import { getArchive, links } from 'astro-papershelf/archive';
import { feedPapers, paperFeed } from 'astro-papershelf/feeds';

/** The whole archive's feed: its newest `feeds.items` papers, and the rest of the last one's day. */
export async function archiveFeed(site: URL, format: 'rss' | 'atom'): Promise<Feed> {
  const archive = await getArchive();
  const url = (path: string) => new URL(path, site).href;
  return paperFeed(feedPapers(archive.papers, options.feeds.items), {
    title: options.title,
    publisher: options.title,
    description: `The newest papers of ${options.title}.`,
    home: url(links.home()),
    page: url(links.home()),
    links: { rss: url(links.rss()), atom: url(links.atom()) },
    paperUrl: (slug) => url(links.paper(slug)),
    tagsById: archive.taxonomy.byId,
    macros: options.macros,
    format,
  });
}

/** A tag's feed: the newest `feeds.tagItems` papers with the tag (or a narrower one), and the rest of the last one's day. */
export async function tagFeed(site: URL, tagId: string): Promise<Feed> {
  const archive = await getArchive();
  const tag = archive.taxonomy.byId.get(tagId)!;
  const url = (path: string) => new URL(path, site).href;
  return paperFeed(feedPapers(archive.papersOfTag(tagId), options.feeds.tagItems), {
    title: `${tag.label} · ${options.title}`,
    publisher: options.title,
    description: tag.description ?? `The newest papers tagged ${tag.label}.`,
    home: url(links.home()),
    page: url(links.tag(tag.slug)),
    links: { rss: url(links.tagRss(tag.slug)) },
    paperUrl: (slug) => url(links.paper(slug)),
    tagsById: archive.taxonomy.byId,
    macros: options.macros,
    format: 'rss',
  });
}
