// The search page's state and its URL form, so a search can be shared: ?q=…&tag=…&year=…&sort=newest.
import { tagSlug } from '../taxonomy/tag-slug.ts';

/** How results are ordered: by relevance (default), or by date either way. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** Everything that decides a search's results. */
export interface SearchState {
  query: string;
  sort: SearchSort;
  /** Chosen values per filter name. */
  filters: Record<string, string[]>;
}

/** Reads a state from a URL's query string; unknown parameters are ignored. */
export function stateFromParams(params: URLSearchParams, filterNames: readonly string[]): SearchState {
  const sort = params.get('sort');
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = [...new Set(values)];
  }
  return { query: params.get('q') ?? '', sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance', filters };
}

/** The query string of a state: empty parts left out, filter values in the order chosen. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Whether a state asks for anything (an empty page shows no results). */
export function isEmptySearch(state: SearchState): boolean {
  return state.query.trim() === '' && Object.values(state.filters).every((v) => v.length === 0) && state.sort === 'relevance';
}

/**
 * The filter value a shared address means: as written, else the one it names
 * in another case or spelled as a tag's address is (`?tag=efficient-attention`
 * for “Efficient attention”, as `/tags/efficient-attention/` names it), else
 * undefined, when no paper has it.
 */
export function knownFilterValue(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return value;
  const wanted = tagSlug(value);
  return wanted === undefined ? undefined : known.find((candidate) => tagSlug(candidate) === wanted);
}
