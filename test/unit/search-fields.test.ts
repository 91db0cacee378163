// What each paper page gives the search index (metadata, filters, sort) and how a search lives in the URL.
import { describe, expect, it } from 'vitest';
import { buildArchive } from 'astro-papershelf/model';
import { paperSearchFields, usefulFilters, type PaperSearchFields } from '../../plugins/papershelf/src/search/index.ts';
import { isEmptySearch, knownFilterValue, paramsFromState, stateFromParams } from '../../plugins/papershelf/src/client/search-state.ts';
import type { PaperData } from '../../plugins/papershelf/src/content/paper-schema.ts';
import { paperData } from '../support/paper-data.ts';

const data = paperData;
const vocabulary = {
  file: 'tags.yml',
  definitions: [
    { id: 'attention', label: 'Attention', aliases: [], match: [] },
    { id: 'sparse', label: 'Sparse attention', parent: 'attention', aliases: [], match: ['sparse attention'] },
  ],
};

function fieldsOf(fields: Partial<PaperData>, body = '') {
  const archive = buildArchive([{ id: 'p', filePath: 'content/papers/p.md', body, data: data(fields) }], { vocabulary });
  return paperSearchFields(archive.bySlug.get('p')!, archive.taxonomy.byId);
}

describe('paperSearchFields', () => {
  it('gives the full record: title with TeX as text, authors, date; tags with parents, year, venue, code; the sort date', () => {
    expect(
      fieldsOf({
        title: 'Sparse $k$-attention',
        authors: ['Ada Lovelace', 'Alan Turing'],
        published: '2024-05-06',
        venue: 'ICML 2024',
        code: 'https://github.com/a/b',
        tags: ['sparse'],
      }),
    ).toEqual({
      meta: { title: 'Sparse k-attention', date: '2025-08-27', published: '2024-05-06', authors: 'Ada Lovelace, Alan Turing' },
      filters: { tag: ['Sparse attention', 'Attention'], year: ['2024'], venue: ['ICML 2024'], code: ['Has code'] },
      sort: { date: '2024-05-06#2025-08-27#99999' },
    });
  });

  it('leaves out what a paper does not have: no year without a publication date, sorted by the day it was added', () => {
    expect(fieldsOf({ date: '2023-01-02' })).toEqual({
      meta: { title: 'T', date: '2023-01-02' },
      filters: {},
      sort: { date: '2023-01-02#2023-01-02#99999' },
    });
  });

  it('gives every paper its own sort key, in the order "Newest first" shows: appeared, added, then the day\'s order', () => {
    const papers = [
      { id: 'year', data: data({ title: 'A year', date: '2025-08-27', published: '2017', rank: 3 }) },
      { id: 'first', data: data({ title: 'First of the day', date: '2025-08-27', published: '2017-06', rank: 1 }) },
      { id: 'second', data: data({ title: 'Second of the day', date: '2025-08-27', published: '2017-06', rank: 2 }) },
      { id: 'earlier', data: data({ title: 'Added a day earlier', date: '2025-08-26', published: '2017-06', rank: 1 }) },
      { id: 'day', data: data({ title: 'Known to the day', date: '2025-08-26', published: '2017-06-12', rank: 2 }) },
    ];
    const archive = buildArchive(
      papers.map(({ id, data }) => ({ id, filePath: `content/papers/${id}.md`, body: '', data })),
      { vocabulary },
    );
    // Its place in its day, as the archive orders the day.
    const keys = archive.papers.map((paper) => {
      const day = archive.days.find((d) => d.date === paper.data.date)!;
      return [paper.slug, paperSearchFields(paper, archive.taxonomy.byId, day.papers.indexOf(paper)).sort.date] as const;
    });
    const newestFirst = [...keys].sort(([, a], [, b]) => (a < b ? 1 : -1)).map(([slug]) => slug);
    expect(newestFirst).toEqual(['day', 'first', 'second', 'earlier', 'year']);
    expect(new Set(keys.map(([, key]) => key)).size).toBe(keys.length);
    // Natural order (digit runs as numbers) agrees with text order: every part has a fixed width.
    const natural = [...keys].sort(([, a], [, b]) => b.localeCompare(a, 'en', { numeric: true })).map(([slug]) => slug);
    expect(natural).toEqual(newestFirst);
  });

  it('includes tags that came from rules', () => {
    expect(fieldsOf({}, 'About sparse attention.').filters.tag).toEqual(['Sparse attention', 'Attention']);
  });
});

describe('search state in the URL', () => {
  const names = ['tag', 'year'];

  it('round-trips query, filters in their order, and sort', () => {
    const state = { query: 'kv cache', sort: 'newest' as const, filters: { tag: ['Long context', 'KV & cache'], year: ['2025'] } };
    const params = paramsFromState(state);
    expect(params.toString()).toBe('q=kv+cache&tag=Long+context&tag=KV+%26+cache&year=2025&sort=newest');
    expect(stateFromParams(new URLSearchParams(params.toString()), names)).toEqual(state);
  });

  it('ignores unknown parameters and sorts, and knows an empty search', () => {
    const state = stateFromParams(new URLSearchParams('q=&sort=sideways&venue=x&tag=&utm=1'), names);
    expect(state).toEqual({ query: '', sort: 'relevance', filters: {} });
    expect(isEmptySearch(state)).toBe(true);
    expect(paramsFromState(state).toString()).toBe('');
  });

  it('takes a filter value in another case or spelled as its tag page spells it, and nothing else', () => {
    const labels = ['Efficient attention', 'Vision-language models', 'KV cache', 'Ünïcode'];
    expect(knownFilterValue('Efficient attention', labels)).toBe('Efficient attention');
    expect(knownFilterValue('efficient-attention', labels)).toBe('Efficient attention');
    expect(knownFilterValue('vision language models', labels)).toBe('Vision-language models');
    expect(knownFilterValue('KV CACHE', labels)).toBe('KV cache');
    expect(knownFilterValue('ünïcode', labels)).toBe('Ünïcode');
    expect(knownFilterValue('efficient', labels)).toBeUndefined();
    expect(knownFilterValue('--', labels)).toBeUndefined();
  });
});

describe('usefulFilters', () => {
  const fields = (filters: PaperSearchFields['filters']): PaperSearchFields => ({ meta: {}, filters, sort: { date: '2025-01-01' } });

  it('offers a filter with two values or more, or one value that only some papers have', () => {
    const papers = [
      fields({ tag: ['Attention'], year: ['2024'], code: ['Has code'] }),
      fields({ tag: ['Vision'], year: ['2024'], code: ['Has code'] }),
      fields({ tag: ['Vision'], year: ['2024'] }),
    ];
    // One year for every paper filters nothing; no venue at all is no filter.
    expect(usefulFilters(papers).map((filter) => filter.name)).toEqual(['tag', 'code']);
  });

  it('drops a one-value filter that every paper has', () => {
    const papers = [fields({ code: ['Has code'] }), fields({ code: ['Has code'] })];
    expect(usefulFilters(papers)).toEqual([]);
  });
});
