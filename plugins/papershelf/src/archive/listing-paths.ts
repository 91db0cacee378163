import type { Archive } from './build-archive.ts';
import type { Paper } from '../paper/paper.ts';
import { listingPageSize, paginateList } from './pages.ts';
import { listingFacts, monthFacts, periodFacts } from './page-facts.ts';
import { isoWeekOf } from './calendar.ts';
import { neighbours, periodPages, type ArchivePeriod, type PeriodPage } from './periods.ts';
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
 * The static paths of week pages (`param`: the route's parameter): each
 * period in pages of `listingPageSize` papers (`/week/2025-W35/`,
 * `/week/2025-W35/2/`), with its neighbours as props and a cache key of what
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

/** A week of a month's page: its id and how many of the month's papers it has (a week can span two months). */
export interface MonthWeek {
  id: string;
  count: number;
}

/**
 * The static paths of month pages, one a month (`/month/2025-08/`): its
 * calendar and its weeks with their counts, and its papers day by day when
 * they fit on one page (`listingPageSize`). A longer month's papers are its
 * weeks' pages: listing them here too was every week's cards again, over nine
 * pages a month, 5 MB of a 10,000-paper archive.
 */
export function monthPaths(archive: Archive) {
  return archive.months.map((month, index) => {
    const around = neighbours(archive.months, index);
    // Counted within the month, so that its weeks add up to its count.
    const weekCounts = new Map<string, number>();
    for (const day of month.days) weekCounts.set(isoWeekOf(day.date), (weekCounts.get(isoWeekOf(day.date)) ?? 0) + day.papers.length);
    const weeks: MonthWeek[] = [...weekCounts].map(([id, count]) => ({ id, count }));
    const listed: PeriodPage | undefined = month.count <= listingPageSize ? periodPages(month)[0] : undefined;
    return {
      params: { month: month.id },
      props: { period: month, ...around, weeks, listed },
      cacheKey: cacheKeyOf(monthFacts(archive, month, around.older, around.newer, weeks, listed)),
    };
  });
}
