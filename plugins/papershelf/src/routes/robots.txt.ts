// /robots.txt: everything may be crawled; the sitemap is named with the site's full URL.
import type { APIRoute } from 'astro';
import { siteUrl } from 'astro-papershelf/archive';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(siteUrl(import.meta.env.BASE_URL, 'sitemap-index.xml'), site).href}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
