// /atom.xml: the newest papers of the whole archive as Atom 1.0.
import { archiveBase } from 'astro-papershelf/archive';
import type { APIRoute } from 'astro';
import { archiveFeed } from 'astro-papershelf/feeds';

export const GET: APIRoute = async ({ site }) =>
  new Response((await archiveFeed(site!, archiveBase)).atom1(), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
