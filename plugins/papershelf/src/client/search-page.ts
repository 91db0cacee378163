// The search page: results as you type, filters with counts, sorting, shareable URLs, keyboard use.
// Pagefind's code and index are loaded here only; every other page carries just the shortcut.
import type { FilterCounts, FilterQuery, Pagefind, PagefindResult, PagefindResultData, PagefindSearch } from './pagefind-types.ts';
import { abstractExcerpt } from './result-excerpt.ts';
import { comparableWords, matchedWords, nearMissWords, oneSlipAway, withoutLoneCharacters } from './near-misses.ts';
import { phraseVariants, phraseWords, searchQuery } from '../search/formula-words.ts';
import { namedAuthor, type NamedAuthor } from './named-author.ts';
import { foldSpecialLetters } from '../text/latin-fold.ts';
import { isEmptySearch, knownFilterValue, paramsFromState, stateFromParams, type SearchState } from './search-state.ts';
import type { SearchFilter } from '../search/paper-search-fields.ts';
import { identifierHome, parseIdentifier, type IdentifierTarget, type PaperIdentifier } from '../search/paper-identifiers.ts';

const pageSize = 10;

/**
 * A query as Pagefind is sent it: formulas spelled as the index spells them
 * (`O(n log n)` → `onlogn`; see formula-words.ts), letters Pagefind does not
 * fold in Latin spelling as the index also has them (`Łukasz` → `Lukasz`;
 * see search-words.ts), and without lone letters, which would find every
 * word they start. None when nothing is left.
 */
function termOf(query: string): string | null {
  return withoutLoneCharacters(foldSpecialLetters(searchQuery(query))) || null;
}

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  filters: HTMLElement;
  filtersPanel: HTMLDetailsElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) void start(root);

async function start(page: HTMLElement): Promise<void> {
  const elements = find(page);
  // The filters as the page declares them (`searchFilters`): name, label, and whether values widen or narrow.
  const filters = JSON.parse(page.dataset['filters'] ?? '[]') as SearchFilter[];
  let state = stateFromParams(
    new URLSearchParams(location.search),
    filters.map((filter) => filter.name),
  );
  elements.input.value = state.query;
  elements.sort.value = state.sort;
  // A query that is a paper's id leads straight to it: Enter opens the paper (see `showIdentifier`).
  let idTarget: string | undefined;
  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (idTarget) location.assign(idTarget);
  });
  const merged = (page.dataset['mergeIndexes'] ?? '').split(' ').filter(Boolean);
  // The other builds' id maps sit where this build's do, relative to the folder holding their Pagefind bundle.
  const ids = page.dataset['ids'] ?? '';
  const siteBase = page.dataset['base'] ?? '/';
  const idsInSite = ids.startsWith(siteBase) ? ids.slice(siteBase.length) : 'search/ids/';
  const idMaps = identifierMaps(
    ids,
    new Set((page.dataset['idFiles'] ?? '').split(' ')),
    merged.map((url) => `${url.replace(/pagefind\/$/, '')}${idsInSite}`),
  );
  // Pagefind names pages by their folders (`/papers/x/`); the site's own links may end without the slash.
  const pageSlash = page.dataset['pageSlash'] !== 'false';

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ page.dataset['bundle']!)) as Pagefind;
  } catch (error) {
    // The bundle is not there (no index built or deployed): say how to get one.
    console.error(error);
    elements.status.textContent = page.dataset['missing'] ?? 'The search index could not be loaded.';
    page.classList.add('search-unavailable');
    return;
  }
  try {
    // `noWorker`: Pagefind searches on this page's thread, as it did before 1.5, rather than in a web worker.
    // The worker is a second copy of Pagefind's code (42 KB) fetched before the first result, for a
    // search that takes milliseconds here (10,000 papers); a first query weighs 11% less without it.
    await pagefind.options({ baseUrl: page.dataset['base'] ?? '/', excerptLength: 36, noWorker: true });
    // Other builds of a split archive (option `search.mergeIndexes`), searched with this one; their results keep their own addresses.
    // A build's result addresses start at its base, the folder that holds its Pagefind bundle.
    for (const url of merged) {
      await pagefind.mergeIndex(url, { baseUrl: url.replace(/pagefind\/$/, '') }).catch((error: unknown) => {
        throw new Error(
          `the other build's index at ${url} (search.mergeIndexes) did not load: deploy that build there, or take it out of the option (${error instanceof Error ? error.message : String(error)})`,
        );
      });
    }
  } catch (error) {
    // The bundle loaded but will not start (a blocked WebAssembly compile, a damaged index): say that, not "missing".
    console.error(error);
    elements.status.textContent = `Search could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page; if it stays, the site's search index or its Content-Security-Policy needs a look.`;
    page.classList.add('search-unavailable');
    return;
  }
  let shown = 0;
  let current: PagefindSearch | null = null;
  // The filters' values and counts are the largest part of the index: they load when the panel is
  // first opened (or the URL already chooses a filter), so a plain first query stays small.
  let totals: FilterCounts | undefined;
  let loading: Promise<void> | undefined;
  // One load, however often the panel opens (setting `open` below fires a toggle too).
  // A shared address may choose a filter value no paper has (a tag renamed since): it is left out, and said.
  let unknownNote = '';
  const loadFilters = () =>
    (loading ??= pagefind.filters().then((all) => {
      totals = all;
      // A value written in another case, or as a tag's address spells it, is the value it names.
      const named = (name: string, values: string[]) => [
        ...new Set(values.map((value) => knownFilterValue(value, Object.keys(all[name] ?? {})) ?? value)),
      ];
      state = { ...state, filters: Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, named(name, values)])) };
      const unknown = Object.entries(state.filters).flatMap(([name, values]) =>
        values.filter((value) => !(value in (all[name] ?? {}))).map((value) => ({ name, value })),
      );
      if (unknown.length > 0) {
        const kept = (name: string, values: string[]) =>
          values.filter((value) => !unknown.some((u) => u.name === name && u.value === value));
        state = {
          ...state,
          filters: Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, kept(name, values)])),
        };
        const label = (name: string) => (filters.find((filter) => filter.name === name)?.label ?? name).toLowerCase();
        unknownNote = ` The address asked for ${unknown.map((u) => `${label(u.name)} “${u.value}”`).join(', ')}, which no paper of this archive has, so it is left out.`;
      }
      renderFilters(elements.filters, filters, all, state);
      updateCounts(elements.filters, all);
      // A search run before the filters loaded counted no filter values: run it again for counts that follow it.
      if (current) void run();
    }));
  elements.filtersPanel.addEventListener('toggle', () => {
    if (elements.filtersPanel.open) void loadFilters();
  });
  if (Object.keys(state.filters).length > 0) {
    elements.filtersPanel.open = true;
    await loadFilters();
  }
  page.classList.add('search-ready');
  // Each run takes a number; a run or "show more" that a newer run has overtaken stops before it shows anything.
  let generation = 0;

  const run = async () => {
    const mine = ++generation;
    idTarget = undefined;
    history.replaceState(null, '', `${location.pathname}${paramsFromState(state).size ? `?${paramsFromState(state)}` : ''}`);
    const identifier = parseIdentifier(state.query);
    if (identifier) {
      const target = await idMaps(identifier);
      if (mine !== generation) return;
      current = null;
      elements.more.hidden = true;
      idTarget = showIdentifier(identifier, target, elements, pageSlash);
      return;
    }
    // No search to run: no results, and what to type instead.
    const showNoSearch = (status: string) => {
      current = null;
      elements.results.replaceChildren();
      elements.more.hidden = true;
      elements.status.textContent = status;
    };
    if (isEmptySearch(state)) {
      if (totals) updateCounts(elements.filters, totals);
      showNoSearch(`Type to search ${count(Number(page.dataset['papers'] ?? 0), 'paper')}, or choose a filter.${unknownNote}`);
      return;
    }
    // Formulas in the query spelled as the index spells them (`O(n log n)` → `onlogn`; see formula-words.ts), letters
    // Pagefind does not fold in Latin spelling as the index also has them (`Łukasz` → `Lukasz`; see search-words.ts),
    // and without lone letters, which would find every word they start.
    let term = termOf(state.query.trim());
    if (!term && state.query.trim()) {
      showNoSearch(`Type a word of two letters or more: “${state.query.trim()}” would find every word that starts with it.`);
      return;
    }
    // Without a query there is no match to rank by: a filter's papers come newest first, as on their tag's page.
    const byDate = state.sort === 'oldest' ? ('asc' as const) : ('desc' as const);
    const options = {
      filters: filterQuery(state, filters),
      ...(state.sort === 'relevance' && term ? {} : { sort: { date: byDate } }),
    };
    let search = await pagefind.debouncedSearch(term, options, 120);
    if (!search || mine !== generation) return; // a newer keystroke or a cleared box superseded this search
    // A quoted phrase is written with hyphens ("KV-cache") or apart ("KV cache") by different papers: it finds the
    // papers of every spelling, ordered as the words of the phrase would order them.
    const variants = term ? phraseVariants(term) : [];
    if (term && variants.length > 0) {
      const spellings = [search, ...(await Promise.all(variants.map((variant) => pagefind.search(variant, options))))];
      if (mine !== generation) return;
      const words = phraseWords(term);
      search = await everySpelling(spellings, state.sort === 'relevance' ? undefined : () => pagefind.search(words, options));
      if (mine !== generation) return;
      // Ties of relevance are broken by date over the phrase's words, which every spelling has.
      term = words;
    }
    // Results for a word found nowhere, which Pagefind matched by a shorter prefix ("atention" by "at"), are none.
    // The query as the reader most likely meant it, offered when it finds nothing (`atention` → `attention`).
    let meant: string | undefined;
    if (term) {
      // The words found nowhere: those the results matched only by the fallback, or, when there are no results, each
      // word that finds nothing alone.
      const missed =
        search.results.length > 0 ? await missedWords(term, search.results, state.query) : await wordsFoundNowhere(pagefind, term);
      if (mine !== generation) return;
      if (missed.length > 0) {
        search = { ...search, results: [], filters: withoutCounts(search.filters) };
        const respell = { filters: filterQuery(state, filters), toTerm: termOf, current: () => mine === generation };
        meant = await respelt(pagefind, state.query.trim(), missed, respell);
        if (mine !== generation) return;
      }
    }
    if (mine !== generation) return;
    if (term && state.sort === 'relevance') {
      search.results = await newerFirstWhenTied(search.results, () =>
        pagefind.search(term, { filters: filterQuery(state, filters), sort: { date: 'desc' } }),
      );
      if (mine !== generation) return;
    }
    current = search;
    shown = 0;
    elements.results.replaceChildren();
    if (totals) updateCounts(elements.filters, search.filters);
    await showMore();
    if (mine !== generation) return;
    const what = state.query.trim() ? ` for “${state.query.trim()}”` : '';
    // The status line is read out as it changes: it says the suggestion too, which the results list links.
    const suggestion = meant ? ` Did you mean “${meant}”?` : '';
    // A query the chosen filters leave without results may still find papers: say so, rather than "no paper matches".
    let outside = '';
    if (search.results.length === 0 && term && !meant && Object.values(state.filters).some((values) => values.length > 0)) {
      const unfiltered = (await pagefind.search(term, {})).results.length;
      if (mine !== generation) return;
      if (unfiltered > 0)
        outside = ` ${count(unfiltered, 'paper')} ${unfiltered === 1 ? 'matches' : 'match'} without the chosen filters: clear them to see ${unfiltered === 1 ? 'it' : 'them'}.`;
    }
    elements.status.textContent = `${count(search.results.length, 'result')}${what}${unknownNote && `.${unknownNote}`}${suggestion && `.${suggestion}`}${outside && `.${outside}`}`;
    if (search.results.length === 0 && state.query.trim()) await suggest(mine, meant);
  };

  // No paper has every word of the query: offer the papers that have some of them, and the way to browse topics.
  const suggest = async (mine: number, meant?: string) => {
    const words = [...new Set(state.query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]{2,}/gu) ?? [])].slice(0, 5);
    const seen = new Set<string>();
    const items: HTMLLIElement[] = [];
    // A query of one word finds nothing alone either; with shorter words beside it ("speedup 7x"), it may.
    if (words.length > 1 || (words.length === 1 && state.query.trim().split(/\s+/).length > 1)) {
      for (const word of words) {
        const query = searchQuery(word);
        const search = await pagefind.search(query, { filters: filterQuery(state, filters) });
        if (mine !== generation) return;
        if (await onlyNearMisses(query, search.results)) continue;
        for (const result of search.results.slice(0, 3)) {
          if (seen.has(result.id) || items.length >= 5) continue;
          seen.add(result.id);
          items.push(resultItem(await result.data(), pageSlash, word));
        }
      }
    }
    if (mine !== generation) return;
    const note = element('li', { className: 'search-suggestions' });
    const text = element('p', { textContent: items.length > 0 ? 'No paper has all of these words. ' : 'No paper matches. ' });
    if (meant) {
      // A link to the same page with the query respelt: it searches as typing would, and the back button undoes it.
      const params = paramsFromState({ ...state, query: meant });
      text.append('Did you mean ', element('a', { href: `?${params.toString()}`, textContent: meant, className: 'search-meant' }), '? ');
    }
    if (items.length > 0) text.append(meant ? 'Or papers with some of the words:' : 'Papers with some of them:');
    else text.append(...browseLinks(page));
    note.append(text);
    elements.results.replaceChildren(note, ...items);
    if (items.length > 0) {
      const more = element('li', { className: 'search-suggestions' });
      more.append(element('p'));
      more.firstElementChild!.append(...browseLinks(page, 'Or browse '));
      elements.results.append(more);
    }
  };

  const showMore = async () => {
    if (!current) return;
    const mine = generation;
    const next = current.results.slice(shown, shown + pageSize);
    const found = await Promise.all(next.map((result) => result.data()));
    if (mine !== generation) return;
    const author = shown === 0 ? namedAuthor(state.query, found) : undefined;
    if (author) elements.results.append(authorItem(author));
    elements.results.append(...found.map((data) => resultItem(data, pageSlash, state.query)));
    shown += next.length;
    elements.more.hidden = shown >= current.results.length;
  };

  elements.input.addEventListener('input', () => {
    unknownNote = '';
    state = { ...state, query: elements.input.value };
    void run();
  });
  elements.sort.addEventListener('change', () => {
    state = { ...state, sort: elements.sort.value as SearchState['sort'] };
    void run();
  });
  elements.filters.addEventListener('change', () => {
    unknownNote = '';
    state = { ...state, filters: chosenFilters(elements.filters) };
    void run();
  });
  elements.more.addEventListener('click', () => {
    const first = shown;
    void showMore().then(() => elements.results.querySelectorAll('a')[first]?.focus());
  });
  page.addEventListener('keydown', (event) => moveFocus(event, elements));
  await run();
}

function find(page: HTMLElement): Elements {
  const get = <T extends HTMLElement>(selector: string) => {
    const element = page.querySelector<T>(selector);
    if (!element) throw new Error(`search page: ${selector} is missing`);
    return element;
  };
  return {
    form: get<HTMLFormElement>('form'),
    input: get<HTMLInputElement>('[data-search-input]'),
    sort: get<HTMLSelectElement>('[data-search-sort]'),
    filters: get('[data-search-filters]'),
    filtersPanel: get<HTMLDetailsElement>('[data-search-filters-panel]'),
    status: get('[data-search-status]'),
    results: get<HTMLOListElement>('[data-search-results]'),
    more: get<HTMLButtonElement>('[data-search-more]'),
  };
}

/** Pagefind's filter query: a filter whose values widen the search asks for any of them, the others for all. */
function filterQuery(state: SearchState, filters: readonly SearchFilter[]): FilterQuery {
  const query: FilterQuery = {};
  for (const [name, values] of Object.entries(state.filters)) {
    if (values.length > 0) query[name] = filters.find((filter) => filter.name === name)?.match === 'any' ? { any: values } : values;
  }
  return query;
}

function renderFilters(container: HTMLElement, filters: readonly SearchFilter[], totals: FilterCounts, state: SearchState): void {
  for (const { name, label } of filters) {
    const values = Object.entries(totals[name] ?? {});
    if (values.length === 0) continue;
    values.sort(([a, x], [b, y]) => (name === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
    const chosen = new Set(state.filters[name] ?? []);
    const fieldset = element('fieldset', { className: 'search-filter' });
    fieldset.dataset['filter'] = name;
    // Choosing a value of an "all" filter narrows the results, so a value no result has would find nothing: such
    // values are left out (see the CSS). An "any" filter's other values widen them, so they stay, whatever their count.
    fieldset.dataset['match'] = filters.find((filter) => filter.name === name)?.match ?? 'all';
    fieldset.append(element('legend', { textContent: label }));
    const list = element('ul');
    for (const [value] of values) {
      const input = element('input', { type: 'checkbox', name, value, checked: chosen.has(value) });
      const counter = element('span', { className: 'search-filter-count' });
      counter.dataset['value'] = value;
      const item = element('label');
      item.append(input, ` ${value} `, counter);
      const li = element('li');
      li.append(item);
      list.append(li);
    }
    if (values.length > manyValues) fieldset.append(valueFinder(label, list));
    fieldset.append(list);
    container.append(fieldset);
  }
}

// A filter with more values than this gets a box to find one by typing (the tag filter of a large archive).
const manyValues = 12;

/** A text box that shows only the values of a long filter whose label contains what is typed. */
function valueFinder(label: string, list: HTMLElement): HTMLElement {
  const input = element('input', {
    type: 'search',
    className: 'search-filter-find',
    placeholder: `Find a ${label.toLowerCase().replace(/s$/, '')}`,
  });
  input.setAttribute('aria-label', `Find in ${label}`);
  input.addEventListener('input', () => {
    const wanted = input.value.trim().toLowerCase();
    for (const li of list.querySelectorAll<HTMLElement>('li')) {
      li.hidden = wanted !== '' && !(li.textContent ?? '').toLowerCase().includes(wanted);
    }
  });
  // Enter in this box finds a value; it must not submit the search form.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  return input;
}

function updateCounts(container: HTMLElement, counts: FilterCounts): void {
  for (const fieldset of container.querySelectorAll<HTMLElement>('fieldset[data-filter]')) {
    const name = fieldset.dataset['filter']!;
    for (const counter of fieldset.querySelectorAll<HTMLElement>('.search-filter-count')) {
      const value = counts[name]?.[counter.dataset['value']!] ?? 0;
      counter.textContent = `(${value})`;
      counter.closest('li')?.classList.toggle('search-filter-empty', value === 0);
    }
  }
}

function chosenFilters(container: HTMLElement): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const input of container.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    (filters[input.name] ??= []).push(input.value);
  }
  return filters;
}

/** One result: its title, authors and date, and an excerpt of its abstract with the words `query` matched marked. */
function resultItem(data: PagefindResultData, pageSlash: boolean, query: string): HTMLLIElement {
  const li = element('li', { className: 'search-result' });
  const heading = element('h2', { className: 'search-result-title' });
  heading.append(
    element('a', {
      href: pageSlash || data.url === '/' ? data.url : data.url.replace(/\/$/, ''),
      textContent: data.meta['title'] ?? data.url,
    }),
  );
  li.append(heading);
  // The paper's own date when known; else the day it joined the archive, said as such.
  const published = data.meta['published'];
  const when = published ? formatDay(published) : data.meta['date'] && `added ${formatDay(data.meta['date'])}`;
  const facts = [data.meta['authors'], when].filter(Boolean).join(' · ');
  if (facts) li.append(element('p', { className: 'search-result-meta', textContent: facts }));
  const parts = abstractExcerpt(data, { query });
  if (parts.length > 0) {
    const excerpt = element('p', { className: 'search-result-excerpt' });
    for (const part of parts) {
      if (!part.marked) excerpt.append(part.text);
      else excerpt.append(element('mark', { textContent: part.text }));
    }
    li.append(excerpt);
  }
  return li;
}

/**
 * Results in Pagefind's order, but among results of the same score the newer
 * paper first: `byDate` is the same search sorted newest first, which gives
 * every result's rank by date without loading any result's data.
 */
async function newerFirstWhenTied(results: PagefindResult[], byDate: () => Promise<PagefindSearch>): Promise<PagefindResult[]> {
  const scores = new Set(results.map((result) => result.score));
  if (scores.size === results.length) return results;
  const dateRank = new Map((await byDate()).results.map((result, i) => [result.id, i]));
  return results
    .map((result, i) => ({ result, i }))
    .sort((a, b) => b.result.score - a.result.score || (dateRank.get(a.result.id) ?? a.i) - (dateRank.get(b.result.id) ?? b.i))
    .map(({ result }) => result);
}

function authorItem(author: NamedAuthor): HTMLLIElement {
  const li = element('li', { className: 'search-suggestions search-author' });
  const p = element('p', { textContent: 'Author: ' });
  p.append(element('a', { href: author.href, textContent: author.name }), ' — every paper on their page.');
  li.append(p);
  return li;
}

/**
 * Looks identifiers up in the id map files (`search/ids/<file>.json`), each
 * file fetched once and only when a query is an id of its prefix; the page
 * lists the files there are (`existing`), so an id of a prefix the archive
 * has no paper of is answered without a request.
 */
function identifierMaps(
  base: string,
  existing: ReadonlySet<string>,
  otherBases: readonly string[] = [],
): (identifier: PaperIdentifier) => Promise<IdentifierTarget | undefined> {
  const files = new Map<string, Promise<Record<string, IdentifierTarget>>>();
  const load = (url: string) => {
    let file = files.get(url);
    if (!file) {
      file = fetch(url)
        .then((response) => (response.ok ? (response.json() as Promise<Record<string, IdentifierTarget>>) : {}))
        .catch(() => ({}));
      files.set(url, file);
    }
    return file;
  };
  return async (identifier) => {
    if (existing.has(identifier.file)) {
      const own = (await load(`${base}${identifier.file}.json`))[identifier.id];
      if (own) return own;
    }
    // Another build's list of files is not known here: its file for this prefix is asked for, and may not exist.
    for (const other of otherBases) {
      const found = (await load(`${other}${identifier.file}.json`))[identifier.id];
      if (found) return found;
    }
    return undefined;
  };
}

/** Shows the paper an id leads to, or says the archive has none and links the id's own home; returns the paper's address. */
function showIdentifier(
  identifier: PaperIdentifier,
  target: IdentifierTarget | undefined,
  elements: Elements,
  pageSlash: boolean,
): string | undefined {
  const name = identifier.kind === 'arxiv' ? `arXiv:${identifier.id}` : `DOI ${identifier.id}`;
  const li = element('li', { className: 'search-result search-result-identifier' });
  if (target) {
    const [href, title] = target;
    const url = pageSlash || href === '/' ? href : href.replace(/\/$/, '');
    const heading = element('h2', { className: 'search-result-title' });
    heading.append(element('a', { href: url, textContent: title }));
    li.append(heading, element('p', { className: 'search-result-meta', textContent: `${name}: this archive's paper` }));
    elements.results.replaceChildren(li);
    elements.status.textContent = `${name} is in the archive. Press Enter to open it.`;
    return url;
  }
  const home = identifierHome(identifier);
  // Only what papers' files record can be looked up: a paper may be here without its id, so say so, and how to find it.
  const missing = `No paper of this archive records ${name}; one may be here without it, so search its title. `;
  const p = element('p', { className: 'search-result-meta', textContent: missing });
  p.append(element('a', { href: home.href, textContent: home.label }));
  li.append(p);
  elements.results.replaceChildren(li);
  elements.status.textContent = `No paper of this archive records ${name}.`;
  return undefined;
}

/**
 * One search of the papers the searches of a phrase's spellings found: each
 * once, by score, or in date order as `byDate` (a search of the phrase's
 * words, which every spelling's papers have) sorts them. A filter value's
 * count is the spellings' counts added, less the papers that write both.
 */
async function everySpelling(spellings: PagefindSearch[], byDate?: () => Promise<PagefindSearch>): Promise<PagefindSearch> {
  const found = spellings.filter((spelling) => spelling.results.length > 0);
  if (found.length <= 1) return found[0] ?? spellings[0]!;
  const seen = new Set<string>();
  let results = found.flatMap((spelling) => spelling.results).filter((result) => !seen.has(result.id) && seen.add(result.id));
  if (byDate) {
    const position = new Map((await byDate()).results.map((result, i) => [result.id, i]));
    const at = (id: string) => position.get(id) ?? position.size;
    results = results.sort((a, b) => at(a.id) - at(b.id));
  } else results = results.sort((a, b) => b.score - a.score);
  const filters: FilterCounts = {};
  for (const spelling of found)
    for (const [name, values] of Object.entries(spelling.filters))
      for (const [value, count] of Object.entries(values)) (filters[name] ??= {})[value] = (filters[name]![value] ?? 0) + count;
  // A paper that writes both spellings is counted once: its values are taken off once for each spelling past the first.
  const times = new Map<string, number>();
  for (const result of found.flatMap((spelling) => spelling.results)) times.set(result.id, (times.get(result.id) ?? 0) + 1);
  const twice = results.filter((result) => times.get(result.id)! > 1);
  for (const [index, data] of (await Promise.all(twice.map((result) => result.data()))).entries())
    for (const [name, values] of Object.entries(data.filters ?? {}))
      for (const value of values) if (filters[name]?.[value] !== undefined) filters[name]![value]! -= times.get(twice[index]!.id)! - 1;
  return { ...found[0]!, results, filters };
}

/**
 * Whether the first results matched only by Pagefind's fallback (see
 * near-misses.ts): some word of the query, as Pagefind was sent it (formulas
 * as their keys), is begun like by none of their matched words. The first
 * five decide; their fragments are the ones shown first anyway.
 */
async function onlyNearMisses(query: string, results: readonly PagefindResult[]): Promise<boolean> {
  return (await missedWords(query, results)).length > 0;
}

/** The query's words that Pagefind's results matched only by its fallback (see near-misses.ts). */
async function missedWords(query: string, results: readonly PagefindResult[], typed = query): Promise<string[]> {
  if (results.length === 0) return [];
  const found = await Promise.all(results.slice(0, 5).map((result) => result.data()));
  return nearMissWords(
    query,
    found.flatMap((data) => matchedWords(data.content, data.locations)),
    typed,
  );
}

/** Endings a found word may have beyond a spelling and still be that word (`attention` for `attentions`), for `respelt`. */
const endings = new Set(['', 's', 'es', 'ed', 'd', 'ing', "'s", '’s']);

/**
 * The query with each word found nowhere spelt as the archive has it, one
 * slip away (`atention` → `attention`; see `oneSlipAway`): a spelling found
 * as a word of the papers under the chosen filters (not only as the start
 * of one, nor by Pagefind's fallback: "seefl" is found by "see"), when the
 * whole query so spelt finds papers; else none. Stops, with none, once
 * `current` says a newer search has begun.
 */
async function respelt(
  pagefind: Pagefind,
  query: string,
  missed: readonly string[],
  how: { filters: FilterQuery; toTerm: (query: string) => string | null; current: () => boolean },
): Promise<string | undefined> {
  const meant = new Map<string, string>();
  for (const word of missed) {
    for (const spelling of oneSlipAway(word)) {
      const found = await pagefind.search(spelling, { filters: how.filters });
      if (!how.current()) return undefined;
      if (found.results.length === 0) continue;
      const data = await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
      const isWord = (matched: string) =>
        [matched, matched.replace(/-/g, '')].some((form) => form.startsWith(spelling) && endings.has(form.slice(spelling.length)));
      if (data.some((page) => matchedWords(page.content, page.locations).some(isWord))) {
        meant.set(word, spelling);
        break;
      }
    }
  }
  let changed = false;
  const respell = (word: string) => {
    const spelling = meant.get(foldSpecialLetters(word.toLowerCase()));
    if (spelling) changed = true;
    return spelling;
  };
  // A hyphenated word was searched whole (`multi-moda`) or as its parts (`self-atention` as `self atention`).
  const spelt = query.replace(
    /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu,
    (word) => respell(word) ?? word.replace(/[\p{L}\p{N}]+/gu, (part) => respell(part) ?? part),
  );
  const term = changed ? how.toTerm(spelt) : null;
  if (!term) return undefined;
  // Offered only when it finds papers as the whole query, not word by word.
  const whole = await pagefind.search(term, { filters: how.filters });
  if (!how.current() || whole.results.length === 0 || (await onlyNearMisses(term, whole.results))) return undefined;
  return spelt;
}

/** The words of a query that finds nothing that find nothing alone either (or only by Pagefind's fallback). */
async function wordsFoundNowhere(pagefind: Pagefind, term: string): Promise<string[]> {
  const words = comparableWords(term);
  const missed: string[] = [];
  for (const word of words.slice(0, 5)) {
    const found = await pagefind.search(word);
    if (found.results.length === 0 || (await onlyNearMisses(word, found.results))) missed.push(word);
  }
  return missed;
}

/** Filter counts with every value at 0: the counts of results that are not shown. */
function withoutCounts(counts: FilterCounts): FilterCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((value) => [value, 0]))]),
  );
}

/** "browse the topics or every paper": the ways into the archive that need no query. */
function browseLinks(page: HTMLElement, lead = 'Browse '): Node[] {
  return [
    document.createTextNode(lead),
    element('a', { href: page.dataset['tags'] ?? '', textContent: 'the topics' }),
    document.createTextNode(' or '),
    element('a', { href: page.dataset['papersIndex'] ?? '', textContent: 'every paper' }),
    document.createTextNode('.'),
  ];
}

function moveFocus(event: KeyboardEvent, elements: Elements): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...elements.results.querySelectorAll<HTMLAnchorElement>('.search-result-title a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (document.activeElement === elements.input) {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    links[0]!.focus();
  } else if (at >= 0) {
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at === 0) elements.input.focus();
    else links[at - 1]!.focus();
  }
}

/** `2025-08-27` → "Aug 27, 2025"; a month alone (`2024-04`, from an arXiv id) → "Apr 2024"; a year alone stays a year. */
function formatDay(day: string | undefined): string {
  if (!day || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(day)) return '';
  if (day.length === 4) return day; // a year is all that is known
  const whole = day.length === 10;
  return new Date(`${whole ? day : `${day}-01`}T00:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    ...(whole && { day: 'numeric' }),
    timeZone: 'UTC',
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}
