import { createHash } from 'node:crypto';

/**
 * A page's `cacheKey` for Astro's incremental build: a digest of the facts
 * the page shows (see `page-facts.ts`), short enough that ten thousand of them
 * keep the cache manifest small.
 */
export function cacheKeyOf(facts: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(facts) ?? 'undefined')
    .digest('base64url');
}
