// The author a search query names is found among its results' authors, preferring the name the query spells.
import { describe, expect, it } from 'vitest';
import { namedAuthor } from '../../plugins/papershelf/src/client/named-author.ts';
import type { PagefindResultData } from '../../plugins/papershelf/src/client/pagefind-types.ts';

/** A result as Pagefind hands it over, with the authors who have a page. */
function result(authorPages: [string, string][]): PagefindResultData {
  const meta = { author_pages: JSON.stringify(authorPages) };
  return { url: '/papers/x/', excerpt: '', meta, content: '', locations: [], anchors: [], filters: {} };
}

describe('namedAuthor', () => {
  it('finds the author every word of the query names, accents and order aside', () => {
    const results = [result([['Søren Hauberg', '/authors/soren-hauberg/']])];
    expect(namedAuthor('soren hauberg', results)).toEqual({ name: 'Søren Hauberg', href: '/authors/soren-hauberg/' });
    expect(namedAuthor('Hauberg Søren', results)?.href).toBe('/authors/soren-hauberg/');
    expect(namedAuthor('hauberg attention', results)).toBeUndefined();
  });

  it('prefers the name the query spells whole over a longer one that comes first in the results', () => {
    const results = [
      result([['Łukasz Kaiser-Lomi', '/authors/lukasz-kaiser-lomi/']]),
      result([['Anna Łukasz Kaiser', '/authors/anna-lukasz-kaiser/']]),
      result([['Łukasz Kaiser', '/authors/lukasz-kaiser/']]),
    ];
    for (const query of ['Łukasz Kaiser', 'lukasz kaiser', 'Kaiser Łukasz'])
      expect(namedAuthor(query, results)?.href, query).toBe('/authors/lukasz-kaiser/');
    // With no exact name among the results, the nearest one, and the earlier result among equals.
    expect(namedAuthor('Łukasz Kaiser', results.slice(0, 2))?.href).toBe('/authors/lukasz-kaiser-lomi/');
    expect(namedAuthor('Lomi', results)?.href).toBe('/authors/lukasz-kaiser-lomi/');
  });

  it('prefers the name spelt in the order typed, and counts a repeated word as a word', () => {
    const results = [result([['Wei Wang', '/authors/wei-wang/']]), result([['Wang Wei', '/authors/wang-wei/']])];
    expect(namedAuthor('Wang Wei', results)?.href).toBe('/authors/wang-wei/');
    expect(namedAuthor('wei wang', results)?.href).toBe('/authors/wei-wang/');
    const li = [result([['Li Li', '/authors/li-li/']]), result([['Li Wang', '/authors/li-wang/']]), result([['Li', '/authors/li/']])];
    expect(namedAuthor('Li', li)?.href).toBe('/authors/li/');
    expect(namedAuthor('Li Li', li)?.href).toBe('/authors/li-li/');
  });

  it('skips a result whose author list is not JSON', () => {
    const broken: PagefindResultData = { ...result([]), meta: { author_pages: '[oops' } };
    expect(namedAuthor('Ada Lovelace', [broken, result([['Ada Lovelace', '/authors/ada-lovelace/']])])?.name).toBe('Ada Lovelace');
  });
});
