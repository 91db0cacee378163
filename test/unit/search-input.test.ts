// The paper pages as Pagefind reads them: reduced only when the page is laid out as Papershelf lays out a paper
// page, with the search fields the published page does without, and kept in the cache between builds, copied again
// only when the page, its fields or its copy changed.
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIndexedPage, reducedPage, searchInputOf } from '../../plugins/papershelf/src/search/search-input.ts';
import { searchFieldsHtml } from '../../plugins/papershelf/src/search/paper-search-fields.ts';
import { updateSearchInput } from '../../plugins/papershelf/src/integration/search-input-mirror.ts';

const paperPage = (title: string, extra = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="description" content="d">${extra}</head>` +
  `<body><header><nav><a href="/">Home</a></nav></header><main><article class="paper" data-pagefind-body><h1 data-pagefind-weight="10">${title}</h1>` +
  `<div data-pagefind-ignore>tags</div><p>Abstract.</p></article>` +
  `<section class="related" data-pagefind-ignore><a href="/x/">X</a></section></main></body></html>`;
const fields = (title: string) =>
  `<div class="search-fields" hidden><span data-pagefind-meta="title">${title}</span><span data-pagefind-filter="tag">A</span></div>`;

describe('searchInputOf', () => {
  it('keeps the html tag, the title and the article without its ignored blocks, and adds the search fields after it', () => {
    expect(searchInputOf(paperPage('One'), fields('One'))).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>One</title></head><body><article class="paper" data-pagefind-body>' +
        '<h1 data-pagefind-weight="10">One</h1><p>Abstract.</p></article><div class="search-fields" hidden>' +
        '<span data-pagefind-meta="title">One</span><span data-pagefind-filter="tag">A</span></div></body></html>',
    );
  });

  it('takes out only ignored blocks, whole, and keeps one holding a filter or metadata Pagefind still reads', () => {
    const article = (inside: string) => searchInputOf(paperPage('One').replace('<div data-pagefind-ignore>tags</div>', inside));
    // Nested elements of the same name end where the ignored one does; either ignore mode.
    expect(article('<div data-pagefind-ignore="all"><div><div>a</div></div>b</div><div>kept</div>')).toContain(
      '<h1 data-pagefind-weight="10">One</h1><div>kept</div><p>Abstract.</p>',
    );
    expect(article('<nav class="links" aria-label="Read" data-pagefind-ignore><ul><li>PDF</li></ul></nav>')).toContain(
      'One</h1><p>Abstract.</p>',
    );
    // What Pagefind reads inside, or on, an ignored block (a filter, metadata, an image, a heading) keeps the block.
    for (const read of [
      '<div data-pagefind-ignore><span data-pagefind-filter="tag">B</span></div>',
      '<div data-pagefind-ignore><span DATA-PAGEFIND-FILTER="tag">B</span></div>',
      '<div data-pagefind-ignore data-pagefind-meta="x">y</div>',
      '<div data-pagefind-ignore><img src="/a.png" alt="A"></div>',
      '<div data-pagefind-ignore><h1>Other</h1></div>',
    ])
      expect(article(read)).toContain(read);
    // Inline elements stay, and so does a block never closed.
    const inline = '<p>fine<span data-pagefind-ignore>x</span>tuning</p>';
    expect(article(inline)).toContain(inline);
    expect(article('<div data-pagefind-ignore><p>open')).toContain('<div data-pagefind-ignore><p>open');
    // So does a paragraph, whose end tag HTML may leave out.
    expect(article('<p data-pagefind-ignore>x</p>')).toContain('<p data-pagefind-ignore>x</p>');
    // An element of any kind ignored with all it holds (a formula's KaTeX markup) goes, however it nests.
    expect(
      article('<p>fine<span class="katex" data-pagefind-ignore="all"><span><math><mi>x</mi></math></span><span>x</span></span>tuning</p>'),
    ).toContain('<p>finetuning</p>');
    expect(article("<p>a <em data-pagefind-ignore='all'>b</em> c</p>")).toContain('<p>a  c</p>');
    expect(article('<p>a <span data-pagefind-ignore="ALL">b</span> c</p>')).toContain('<p>a  c</p>');
    // Not one Pagefind still reads something of, nor one whose end tag may be left out.
    const kept = [
      '<p>a <span data-pagefind-ignore="all"><img src="/b.png" alt="B"></span></p>',
      '<ul><li data-pagefind-ignore="all">x</li></ul>',
    ];
    for (const element of kept) expect(article(element)).toContain(element);
  });

  it('reads attribute values as values, and keeps whole an article it cannot follow for sure', () => {
    const article = (inside: string) => searchInputOf(paperPage('One').replace('<div data-pagefind-ignore>tags</div>', inside));
    const named = '<div title="a data-pagefind-ignore b">kept</div>';
    expect(article(named)).toContain(named);
    // A comment, CDATA, a script or style with content, a tag this reading does not parse: the article is kept whole.
    for (const unsure of [
      '<div data-pagefind-ignore><!-- </div> --></div><p>after</p>',
      '<div data-pagefind-ignore><svg><text><![CDATA[</div>]]></text></svg></div><p>after</p>',
      "<div data-pagefind-ignore><script>'</div>'</script></div><p>after</p>",
      '<div class="w"><script>\'<div data-pagefind-ignore>\'</script><p>real</p></div>',
      '<div data-pagefind-ignore><div class="a"id="b">x</div></div><p>after</p>',
      '<div data-pagefind-ignore><a title="</div> <div>">x</a></div><p>after</p>',
    ])
      expect(article(unsure)).toContain(unsure);
    // An empty script, as a page loads one, is no obstacle.
    expect(article('<div data-pagefind-ignore>x</div><script type="module" src="/a.js"></script>')).toContain(
      'One</h1><script type="module" src="/a.js"></script><p>Abstract.</p>',
    );
    expect(article("<DIV class='x' data-pagefind-ignore='all'>x</DIV><p>after</p>")).toContain('One</h1><p>after</p>');
  });

  it('ends the article where it closes, not where an article inside it does', () => {
    const nested = paperPage('One').replace('<p>Abstract.</p>', '<article><p>Quoted.</p></article><p>Abstract.</p>');
    expect(searchInputOf(nested, fields('One'))).toContain('<p>Quoted.</p></article><p>Abstract.</p></article><div class="search-fields"');
  });

  it('keeps whole a page with Pagefind attributes elsewhere, or laid out otherwise, with the fields at the end of its body', () => {
    const others = [
      paperPage('One', '<meta data-pagefind-meta="image[content]" content="/a.png">'),
      paperPage('One').replace('</main>', '<p data-pagefind-filter="year">2025</p></main>'),
      paperPage('One').replace('class="paper" data-pagefind-body', 'data-pagefind-body'),
      paperPage('One').replace('</article>', ''),
    ];
    for (const page of others) {
      expect(reducedPage(page, fields('One'))).toBeUndefined();
      expect(searchInputOf(page, fields('One'))).toBe(page.replace('</body>', `${fields('One')}</body>`));
    }
    // A page without fields (not a paper of the archive) is copied as it is.
    expect(searchInputOf(others[0]!)).toBe(others[0]);
  });

  it('tells the pages Pagefind indexes from those it drops', () => {
    expect(isIndexedPage(paperPage('One'))).toBe(true);
    expect(isIndexedPage('<html><body><main><h1>Papers</h1></main></body></html>')).toBe(false);
  });
});

describe('searchFieldsHtml', () => {
  it('writes metadata, filters, the author pages and the sort key as hidden spans, escaped', () => {
    const html = searchFieldsHtml(
      {
        meta: { title: 'A <b> & "c"', date: '2025-01-02' },
        filters: { tag: ['Vision', 'Attention'], year: ['2025'] },
        sort: { date: '2025-01' },
      },
      [['Ada Lovelace', '/authors/ada-lovelace/']],
    );
    expect(html).toBe(
      '<div class="search-fields" hidden><span data-pagefind-meta="title">A &#60;b&#62; &#38; &#34;c&#34;</span>' +
        '<span data-pagefind-meta="date">2025-01-02</span><span data-pagefind-filter="tag">Vision</span>' +
        '<span data-pagefind-filter="tag">Attention</span><span data-pagefind-filter="year">2025</span>' +
        '<span data-pagefind-meta="author_pages">[[&#34;Ada Lovelace&#34;,&#34;/authors/ada-lovelace/&#34;]]</span>' +
        '<span data-pagefind-sort="date">2025-01</span></div>',
    );
  });
});

describe('updateSearchInput', () => {
  it('copies only what changed, with its fields, removes what went, and mends a changed copy', async () => {
    const root = await mkdtemp(join(tmpdir(), 'search-input-'));
    const dist = join(root, 'dist');
    const mirror = join(root, 'cache');
    const page = (path: string) => join(dist, 'papers', path, 'index.html');
    const copy = (path: string) => join(mirror, 'site', 'papers', path, 'index.html');
    for (const path of ['a', 'b', 'newest/2']) await mkdir(join(dist, 'papers', path), { recursive: true });
    await writeFile(page('a'), paperPage('A'));
    await writeFile(page('b'), paperPage('B', '<meta data-pagefind-meta="image[content]" content="/b.png">'));
    await writeFile(page('newest/2'), '<html><body>A listing</body></html>');
    const fieldsOf = (a: string, b: string) =>
      new Map([
        ['papers/a/index.html', fields(a)],
        ['papers/b/index.html', fields(b)],
      ]);

    expect(updateSearchInput(dist, 'papers/', mirror, fieldsOf('A', 'B'))).toMatchObject({ read: 3, unchanged: 0, unmatched: [] });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A'), fields('A')));
    // Not laid out as a paper page: copied whole, with its fields. Not indexed: not copied.
    expect(await readFile(copy('b'), 'utf8')).toBe((await readFile(page('b'), 'utf8')).replace('</body>', `${fields('B')}</body>`));
    await expect(stat(copy('newest/2'))).rejects.toThrow();

    expect(updateSearchInput(dist, 'papers/', mirror, fieldsOf('A', 'B'))).toMatchObject({ read: 0, unchanged: 3 });

    // Fields that changed while the page did not (a restored page): its copy is made again.
    expect(updateSearchInput(dist, 'papers/', mirror, fieldsOf('A', 'B, retitled'))).toMatchObject({ read: 1, unchanged: 2 });
    expect(await readFile(copy('b'), 'utf8')).toContain(fields('B, retitled'));

    // Fields listed for a page dist/ does not have are named, for the build to warn of.
    await writeFile(page('a'), paperPage('A, edited'));
    await rm(join(dist, 'papers', 'b'), { recursive: true });
    expect(updateSearchInput(dist, 'papers/', mirror, fieldsOf('A, edited', 'B'))).toMatchObject({
      read: 1,
      unchanged: 1,
      unmatched: ['papers/b/index.html'],
    });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A, edited'), fields('A, edited')));
    await expect(stat(copy('b'))).rejects.toThrow();

    // A copy changed behind the build's back (same size, another time) is made again from its page.
    await writeFile(copy('a'), (await readFile(copy('a'), 'utf8')).replace('Abstract', 'Abstrakt'));
    await utimes(copy('a'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(updateSearchInput(dist, 'papers/', mirror, fieldsOf('A, edited', 'B'))).toMatchObject({ read: 1, unchanged: 1 });
    expect(await readFile(copy('a'), 'utf8')).toBe(searchInputOf(paperPage('A, edited'), fields('A, edited')));
  });
});
