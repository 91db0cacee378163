// The math constructs through unified(), compared with what KaTeX itself renders for the same TeX.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import rehypeKatex from 'rehype-katex';
import katex from 'katex';
import { load } from 'cheerio';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  remarkTexMath,
  splitTex,
  katexOptions,
  renderInlineTex,
  rehypeSearchableMath,
  searchableMathHtml,
  rehypeMathReport,
  rehypeKatexPerPaper,
  readMathMarks,
  formatMathReport,
} from '../../plugins/papershelf/src/markdown/index.ts';

const processor = unified().use(remarkParse).use(remarkTexMath).use(remarkRehype).use(rehypeKatex, katexOptions()).use(rehypeStringify);
const render = async (markdown: string) => String(await processor.process(markdown)).trim();
const inline = (tex: string) => katex.renderToString(tex, { ...katexOptions(), displayMode: false });
const display = (tex: string) => katex.renderToString(tex, { ...katexOptions(), displayMode: true });

describe('remarkTexMath renders math as authors write it', () => {
  it.each([
    ['LaTeX inline', 'a \\(7\\times\\) b', `<p>a ${inline('7\\times')} b</p>`],
    ['LaTeX inline inside a word', 'S\\(^2\\)-Attn', `<p>S${inline('^2')}-Attn</p>`],
    ['LaTeX display in a paragraph', 'see \\[E=mc^2\\] here', `<p>see ${display('E=mc^2')} here</p>`],
    ['LaTeX display over several lines', '\\[\na+b\n= c\n\\]', `<p>${display('a+b\n= c')}</p>`],
    ['dollar inline', 'area $\\pi r^2$.', `<p>area ${inline('\\pi r^2')}.</p>`],
    ['double dollar in text', 'in $$x^2$$ text', `<p>in ${display('x^2')} text</p>`],
    ['double dollar block', '$$\n\\sum_i x_i\n$$', display('\\sum_i x_i')],
    ['adjacent punctuation', '(\\(a\\)), $b$; $c$!', `<p>(${inline('a')}), ${inline('b')}; ${inline('c')}!</p>`],
  ])('%s', async (_name, markdown, expected) => {
    expect(await render(markdown)).toBe(expected);
  });

  it.each([
    ['prices stay prices', 'costs $5 and $10 today', '<p>costs $5 and $10 today</p>'],
    ['a closing dollar before a digit does not close', 'from $x$1 on', '<p>from $x$1 on</p>'],
    ['space after the opening dollar', 'a $ b$ c', '<p>a $ b$ c</p>'],
    ['escaped dollar', '\\$x$ and more', '<p>$x$ and more</p>'],
    ['escaped backslash before a paren', '\\\\(x\\)', '<p>\\(x)</p>'],
    ['LaTeX delimiters in code stay code', '`\\(x\\)` and `$y$`', '<p><code>\\(x\\)</code> and <code>$y$</code></p>'],
    // Kept as written, in a span the math report marks (see rehype-math-report.ts).
    ['unclosed \\( is kept as written, marked', 'an unclosed \\(x + y', '<p>an unclosed <span class="math-unclosed">\\(</span>x + y</p>'],
    ['unclosed \\[ is kept as written, marked', 'an unclosed \\[x', '<p>an unclosed <span class="math-unclosed">\\[</span>x</p>'],
    ['unclosed dollar is text', 'just $x here', '<p>just $x here</p>'],
    ['other escapes are CommonMark escapes', '\\* \\_ \\%', '<p>* _ %</p>'],
  ])('%s', async (_name, markdown, expected) => {
    expect(await render(markdown)).toBe(expected);
  });

  it('keeps a backslash pair inside math, so \\\\) does not close \\(', async () => {
    expect(await render('\\(a \\\\) b\\)')).toBe(`<p>${inline('a \\\\) b')}</p>`);
  });

  it('shows broken TeX as its source and leaves the rest of the paragraph intact', async () => {
    const file = await processor.process('before $\\frac{1}{$ after \\(x\\)');
    const html = String(file);
    expect(html).toContain('class="katex-error"');
    expect(html).toContain('\\frac{1}{');
    expect(html).toContain(`after ${inline('x')}</p>`);
    expect(file.messages.map((m) => m.source)).toEqual(['rehype-katex']);
  });
});

describe('formulas may not link or load anything', () => {
  it('caps the sizes a formula sets, so a rule cannot cover the page', async () => {
    const $ = load(await render('a \\(\\rule{100000em}{100000em}\\) b'));
    const sizes = ($('.katex-html').html() ?? '').match(/[\d.]+em/g)!.map((size) => Number.parseFloat(size));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
  });

  it('shows \\href and \\includegraphics as failed formulas, with a message for the report, and no link', async () => {
    const file = await processor.process('see \\(\\href{https://example.com}{click}\\) and $\\includegraphics{a.png}$ then \\(x\\)');
    const $ = load(String(file));
    expect($('a, img')).toHaveLength(0);
    expect(
      $('.katex-error')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(['\\href{https://example.com}{click}', '\\includegraphics{a.png}']);
    // What the math report prints: KaTeX's own message, the cause of rehype-katex's.
    expect(file.messages.map((m) => (m.cause as Error).message)).toEqual([
      expect.stringContaining('\\href is turned off in formulas'),
      expect.stringContaining('\\includegraphics is turned off in formulas'),
    ]);
  });
});

describe('rehypeMathReport marks each failed formula with its own message and line', () => {
  let root = '';
  const reporting = () =>
    unified()
      .use(remarkParse)
      .use(remarkTexMath)
      .use(remarkRehype)
      .use(rehypeKatex, katexOptions())
      .use(rehypeMathReport, { root })
      .use(rehypeSearchableMath)
      .use(rehypeStringify);
  const errorOf = (tex: string) => {
    try {
      katex.renderToString(tex, { ...katexOptions(), throwOnError: true });
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('pairs messages with formulas by place and source, not by order: parse errors and undefined commands alike', async () => {
    // Astro renders a paper's body without its frontmatter; the marks still give lines of the file.
    const site = await mkdtemp(join(tmpdir(), 'math-report-'));
    root = site;
    const body = 'Fine $a$, broken $\\frac{1}{$, unknown $\\softmx{y}$ and again $\\frac{1}{$.\n\n$$\n\\badcmd\n$$\n';
    await mkdir(join(site, 'content/papers'), { recursive: true });
    await writeFile(join(site, 'content/papers/p.md'), `---\ntitle: P\ndate: 2025-01-01\n---\n${body}`);
    const file = await reporting().process({ path: join(site, 'content/papers/p.md'), value: body });
    const marks = readMathMarks(String(file));
    expect(marks).toEqual([
      { message: errorOf('\\frac{1}{'), source: 'content/papers/p.md:5' },
      { message: errorOf('\\softmx{y}'), source: 'content/papers/p.md:5' },
      { message: errorOf('\\frac{1}{'), source: 'content/papers/p.md:5' },
      { message: errorOf('\\badcmd'), source: 'content/papers/p.md:7' },
    ]);
    // The undefined command is drawn by KaTeX (no .katex-error); its mark is on that KaTeX output.
    const $ = load(String(file));
    expect(
      $('[data-math-error]')
        .map((_, el) => $(el).attr('class'))
        .get(),
    ).toEqual(['katex-error', 'katex', 'katex-error', 'katex-display']);
    expect(formatMathReport(marks).at(-1)).toBe(
      'math: 3 formulas failed to render; they show as TeX source on the page, so fix the TeX at the lines above',
    );
  });

  it('marks a title formula rendered outside Markdown the same way', () => {
    const html = renderInlineTex('A $\\softmx$ title', {}, { file: 'content/papers/t.md', line: 2 });
    expect(readMathMarks(html)).toEqual([{ message: errorOf('\\softmx'), source: 'content/papers/t.md:2' }]);
  });
});

describe('splitTex reads plain text with the same rules', () => {
  const cases = [
    'a \\(7\\times\\) b',
    'S\\(^2\\)-Attn',
    'see \\[E=mc^2\\] here',
    'area $\\pi r^2$.',
    'in $$x^2$$ text',
    'costs $5 and $10 today',
    'from $x$1 on',
    'a $ b$ c',
    'an unclosed \\(x + y',
    '(\\(a\\)), $b$; $c$!',
    '\\(a \\\\) b\\)',
    '$a$$b$',
    '$a\\ $ b',
    '$x\u00a0$ y',
    '$\u00a0x$',
    '\\$a$ $b$',
  ];
  it.each(cases)('%s', async (text) => {
    const fromSplit = splitTex(text)
      .filter((s) => s.type === 'math')
      .map((s) => s.value);
    const fromMarkdown: string[] = [];
    const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'inlineMath' || node.type === 'math') fromMarkdown.push(node.value ?? '');
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(processor.parse(text) as never);
    expect(fromSplit).toEqual(fromMarkdown);
  });
});

describe('renderInlineTex renders titles', () => {
  it('renders formulas and escapes everything else', () => {
    expect(renderInlineTex('S\\(^2\\) <b>{x}</b> & 5\\%')).toBe(
      `S${searchableMathHtml(inline('^2'), '^2')} &#60;b&#62;{x}&#60;/b&#62; &#38; 5%`,
    );
  });

  it('passes site macros to KaTeX', () => {
    const macros = { '\\R': '\\mathbb{R}' };
    expect(renderInlineTex('$\\R$', macros)).toBe(
      searchableMathHtml(katex.renderToString('\\R', { ...katexOptions(macros), displayMode: false }), '\\R'),
    );
    expect(renderInlineTex('$\\R$', macros)).toContain('mathbb');
  });
});

describe('rehypeSearchableMath gives the search index each formula once, as readable text', () => {
  const searchable = unified()
    .use(remarkParse)
    .use(remarkTexMath)
    .use(remarkRehype)
    .use(rehypeKatex, katexOptions())
    .use(rehypeSearchableMath)
    .use(rehypeStringify);
  const html = async (markdown: string) => load(String(await searchable.process(markdown)));

  it('marks each rendered formula ignored and follows it with a hidden copy of it as text, never its command names', async () => {
    const $ = await html('a \\(7\\times\\) b and \\[x < y\\]');
    expect(
      $('.katex')
        .map((_, k) => $(k).attr('data-pagefind-ignore'))
        .get(),
    ).toEqual(['all', 'all']);
    expect(
      $('.math-search-text')
        .map((_, s) => [[$(s).text(), $(s).attr('hidden'), $(s).prev().hasClass('katex')]])
        .get(),
    ).toEqual([
      ['7×', 'hidden', true],
      ['x < y', 'hidden', true],
    ]);
    // `time` must not find every `\times`: the index reads no command name.
    expect($('.math-search-text').text()).not.toMatch(/times/);
    expect($('.katex-display > .math-search-text').length).toBe(1);
  });

  it('leaves text without formulas, and KaTeX errors (shown as source), as they are', async () => {
    const $ = await html('costs $5 and \\(\\frac{1}{\\)');
    expect($('.math-search-text').length).toBe(0);
    expect($('p').text()).toBe('costs $5 and \\frac{1}{');
  });

  it('does the same for titles rendered outside Markdown', () => {
    const $ = load(renderInlineTex('Attention in $O(n^2)$ time'));
    expect($('.katex').attr('data-pagefind-ignore')).toBe('all');
    expect($('.math-search-text').text()).toBe('O(n²)');
    expect($.root().text().replace($('.katex').text(), '')).toBe('Attention in O(n²) time');
  });
});

describe("rehypeKatexPerPaper gives each paper the site's macros afresh", () => {
  it("keeps one paper's \\gdef to that paper, and its formulas after the definition", async () => {
    // One processor renders every paper of a sync, as Astro's does.
    const papers = unified()
      .use(remarkParse)
      .use(remarkTexMath)
      .use(remarkRehype)
      .use(rehypeKatexPerPaper, katexOptions({ '\\vx': '\\mathbf{x}' }))
      .use(rehypeStringify);
    const first = load(String(await papers.process('Define $\\gdef\\vv{\\mathbf{v}}\\vv$, use $\\vv + \\vx$.')));
    const second = load(String(await papers.process('Use $\\vv$ and $\\vx$.')));
    // KaTeX shows a command it does not know in red.
    const unknown = ($: ReturnType<typeof load>) => $('.katex-html .mord.text[style*="#cc0000"]').text();
    expect(unknown(first)).toBe('');
    expect(first('.katex-html .mathbf').text()).toBe('vvx');
    // The next paper knows the site's macro, not the other paper's definition.
    expect(unknown(second)).toBe('\\vv');
    expect(second('.katex-html .mathbf').text()).toBe('x');
  });
});
