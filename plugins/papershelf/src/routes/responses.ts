// The HTTP shape of the archive's files: one place for their content types. Route glue, not domain logic.
import type { Feed } from 'feed';
import { feedXml } from 'astro-papershelf/feeds';

/** A `.bib` file. */
export const bibtexResponse = (text: string) => new Response(text, { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });

/** A JSON file, one key a line (readable, and small enough). */
export const jsonResponse = (body: unknown, type = 'application/json; charset=utf-8') =>
  new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': type } });

/**
 * A JSON file of many papers (a month's, see month-json.ts), without the spaces that make it readable:
 * they were an eighth of the archive's data, whose files hosts cap (Cloudflare Pages at 25 MiB a file).
 */
export const compactJsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });

/** A feed as RSS 2.0 or Atom 1.0 (see `feedXml`). */
export const feedResponse = (feed: Feed, format: 'rss' | 'atom') =>
  new Response(feedXml(feed, format), {
    headers: { 'content-type': `application/${format === 'rss' ? 'rss' : 'atom'}+xml; charset=utf-8` },
  });

/** A plain text file. */
export const textResponse = (text: string) => new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
