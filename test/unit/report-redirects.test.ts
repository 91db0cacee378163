// A _redirects file of the build's /arxiv/ rules that a host would not follow whole is reported, with what to do; one
// that fits is not, nor a site's own file.
import { describe, expect, it } from 'vitest';
import { redirectsFileNotes } from '../../plugins/papershelf/src/integration/report-redirects.ts';

const rules = (n: number, prefix = '/arxiv/') =>
  Array.from({ length: n }, (_, i) => `${prefix}2401.${String(10000 + i)}/ /papers/p${i}/ 301`).join('\n');
const atRoot = { base: '/', prefix: '/arxiv/' };

describe('redirectsFileNotes', () => {
  it('says nothing of 2,000 rules at the root, comments and blank lines aside', () => {
    expect(redirectsFileNotes(`# arXiv ids\n${rules(2000)}\n\n`, atRoot)).toEqual([]);
  });

  it('warns past 2,000 rules and says what to set', () => {
    expect(redirectsFileNotes(`${rules(2001)}\n`, atRoot)).toEqual([
      "_redirects holds 2001 redirect rules; Cloudflare Pages reads only the first 2000 (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.",
    ]);
  });

  it('warns from the 10,000 rules for which Netlify recommends wildcards, for every host', () => {
    expect(redirectsFileNotes(rules(9999), atRoot)[0]).toContain('(Netlify reads them all)');
    const [note, ...rest] = redirectsFileNotes(rules(10_000), atRoot);
    expect(rest).toEqual([]);
    expect(note).toContain('_redirects holds 10000 redirect rules');
    expect(note).toContain('Netlify recommends wildcards for 10000 or more');
    expect(note).toContain("Set arxivRedirects: 'pages'");
  });

  it('warns that hosts read the file only at the root when the site is built under a base path', () => {
    for (const base of ['/site', '/site/']) {
      const notes = redirectsFileNotes(rules(3, '/site/arxiv/'), { base, prefix: '/site/arxiv/' });
      expect(notes, base).toHaveLength(1);
      expect(notes[0]).toContain('the site is built under /site/');
      expect(notes[0]).toContain("arxivRedirects: 'pages'");
    }
    // The integration's routePrefix puts the /arxiv/ addresses in a folder of their own.
    const prefixed = redirectsFileNotes(rules(3, '/site/archive/arxiv/'), { base: '/site/', prefix: '/site/archive/arxiv/' });
    expect(prefixed).toHaveLength(1);
    expect(prefixed[0]).toContain('the site is built under /site/');
  });

  it("says nothing of a site's own file, which holds none of the build's /arxiv/ rules, however long", () => {
    const own = Array.from({ length: 12_000 }, (_, i) => `/old/${i} /new/${i} 301`).join('\n');
    expect(redirectsFileNotes(own, { base: '/site/', prefix: '/site/arxiv/' })).toEqual([]);
    expect(redirectsFileNotes(own, atRoot)).toEqual([]);
  });
});
