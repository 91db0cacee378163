// /tags/<slug>/rss.xml: the newest papers of one tag as RSS 2.0.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from 'astro-papershelf/archive';
import { tagFeed } from './feeds.ts';
import { feedResponse } from './responses.ts';

export const getStaticPaths = (async () =>
  (await getArchive()).taxonomy.tags.map((tag) => ({ params: { slug: tag.slug }, props: { id: tag.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => feedResponse(await tagFeed(site!, (props as { id: string }).id), 'rss');
