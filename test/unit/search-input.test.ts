// The paper pages as Pagefind reads them: reduced only when the page is laid out as Papershelf lays out a paper
// page, and kept in the cache between builds, copied again only when the page changed or its copy did.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIndexedPage, searchInputOf } from '../../plugins/papershelf/src/search/search-input.ts';
import { updateSearchInput } from '../../plugins/papershelf/src/integration/search-input-mirror.ts';

const paperPage = (title: string, extra = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="description" content="d">${extra}</head>` +
  `<body><header><nav><a href="/">Home</a></nav></header><main><article class="paper" data-pagefind-body><h1 data-pagefind-weight="10">${title}</h1>` +
  `<div data-pagefind-ignore>tags</div><p>Abstract.</p></article><div class="search-fields" hidden><span data-pagefind-meta="title">${title}</span>` +
  `<span data-pagefind-filter="tag">A</span></div><section class="related" data-pagefind-ignore><a href="/x/">X</a></section></main></body></html>`;

describe('searchInputOf', () => {
  it('keeps the html tag, the title, the article and the search fields, and nothing else', () => {
    expect(searchInputOf(paperPage('One'))).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>One</title></head><body><article class="paper" data-pagefind-body>' +
        '<h1 data-pagefind-weight="10">One</h1><div data-pagefind-ignore>tags</div><p>Abstract.</p></article><div class="search-fields" hidden>' +
        '<span data-pagefind-meta="title">One</span><span data-pagefind-filter="tag">A</span></div></body></html>',
    );
  });

  it('leaves whole a page with Pagefind attributes elsewhere, or laid out otherwise', () => {
    expect(searchInputOf(paperPage('One', '<meta data-pagefind-meta="image[content]" content="/a.png">'))).toBeUndefined();
    expect(searchInputOf(paperPage('One').replace('</main>', '<p data-pagefind-filter="year">2025</p></main>'))).toBeUndefined();
    expect(searchInputOf(paperPage('One').replace('class="paper" data-pagefind-body', 'data-pagefind-body'))).toBeUndefined();
    expect(searchInputOf(paperPage('One').replace('<div class="search-fields" hidden>', '<div class="fields">'))).toBeUndefined();
  });

  it('tells the pages Pagefind indexes from those it drops', () => {
    expect(isIndexedPage(paperPage('One'))).toBe(true);
    expect(isIndexedPage('<html><body><main><h1>Papers</h1></main></body></html>')).toBe(false);
  });
});

describe('updateSearchInput', () => {
  it('copies only what changed, removes what went, and mends a changed copy', async () => {
    const root = await mkdtemp(join(tmpdir(), 'search-input-'));
    const dist = join(root, 'dist');
    const mirror = join(root, 'cache');
    const page = (path: string) => join(dist, 'papers', path, 'index.html');
    const copy = (path: string) => join(mirror, 'site', 'papers', path, 'index.html');
    for (const path of ['a', 'b', 'newest/2']) await mkdir(join(dist, 'papers', path), { recursive: true });
    await writeFile(page('a'), paperPage('A'));
    await writeFile(page('b'), paperPage('B', '<meta data-pagefind-meta="image[content]" content="/b.png">'));
    await writeFile(page('newest/2'), '<html><body>A listing</body></html>');

    expect(updateSearchInput(dist, 'papers/', mirror)).toMatchObject({ read: 3, unchanged: 0 });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A')));
    // Not laid out as a paper page: copied whole. Not indexed: not copied.
    expect(await readFile(copy('b'), 'utf8')).toBe(await readFile(page('b'), 'utf8'));
    await expect(stat(copy('newest/2'))).rejects.toThrow();

    expect(updateSearchInput(dist, 'papers/', mirror)).toMatchObject({ read: 0, unchanged: 3 });

    await writeFile(page('a'), paperPage('A, edited'));
    await rm(join(dist, 'papers', 'b'), { recursive: true });
    expect(updateSearchInput(dist, 'papers/', mirror)).toMatchObject({ read: 1, unchanged: 1 });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A, edited')));
    await expect(stat(copy('b'))).rejects.toThrow();

    // A copy changed behind the build's back (same size, another time) is made again from its page.
    await writeFile(copy('a'), (await readFile(copy('a'), 'utf8')).replace('Abstract', 'Abstrakt'));
    await utimes(copy('a'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(updateSearchInput(dist, 'papers/', mirror)).toMatchObject({ read: 1, unchanged: 1 });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A, edited')));
  });
});
