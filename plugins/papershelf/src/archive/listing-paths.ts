import type { Archive } from './build-archive.ts';
import type { Paper } from '../paper/paper.ts';
import { paginateList } from './pages.ts';
import { listingFacts, periodFacts } from './page-facts.ts';
import { neighbours, periodPages, type ArchivePeriod } from './periods.ts';
import { cacheKeyOf } from './cache-key.ts';

/** What a paginated listing's paths are made of (see `listingPaths`). */
export interface ListingPathsOf<Props extends object> {
  /** The route's own parameters (`{ slug }`, `{ day }`); `page` is added. */
  params: Record<string, string>;
  /** The route's own props; `page` is added. */
  props: Props;
  /** What the page shows besides its cards (a tag's tree, a day's neighbours), for its cache key. */
  shows: unknown;
  /** Another order of the same listing under its own addresses (`upvotes`, `upvotes/2`). */
  pagePrefix?: string | undefined;
  /** Papers a page (default `listingPageSize`). */
  pageSize?: number | undefined;
}

/** The `page` parameter of page `n`: none for page 1, else its number, behind the order's prefix when there is one. */
function pageParam(n: number, prefix: string | undefined): string | undefined {
  if (prefix) return n === 1 ? prefix : `${prefix}/${n}`;
  return n === 1 ? undefined : String(n);
}

/**
 * The static paths of a paginated listing (a day, a tag, an author): one a
 * page, each with its page of papers, the route's own props, and a cache key
 * of everything the page shows.
 */
export function listingPaths<Props extends object>(archive: Archive, papers: readonly Paper[], listing: ListingPathsOf<Props>) {
  return paginateList(papers, listing.pageSize).map((page) => ({
    params: { ...listing.params, page: pageParam(page.current, listing.pagePrefix) },
    props: { ...listing.props, page },
    cacheKey: cacheKeyOf(listingFacts(archive, page, listing.shows)),
  }));
}

/**
 * The static paths of week or month pages (`param`: the route's parameter):
 * each period in pages of `listingPageSize` papers (`/month/2025-08/`,
 * `/month/2025-08/2/`), with its neighbours as props and a cache key of what
 * the page shows.
 */
export function periodPaths<Param extends string>(archive: Archive, periods: readonly ArchivePeriod[], param: Param) {
  return periods.flatMap((period, index) => {
    const around = neighbours(periods, index);
    return periodPages(period).map((page) => ({
      params: { [param]: period.id, page: pageParam(page.current, undefined) } as Record<Param, string> & { page: string | undefined },
      props: { period, ...around, page },
      cacheKey: cacheKeyOf(periodFacts(archive, period, around.older, around.newer, page)),
    }));
  });
}
