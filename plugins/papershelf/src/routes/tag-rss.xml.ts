// /tags/<slug>/rss.xml: the newest papers of one tag as RSS 2.0.
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveBase, getArchive } from 'astro-papershelf/archive';
import { tagFeed } from 'astro-papershelf/feeds';

export const getStaticPaths = (async () => (await getArchive()).taxonomy.tags.map((tag) => ({ params: { slug: tag.slug }, props: { id: tag.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
  new Response((await tagFeed(site!, archiveBase, (props as { id: string }).id)).rss2(), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
