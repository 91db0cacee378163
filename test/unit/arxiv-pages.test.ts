// Where a build writes each page it names by address (an /arxiv/<id>/ redirect, a paper's), and what a redirect says.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { redirectPage } from '../../plugins/papershelf/src/integration/write-arxiv-pages.ts';
import { pageFile, requestedPageFile } from '../../plugins/papershelf/src/links/page-file.ts';

describe('pageFile', () => {
  it.each([
    ['/arxiv/2006.04768/', '/', 'directory', 'arxiv/2006.04768/index.html'],
    ['/archive/arxiv/2006.04768v2/', '/archive/', 'directory', 'arxiv/2006.04768v2/index.html'],
    ['/archive/arxiv/2006.04768', '/archive', 'directory', 'arxiv/2006.04768/index.html'],
    ['/archive/arxiv/math/0211159', '/archive/', 'file', 'arxiv/math/0211159.html'],
    ['/papers/arxiv/2006.04768/', '/', 'preserve', 'papers/arxiv/2006.04768.html'],
    // A slug spelled in decomposed Unicode (e + combining accent): Astro writes the page in the composed form.
    [`/papers/${encodeURIComponent('cafe\u0301')}/`, '/', 'directory', 'papers/caf\u00e9/index.html'],
  ] as const)('%s under base %s, build.format %s: %s', (path, base, format, file) => {
    expect(pageFile(path, { base, format })).toBe(file);
  });
});

describe('requestedPageFile', () => {
  // Astro asks for a page it writes as a file at an address ending in .html, whatever the site's build.format says.
  it.each([
    ['/papers/a/', '/', 'directory', 'papers/a/index.html'],
    ['/archive/papers/a.html', '/archive/', 'file', 'papers/a.html'],
    ['/papers/a.html', '/', 'preserve', 'papers/a.html'],
    ['/papers/', '/', 'preserve', 'papers/index.html'],
    ['/papers/index.html', '/', 'file', 'papers/index.html'],
  ] as const)('%s under base %s, build.format %s: %s', (path, base, format, file) => {
    expect(requestedPageFile(path, { base, format })).toBe(file);
  });
});

describe('redirectPage', () => {
  it('refreshes to the paper at once, names it canonical with the site, and links it', () => {
    const $ = load(redirectPage('/papers/a&b/', 'https://example.org/archive/'));
    expect($('meta[http-equiv=refresh]').attr('content')).toBe('0;url=/papers/a&b/');
    expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/papers/a&b/');
    // No noindex beside the canonical link, which Google reads as two signals that disagree.
    expect($('meta[name=robots]')).toHaveLength(0);
    expect($('a').attr('href')).toBe('/papers/a&b/');
    expect($('a').text()).toBe("The paper's page");
    // ASCII throughout: the page has no charset, which a host may not send either.
    expect(/^[\x20-\x7e]*$/.test(redirectPage('/papers/a&b/', 'https://example.org/'))).toBe(true);
    // The paper's address only where a browser, a crawler or a reader follows it.
    expect(redirectPage('/papers/slug/', 'https://example.org/').split('/papers/slug/')).toHaveLength(4);
  });

  it('keeps the canonical address site-relative without a site', () => {
    expect(load(redirectPage('/papers/x/', undefined))('link[rel=canonical]').attr('href')).toBe('/papers/x/');
  });
});
