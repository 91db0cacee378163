import type { Paper } from '../paper/paper.ts';
import type { Tag } from '../taxonomy/build-taxonomy.ts';
import { escapeHtml } from '../markdown/escape-html.ts';

/**
 * The filters of the search index and page, once, in the order the page shows
 * them: the index's filter name, the page's label, and whether choosing two
 * values finds papers with any of them (a year or a venue) or with all (tags).
 */
export const searchFilters = [
  { name: 'tag', label: 'Tags', match: 'all' },
  { name: 'year', label: 'Year', match: 'any' },
  { name: 'venue', label: 'Venue', match: 'any' },
  { name: 'code', label: 'Code', match: 'all' },
] as const satisfies readonly SearchFilter[];

/** One filter of the search page (see `searchFilters`). */
export interface SearchFilter {
  name: string;
  label: string;
  match: 'any' | 'all';
}

export type SearchFilterName = (typeof searchFilters)[number]['name'];
export const searchFilterNames: readonly SearchFilterName[] = searchFilters.map((filter) => filter.name);

/** The value of the `code` filter on papers with a code link. */
export const hasCodeValue = 'Has code';

/** What the search index keeps of one paper, from its data rather than from its visible text. */
export interface PaperSearchFields {
  /** Result metadata: `title` (formulas as TeX), `authors`, `date` (added), `published` (when known). */
  meta: Record<string, string>;
  /** Filter values by filter name; a name without values is left out. */
  filters: Partial<Record<SearchFilterName, string[]>>;
  /** Sort keys: `date` (see `dateSortKey`). */
  sort: { date: string };
}

/**
 * The search fields of a paper page. Tags include every broader tag, so
 * filtering by a parent finds the papers of its children; a tag filters by
 * its label, as readers see it.
 */
export function paperSearchFields(paper: Paper, tagsById: ReadonlyMap<string, Tag>, positionInDay = 0): PaperSearchFields {
  const filters: PaperSearchFields['filters'] = {};
  const tags = paper.tags.map((t) => tagsById.get(t.id)?.label).filter((label): label is string => label !== undefined);
  if (tags.length > 0) filters.tag = [...new Set(tags)];
  if (paper.published) filters.year = [paper.published.slice(0, 4)];
  if (paper.data.venue) filters.venue = [paper.data.venue];
  if (paper.data.code) filters.code = [hasCodeValue];
  const meta: Record<string, string> = { title: paper.titleText, date: paper.data.date };
  if (paper.published) meta['published'] = paper.published;
  if (paper.data.authors.length > 0) meta['authors'] = paper.data.authors.join(', ');
  return { meta, filters, sort: { date: dateSortKey(paper, positionInDay) } };
}

/**
 * The key "Newest first" sorts by, one for every paper so that no two tie:
 * when the paper appeared (`published`, else the day it was added), then the
 * day it was added, then its place in that day's order (0 first), inverted so
 * that the day's first paper comes first among equals when newest is first;
 * "Oldest first" is the exact reverse. Every part has a fixed width
 * (`2017` is `2017-00-00`, the start of its year), so the key sorts the same
 * as text and in natural order: `2024-05-00#2025-08-27#99998`.
 */
export function dateSortKey(paper: Paper, positionInDay: number): string {
  const [year, month = '00', day = '00'] = (paper.published ?? paper.data.date).split('-');
  const place = String(99_999 - Math.min(Math.max(positionInDay, 0), 99_999)).padStart(5, '0');
  return `${year}-${month}-${day}#${paper.data.date}#${place}`;
}

/** The element that holds a paper's search fields in the page Pagefind reads (see search-input.ts). */
export const searchFieldsStart = '<div class="search-fields" hidden>';

/**
 * A paper's search fields as Pagefind reads them: metadata, filters and the
 * sort key, each a hidden span of its own, and with `authorPages` (`[name,
 * href]` of each author who has a page, for the search page to link when a
 * query names one) their list. The published page never carries them: they
 * are added to the copy of the page Pagefind indexes (search-input.ts), so
 * readers download none of them.
 */
export function searchFieldsHtml(fields: PaperSearchFields, authorPages: readonly (readonly string[])[] = []): string {
  const span = (attribute: string, name: string, value: string) => `<span data-pagefind-${attribute}="${name}">${escapeHtml(value)}</span>`;
  const parts = [
    ...Object.entries(fields.meta).map(([name, value]) => span('meta', name, value)),
    ...Object.entries(fields.filters).flatMap(([name, values]) => (values ?? []).map((value) => span('filter', name, value))),
    ...(authorPages.length > 0 ? [span('meta', 'author_pages', JSON.stringify(authorPages))] : []),
    span('sort', 'date', fields.sort.date),
  ];
  return `${searchFieldsStart}${parts.join('')}</div>`;
}

/**
 * The filters worth offering for these papers: those that divide them, with
 * two or more values, or one value that some papers have and others not (a
 * "Has code" box when every paper has code filters nothing). A filter no
 * paper has a value for, such as a venue in an archive without venues, is
 * not offered at all.
 */
export function usefulFilters(fields: readonly PaperSearchFields[]): SearchFilter[] {
  return searchFilters.filter(({ name }) => {
    const values = new Set<string>();
    let papersWithValue = 0;
    for (const paper of fields) {
      const own = paper.filters[name] ?? [];
      if (own.length > 0) papersWithValue++;
      for (const value of own) values.add(value);
    }
    return values.size >= 2 || (values.size === 1 && papersWithValue < fields.length);
  });
}
