// A _redirects file a host would not follow whole is reported, with what to do; one that fits is not.
import { describe, expect, it } from 'vitest';
import { redirectsFileNotes } from '../../plugins/papershelf/src/integration/report-redirects.ts';

const rules = (n: number, base = '/') =>
  Array.from({ length: n }, (_, i) => `${base}arxiv/2401.${String(10000 + i)}/ ${base}papers/p${i}/ 301`).join('\n');

describe('redirectsFileNotes', () => {
  it('says nothing of 2,000 rules at the root, comments and blank lines aside', () => {
    expect(redirectsFileNotes(`# arXiv ids\n${rules(2000)}\n\n`, '/')).toEqual([]);
  });

  it('warns past 2,000 rules and says what to set', () => {
    expect(redirectsFileNotes(`${rules(2001)}\n`, '/')).toEqual([
      "_redirects holds 2001 redirect rules; Cloudflare Pages reads only the first 2000 (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.",
    ]);
  });

  it('warns past the 10,000 rules Netlify advises, for every host', () => {
    const [note, ...rest] = redirectsFileNotes(rules(10_001), '/');
    expect(rest).toEqual([]);
    expect(note).toContain('_redirects holds 10001 redirect rules');
    expect(note).toContain('Netlify advises fewer than 10000');
    expect(note).toContain("Set arxivRedirects: 'pages'");
  });

  it('warns that hosts read the file only at the root when the site is built under a base path', () => {
    for (const base of ['/archive', '/archive/']) {
      const notes = redirectsFileNotes(rules(3, '/archive/'), base);
      expect(notes, base).toHaveLength(1);
      expect(notes[0]).toContain('the site is built under /archive/');
      expect(notes[0]).toContain("arxivRedirects: 'pages'");
    }
    // A file of the site's own, with no /arxiv/ rule of the build's, is not the option's doing.
    expect(redirectsFileNotes('/old /new 301\n', '/archive/')).toEqual([]);
  });
});
