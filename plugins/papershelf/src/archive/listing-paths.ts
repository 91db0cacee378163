import type { Archive } from './build-archive.ts';
import type { Paper } from '../paper/paper.ts';
import { paginateList } from './pages.ts';
import { listingFacts } from './page-facts.ts';
import { cacheKeyOf } from './cache-key.ts';

/**
 * The static paths of a paginated listing (a day, a tag, an author): one a
 * page, page 1 without a number, each with its page of papers, the route's
 * own props, and a cache key of everything the page shows (`shows`: what the
 * page adds to its cards, such as the tag's tree or the day's neighbours).
 * `pagePrefix` puts another order of the same listing under its own
 * addresses (`upvotes`, `upvotes/2`).
 */
export function listingPaths<Props extends object>(
  archive: Archive,
  papers: readonly Paper[],
  params: Record<string, string>,
  props: Props,
  shows: unknown,
  pagePrefix?: string,
) {
  const pageParam = (n: number) => (pagePrefix ? (n === 1 ? pagePrefix : `${pagePrefix}/${n}`) : n === 1 ? undefined : String(n));
  return paginateList(papers).map((page) => ({
    params: { ...params, page: pageParam(page.current) },
    props: { ...props, page },
    cacheKey: cacheKeyOf(listingFacts(archive, page, shows)),
  }));
}
