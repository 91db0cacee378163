// /robots.txt: everything may be crawled; the sitemap is named with the site's full URL.
import type { APIRoute } from 'astro';
import { links } from 'astro-papershelf/archive';
import { textResponse } from './responses.ts';

export const GET: APIRoute = ({ site }) =>
  textResponse(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(links.file('sitemap-index.xml'), site).href}\n`);
