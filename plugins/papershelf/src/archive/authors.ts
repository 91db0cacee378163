import { tagSlug } from '../taxonomy/tag-slug.ts';
import { foldLatin } from '../text/latin-fold.ts';
import type { Paper } from '../paper/paper.ts';

/** One author of the archive: every spelling of the name that differs only in accents, case or spacing. */
export interface Author {
  /** The spelling used most (ties: the one with more non-ASCII letters, then the first in sort order). */
  name: string;
  /** `authorKey` of every spelling. */
  key: string;
  slug: string;
  /** What the surname sorts by: folded, lower case. */
  sortKey: string;
  /** The letter of the index the author is listed under (`A`–`Z`, else `#`). */
  letter: string;
  /** The author's papers, newest first. */
  papers: Paper[];
  /**
   * Whether the author has a page of their own: with enough papers (option
   * `authorPageMinPapers`, default 2). Most authors of a daily archive appear
   * once; they are found by search and on their letter's page, which links
   * their paper, so the site does not grow by a page per name.
   */
  hasPage: boolean;
}

/** Author pages need at least this many papers unless the site says otherwise. */
export const defaultAuthorPageMinPapers = 2;

/** An author page's address segment no author may take: the letter pages live under it. */
export const reservedAuthorSlugs: readonly string[] = ['letter'];

/** The address segment of a letter of the author index: `a`–`z`, `other` for `#`. */
export function letterSlug(letter: string): string {
  return letter === '#' ? 'other' : letter.toLowerCase();
}

/** The form in which two spellings are one person: no accents, lower case, single spaces, no dots. */
export function authorKey(name: string): string {
  return foldLatin(name.normalize('NFKC').toLowerCase())
    .replace(/[.\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The archive's authors, A–Z by surname (then given names). Spellings that
 * fold to one key are one author, shown with the most frequent spelling.
 * Papers are given newest first and stay in that order.
 */
export function collectAuthors(papers: readonly Paper[], minPapers = defaultAuthorPageMinPapers): Author[] {
  const byKey = new Map<string, { spellings: Map<string, number>; papers: Paper[] }>();
  for (const paper of papers) {
    const seen = new Set<string>();
    for (const name of paper.data.authors) {
      const key = authorKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { spellings: new Map(), papers: [] }));
      const spelling = name.trim().replace(/\s+/g, ' ');
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      entry.papers.push(paper);
    }
  }
  const usedSlugs = new Set<string>(reservedAuthorSlugs);
  const authors = [...byKey].map(([key, entry]): Author => {
    const name = [...entry.spellings].sort((a, b) => b[1] - a[1] || nonAscii(b[0]) - nonAscii(a[0]) || a[0].localeCompare(b[0]))[0]![0];
    const words = key.split(' ');
    const surname = words.at(-1)!;
    const sortKey = `${surname} ${words.slice(0, -1).join(' ')}`.trim();
    const letter = /^[a-z]/.test(surname) ? surname[0]!.toUpperCase() : '#';
    return { name, key, slug: key, sortKey, letter, papers: entry.papers, hasPage: entry.papers.length >= minPapers };
  });
  authors.sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en') || a.slug.localeCompare(b.slug));
  for (const author of authors) {
    const base = tagSlug(author.slug) ?? 'author';
    let slug = base;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
    usedSlugs.add(slug);
    author.slug = slug;
  }
  return authors;
}

function nonAscii(text: string): number {
  return [...text].filter((c) => c > '\u007f').length;
}

/** The authors by the letter of their surname, `A`–`Z` then `#`, each letter's authors in the index's order. */
export function authorsByLetter(authors: readonly Author[]): Map<string, Author[]> {
  const byLetter = new Map<string, Author[]>();
  for (const author of authors) {
    const list = byLetter.get(author.letter);
    if (list) list.push(author);
    else byLetter.set(author.letter, [author]);
  }
  const letters = [...byLetter.keys()].sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)));
  return new Map(letters.map((letter) => [letter, byLetter.get(letter)!]));
}

/** The authors with pages and the most papers, most first (ties in the index's order): who a reader most likely looks for. */
export function mostProlific(authors: readonly Author[], limit: number): Author[] {
  return authors
    .filter((author) => author.hasPage)
    .map((author, i) => ({ author, i }))
    .sort((a, b) => b.author.papers.length - a.author.papers.length || a.i - b.i)
    .slice(0, limit)
    .map(({ author }) => author);
}

/** A paper's authors as a listing shows them: the first names, how many are left out, and one kept among those. */
export interface CutAuthors<T> {
  /** The names shown, in the paper's order. */
  shown: T[];
  /** How many names are left out ("and 12 more"). */
  more: number;
  /** The author named among those left out ("and 12 more, including …"), when one is kept past the cut. */
  kept?: T | undefined;
}

/**
 * The first `limit` of a paper's authors, for a card: a paper of 300 authors
 * stays a line on every list it is on, and its own page names them all. The
 * author `kept` (on their own page) is always named: among the first, next
 * after them, or as one of those left out. A list is cut only where that
 * leaves out two or more names: "and 1 more" would take the place of the
 * name it hides.
 */
export function cutAuthors<T>(authors: readonly T[], limit: number, kept?: (author: T) => boolean): CutAuthors<T> {
  if (authors.length - limit < 2) return { shown: [...authors], more: 0 };
  const late = kept ? authors.findIndex((author, i) => i >= limit && kept(author)) : -1;
  // The kept author right after the first ones: shown in their place, one name more.
  const count = late === limit ? limit + 1 : limit;
  if (authors.length - count < 2) return { shown: [...authors], more: 0 };
  return { shown: authors.slice(0, count), more: authors.length - count, kept: late > limit ? authors[late] : undefined };
}

/** The authors as one line names them (the index of every paper): one or two by name, more as the first "et al.". */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors[0]} et al.`;
}
