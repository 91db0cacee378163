/** Papers a listing page shows before it continues on the next page (tag, day and index pages). */
export const listingPageSize = 50;

/**
 * Papers a day's page shows: the whole day unless the site sets `dayPageSize`,
 * so a day is read in one place rather than split 50 + 9 across two pages.
 */
export function dayPageSize(options: { dayPageSize?: number | undefined }): number {
  return options.dayPageSize ?? Number.MAX_SAFE_INTEGER;
}

/** One page of a long listing. */
export interface ListingPage<T> {
  /** 1-based page number. */
  current: number;
  last: number;
  items: T[];
  /** Number of all the items, on every page. */
  total: number;
  /** 1-based position of the page's first item among all items. */
  first: number;
}

/**
 * A page's meta description: the listing's own on its first page, and the
 * page's place after it on the others, so no two pages of a listing share one.
 */
export function pageDescription(description: string, page: { current: number; last: number }): string {
  return page.current > 1 ? `${description} Page ${page.current} of ${page.last}.` : description;
}

/** Splits items into pages of `size`; an empty list still has one (empty) page. */
export function paginateList<T>(items: readonly T[], size = listingPageSize): ListingPage<T>[] {
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, i) => ({
    current: i + 1,
    last,
    items: items.slice(i * size, (i + 1) * size),
    total: items.length,
    first: i * size + 1,
  }));
}
