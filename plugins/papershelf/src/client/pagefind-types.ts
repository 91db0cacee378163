// The parts of Pagefind's browser API (pagefind.js) the search page uses.

export type FilterCounts = Record<string, Record<string, number>>;
export type FilterQuery = Record<string, string[] | { any: string[] }>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The indexed text, and the numbers of the matched words in it (split on white space). */
  content: string;
  locations: number[];
  /** Elements with an id, and the number of the word each starts at. */
  anchors: { id: string; location: number }[];
  /** The page's filter values, by filter. */
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
  debouncedSearch(
    term: string | null,
    options: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> },
    debounceMs?: number,
  ): Promise<PagefindSearch | null>;
}
