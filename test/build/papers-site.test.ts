// A fixture site built with the real `astro build`: paper pages, .mdx with a component, math fallback and report.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import katex from 'katex';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

let site: FixtureBuild;
// The abstract `papershelf new` writes, for the author to replace.
const placeholder = 'Write the abstract here. Formulas render: \\(x^2\\) or $x^2$ inline, \\[ \\sum_i x_i \\] on their own.';

beforeAll(async () => {
  site = await buildFixture(
    'papers-site',
    {
      'content/papers/first.md': paperFile(
        'title: "Sparse $k$-Attention with S\\\\(^2\\\\) <script>x</script>"\nauthors: ["Ada Lovelace", "Alan Turing"]\ndate: 2025-08-27\narxiv: 2404.15574v2\ncode: https://github.com/a/b\nrank: 2',
        'We get a \\(7\\times\\) speedup; it costs $5 and $10.\n\n\\[\n\\sum_i x_i\n\\]',
      ),
      'content/papers/second.md': paperFile(
        'title: Second paper\ndate: 2025-08-27\nrank: 1',
        'Broken: $\\frac{1}{$ and then fine text after it.',
      ),
      'content/papers/older.md': paperFile('title: Older paper\ndate: 2025-08-20', 'Older, in $\\R^n$.'),
      'content/papers/unclosed-block.md': paperFile(
        'title: Unclosed block\ndate: 2025-08-20',
        'Before it.\n\n$$\nx^2 + y^2\n\nAfter it, \\(a\\) still a formula.',
      ),
      'content/papers/draft.md': paperFile('title: A draft\ndate: 2025-08-27\ndraft: true', placeholder),
      'content/papers/unwritten.md': paperFile('title: Started with new\ndate: 2025-08-19', placeholder),
      'content/papers/with-component.mdx': paperFile(
        'title: An MDX paper\ndate: 2025-08-27',
        "import Note from '../../src/components/Note.astro';\n\nMath in MDX: $a<b$ (a `<` that is no tag) and \\(\\{x\\}\\).\n\n<Note>Hello from a component</Note>",
      ),
      'src/components/Note.astro': '<aside class="note"><slot /></aside>',
    },
    { integration: "{ macros: { '\\\\R': '\\\\mathbb{R}' } }" },
  );
}, 240_000);

describe('a fixture archive builds', () => {
  it('exits 0 and builds a page per paper, the home page and the 404 page', async () => {
    expect(site.code, site.output).toBe(0);
    for (const slug of ['first', 'second', 'older', 'with-component'])
      expect(await site.read(`papers/${slug}/index.html`)).toContain('<html');
    await expect(site.read('papers/draft/index.html')).rejects.toThrow();
    expect(await site.read('404.html')).toContain('Page not found');
  });

  it('lists the latest day on the home page in rank order, without drafts or older days', async () => {
    const $ = load(await site.read('index.html'));
    expect($('h1').text()).toBe('Papers of August 27, 2025');
    expect(
      $('.paper-card > :is(h2, h3) > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/papers/second/', '/papers/first/', '/papers/with-component/']);
    expect($('.paper-card').first().find('.paper-links').length).toBe(0);
  });

  it('renders the title formula with KaTeX and shows markup in titles as text', async () => {
    const $ = load(await site.read('papers/first/index.html'));
    const title = $('h1.paper-title');
    expect(title.find('.katex').length).toBe(2);
    expect(title.find('script').length).toBe(0);
    expect(title.text()).toContain('<script>x</script>');
    expect($('title').text()).toBe('Sparse k-Attention with S² <script>x</script> · Papershelf');
  });

  it('renders body math at build time and leaves prices alone', async () => {
    const html = await site.read('papers/first/index.html');
    const formula = katex.renderToString('7\\times', { displayMode: false, output: 'htmlAndMathml', strict: 'ignore' });
    expect(html).toContain(formula.replace('<span class="katex">', '<span class="katex" data-pagefind-ignore="all">'));
    expect(html).toContain('class="katex-display"');
    expect(load(html)('.abstract p').first().text()).toContain('it costs $5 and $10.');
    const scripts = load(html)('script')
      .map((_, s) => load(s)('script').attr('type'))
      .get();
    expect(scripts).toEqual(['module', 'module']); // the search shortcut, the copy button
  });

  it('shows authors and links, with arXiv, PDF, HTML and Hugging Face from the id', async () => {
    const $ = load(await site.read('papers/first/index.html'));
    expect($('.paper-header .authors').text()).toBe('Ada Lovelace, Alan Turing');
    expect(
      $('.paper-header .paper-links a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([
      'arXiv https://arxiv.org/abs/2404.15574v2',
      'PDF https://arxiv.org/pdf/2404.15574v2',
      'HTML https://arxiv.org/html/2404.15574v2',
      'Hugging Face https://huggingface.co/papers/2404.15574',
      'Code https://github.com/a/b',
    ]);
  });

  it('passes the site-wide macros option to KaTeX', async () => {
    const $ = load(await site.read('papers/older/index.html'));
    expect($('.abstract .katex annotation').text()).toBe('\\R^n');
    expect($('.abstract .katex-html .mathbb').text()).toBe('R');
  });

  it('keeps the build log free of the per-file head-inject warning', () => {
    expect(site.output).not.toContain('head-inject');
  });

  it('gives a paper without authors or links no empty labels, and a way to find it by its title', async () => {
    const $ = load(await site.read('papers/older/index.html'));
    expect($('.authors').length).toBe(0);
    expect(
      $('.paper-links a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual(['Find on arXiv https://arxiv.org/search/?query=Older+paper&searchtype=title']);
  });

  it('renders an .mdx paper with its component and its math', async () => {
    const $ = load(await site.read('papers/with-component/index.html'));
    expect($('aside.note').text()).toBe('Hello from a component');
    expect($('.abstract .katex').length).toBe(2);
  });

  it('shows a broken formula as its source, keeps the page, and reports it with file and line', async () => {
    const $ = load(await site.read('papers/second/index.html'));
    expect($('.katex-error').text()).toBe('\\frac{1}{');
    expect($('.abstract p').text()).toContain('and then fine text after it.');
    expect(site.output).toContain(
      "content/papers/second.md:6: KaTeX parse error: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{",
    );
    expect(site.output).toContain('math: 2 formulas failed to render');
  });

  it("names in the log a paper published with the placeholder abstract of `new`, and not a draft's", () => {
    expect(site.output).toContain(
      'papers: 1 paper published with the placeholder abstract `papershelf new` wrote: content/papers/unwritten.md; write the abstract in its place, or set `draft: true` until then',
    );
  });

  it('reads the text after a $$ that is never closed as text, not as one formula, and reports the $$', async () => {
    const $ = load(await site.read('papers/unclosed-block/index.html'));
    expect($('.abstract .math-unclosed').text()).toBe('$$');
    const paragraphs = $('#abstract-text > p');
    expect(paragraphs.map((_, p) => $(p).text()).get()).toEqual([
      'Before it.',
      '$$',
      'x^2 + y^2',
      expect.stringMatching(/^After it, .+ still a formula\.$/),
    ]);
    expect(paragraphs.last().find('.katex')).toHaveLength(1);
    expect(site.output).toMatch(/content\/papers\/unclosed-block\.md:\d+: `\$\$` opens a formula block that is never closed/);
  });
});
