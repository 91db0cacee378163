// /rss.xml: the newest papers of the whole archive as RSS 2.0.
import { archiveBase } from 'astro-papershelf/archive';
import type { APIRoute } from 'astro';
import { archiveFeed } from 'astro-papershelf/feeds';

export const GET: APIRoute = async ({ site }) =>
  new Response((await archiveFeed(site!, archiveBase)).rss2(), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
