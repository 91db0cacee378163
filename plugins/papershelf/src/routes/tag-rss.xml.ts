// /tags/<slug>/rss.xml: the newest papers of one tag as RSS 2.0.
import type { APIRoute, GetStaticPaths } from 'astro';
import options from 'virtual:papershelf/options';
import { cacheKeyOf, feedFacts, getArchive } from 'astro-papershelf/archive';
import { feedPapers } from 'astro-papershelf/feeds';
import { tagFeed } from './feeds.ts';
import { feedResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.taxonomy.tags.map((tag) => ({
    params: { slug: tag.slug },
    props: { id: tag.id },
    cacheKey: cacheKeyOf([tag.label, tag.description, feedFacts(feedPapers(archive.papersOfTag(tag.id), options.feeds.tagItems), archive)]),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => feedResponse(await tagFeed(site!, (props as { id: string }).id), 'rss');
