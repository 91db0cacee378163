// The parts of Pagefind's browser API (pagefind.js) the search page uses.

export type FilterCounts = Record<string, Record<string, number>>;
export type FilterQuery = Record<string, string[] | { any: string[] }>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
  debouncedSearch(
    term: string | null,
    options: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> },
    debounceMs?: number,
  ): Promise<PagefindSearch | null>;
}
