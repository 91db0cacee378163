// The shipped archive: every page's text equals the seed page's text, character for character, and every formula renders.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { brokenLinks } from '../support/link-check.ts';
import { repoRoot, run } from '../support/fixture-site.ts';

const seedFile = join(repoRoot, 'content', 'sources', '2025-08-27.txt');
const dist = join(repoRoot, 'dist');
let buildOutput = '';

/** The seed's records, read independently of the importer: blank-line blocks after the "Aug 27" line, in pairs. */
async function seedRecords(): Promise<{ title: string; abstract: string }[]> {
  const text = await readFile(seedFile, 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const start = blocks.indexOf('Aug 27') + 1;
  const records = [];
  for (let i = start; i < blocks.length; i += 2) records.push({ title: blocks[i]!, abstract: blocks[i + 1]! });
  return records;
}

/**
 * The seed's text as the README says an import reads it, written out here case by case: `\%` as `%`, TeX's dashes
 * and ties, CVPR's `\ie`, RAT's own macro `\rat`, and a formula that lost its backslashes as TeX again.
 */
function asImported(text: string): string {
  return text
    .replace(/\\%/g, '%')
    .replace(/--/g, '–')
    .replace(/(?<=\w)~(?=\()/g, ' ')
    .replace(/\\ie\b/g, 'i.e.')
    .replace(/\\rat\b/g, 'RAT')
    .replace(/([A-Z])left\(([^\s()]*)right\)/g, '\\($1\\left($2\\right)\\)');
}

/** Text of an element with each rendered formula put back as `\(TeX\)`, the seed's own notation. */
function textWithTex($: CheerioAPI, selector: string): string {
  const element = $(selector).first().clone();
  element.find('.math-search-text').remove();
  element.find('.katex').each((_, node) => {
    $(node).replaceWith(`\\(${$(node).find('annotation').text()}\\)`);
  });
  return element.text();
}

/** The slugs of the shipped papers: their file names in content/papers. */
async function paperSlugs(): Promise<string[]> {
  return (await readdir(join(repoRoot, 'content', 'papers'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
}

beforeAll(async () => {
  const result = await run(process.execPath, [join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], repoRoot);
  buildOutput = result.output;
  expect(result.code, result.output).toBe(0);
}, 240_000);

describe('the shipped archive', () => {
  it('has one page per seed paper and a home page that says what the site is and lists the whole day', async () => {
    const slugs = await paperSlugs();
    expect(slugs).toHaveLength(59);
    for (const slug of slugs) expect((await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8')).length, slug).toBeGreaterThan(0);
    // A page a paper and nothing else beside it: its BibTeX and data are on the page and in /papers.bib and /papers.json.
    expect((await readdir(join(dist, 'papers'))).filter((file) => /\.(?:bib|json)$/.test(file))).toEqual([]);
    const $ = load(await readFile(join(dist, 'index.html'), 'utf8'));
    expect($('.site-intro').text()).toMatch(/^Papershelf: Research papers from Hugging Face's Daily Papers/);
    expect($('meta[name=description]').attr('content')).toBe(
      $('.site-intro')
        .text()
        .replace(/^Papershelf: /, ''),
    );
    expect($('h1').text()).toBe('Papers of August 27, 2025');
    // A day is read in one place: all 59, not 50 and "Older" for the same day's last 9.
    expect($('.paper-card')).toHaveLength(59);
    expect($('.day-count').text()).toBe('59 papers');
    expect($('.pagination').length).toBe(0);
    await expect(readFile(join(dist, 'date', '2025-08-27', '2', 'index.html'), 'utf8')).rejects.toThrow();
    const first = (await seedRecords())[0]!;
    expect($('.paper-card > h2').first().text()).toBe(first.title);
    // So is a feed: the whole day, not the newest 50 of its 59.
    for (const feed of ['rss.xml', 'atom.xml']) {
      const xml = load(await readFile(join(dist, feed), 'utf8'), { xml: true });
      expect(xml(feed === 'rss.xml' ? 'item' : 'entry'), feed).toHaveLength(59);
    }
  });

  it("shows every title and abstract as the seed has it, its authors' LaTeX read as the README says", async () => {
    const records = await seedRecords();
    expect(records).toHaveLength(59);
    const pages = new Map<string, string>();
    for (const slug of await paperSlugs()) {
      const $ = load(await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      pages.set(textWithTex($, 'h1.paper-title'), textWithTex($, '.abstract p'));
    }
    for (const record of records) expect(pages.get(asImported(record.title)), record.title).toBe(asImported(record.abstract));
  });

  it('renders every seed formula with no KaTeX error', async () => {
    expect(buildOutput).toContain('math: every formula rendered');
    let formulas = 0;
    for (const slug of await paperSlugs()) {
      const html = await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8');
      expect(html, slug).not.toContain('katex-error');
      formulas += load(html)('.katex').length;
    }
    const seed = await readFile(seedFile, 'utf8');
    expect(formulas).toBe(asImported(seed).match(/\\\(/g)?.length);
  });

  it('tags every paper with at least one specific (non-root) tag, each a link to a built tag page', async () => {
    const roots = new Set(
      load(await readFile(join(dist, 'tags', 'index.html'), 'utf8'))('main > .tag-index > li > h2 > a')
        .map((_, a) => load(a)('a').attr('href'))
        .get(),
    );
    expect(roots.size).toBeGreaterThan(3);
    for (const slug of await paperSlugs()) {
      const $ = load(await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      const links = $('.paper-tags a.tag')
        .map((_, a) => $(a).attr('href')!)
        .get();
      expect(links.filter((href) => !roots.has(href)).length, slug).toBeGreaterThan(0);
      // A chip's tooltip names its rule only when the rule says more than the tag's own name.
      for (const chip of $('.paper-tags a.tag-from-rule[title]').toArray()) {
        const label = $(chip).contents().first().text().trim().toLowerCase();
        expect($(chip).attr('title'), slug).not.toBe(`Matched by the rule “${label}”`);
      }
      for (const href of links)
        expect((await readFile(join(dist, decodeURIComponent(href), 'index.html'), 'utf8')).length, href).toBeGreaterThan(0);
    }
    expect(buildOutput).toMatch(/tags: \d+ tags, \d+ in use/);
  });

  it('tags the hallucination papers, each of which speaks of hallucination', async () => {
    const $ = load(await readFile(join(dist, 'tags', 'hallucination', 'index.html'), 'utf8'));
    const links = $('.paper-card > :is(h2, h3) > a')
      .map((_, a) => $(a).attr('href')!)
      .get();
    expect(links.length).toBeGreaterThan(5);
    expect(links).toContain('/papers/agla-mitigating-object-hallucinations-in-large-vision/');
    for (const href of links) {
      const page = load(await readFile(join(dist, href, 'index.html'), 'utf8'));
      expect(page('article.paper').text(), href).toMatch(/hallucinat/i);
    }
  });

  it('has valid HTML on every built page, KaTeX markup included', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Paper titles are as long as their authors made them; the <title> carries the whole title.
        'long-title': 'off',
        // KaTeX positions glyphs with style attributes; they are its output, not our styling.
        'no-inline-style': 'off',
      },
    });
    const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readFile(join(dist, page), 'utf8'), page);
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('cites no paper with the day it joined the archive as its year or publication date', async () => {
    // The seed gives no paper a publication date (one of them is from 2020), so no citation may claim one.
    const bib = await readFile(join(dist, 'papers.bib'), 'utf8');
    expect(bib.match(/^@/gm)).toHaveLength(59);
    expect(bib).not.toMatch(/^\s*(?:year|month) =/m);
    for (const slug of await paperSlugs()) {
      const $ = load(await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      expect($('meta[name=citation_publication_date]'), slug).toHaveLength(0);
      expect($('meta[name=citation_online_date]').attr('content'), slug).toBe('2025/08/27');
      expect($('meta[property="article:published_time"]'), slug).toHaveLength(0);
    }
  });

  it('ends every listing snippet at a sentence end, or right after a word with "…"', async () => {
    const pages = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'));
    let snippets = 0;
    for (const page of pages) {
      const $ = load(await readFile(join(dist, page), 'utf8'));
      $('.paper-card-abstract').each((_, element) => {
        // A formula counts as a word: the ellipsis may follow it.
        const snippet = $(element).clone();
        snippet.find('.math-search-text').remove();
        snippet.find('.katex').replaceWith('F');
        const text = snippet.text().trim();
        snippets++;
        expect(text, page).not.toMatch(/[\s.,;:!?(\-–—]…$/);
        expect(text, page).toMatch(/(?:[.!?]|[\p{L}\p{N})]…)$/u);
      });
    }
    // Full cards, with snippets, are on the home and day pages: every paper's at least once, the newest day's twice.
    expect(snippets).toBeGreaterThan(100);
  });

  it("gives as a related paper's reason only phrases that both papers write, none a lone verb or a number's phrase", async () => {
    // Both papers' words as the reason compares them: lower case, hyphens as spaces, a plural made singular, a possessive's s dropped.
    const words = (text: string) =>
      ` ${text
        .toLowerCase()
        .replace(/['’]s\b/g, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .split(' ')
        .map((word) => word.replace(/(?<=\p{L}{2})ies$/u, 'y').replace(/(?<=\p{L}{3})s$/u, ''))
        .join(' ')} `;
    const textOf = async (href: string) => {
      const $ = load(await readFile(join(dist, href, 'index.html'), 'utf8'));
      return words(`${textWithTex($, 'h1')} ${textWithTex($, '#abstract-text')}`);
    };
    let reasons = 0;
    for (const slug of await paperSlugs()) {
      const $ = load(await readFile(join(dist, 'papers', slug, 'index.html'), 'utf8'));
      const own = await textOf(`papers/${slug}`);
      for (const item of $('.related-list li').toArray()) {
        const other = await textOf($(item).find('a').attr('href')!.replace(/^\//, ''));
        const reason = $(item).find('small').text();
        if (!reason) continue;
        expect(reason, slug).toMatch(/^In both: /);
        for (const phrase of reason.replace(/^In both: /, '').split(', ')) {
          reasons++;
          expect(own, `${slug}: "${phrase}"`).toContain(words(phrase));
          expect(other, `${slug}: "${phrase}" in the related paper`).toContain(words(phrase));
          expect(phrase, slug).not.toMatch(/^\d+ /);
          expect(phrase, slug).not.toMatch(/^[\p{L}]{3,}[^e]ed$/u);
        }
      }
    }
    expect(reasons).toBeGreaterThan(100);
  });

  it('speaks to readers: a footer without build details, and a subscribe page that says its address is a placeholder', async () => {
    const home = load(await readFile(join(dist, 'index.html'), 'utf8'));
    expect(home('.site-footer').text()).not.toMatch(/KaTeX|build time/);
    // The shipped site is built without SITE_URL, so its feeds point at papershelf.example.org: the page says what to set.
    const subscribe = load(await readFile(join(dist, 'subscribe', 'index.html'), 'utf8'));
    expect(subscribe('.site-address-note').text()).toContain('papershelf.example.org');
    expect(subscribe('.site-address-note').text()).toContain('SITE_URL');
  });

  it('names with aria-label only what may be named so (landmarks, controls, focusable boxes)', async () => {
    const namable = new Set([
      'nav',
      'section',
      'form',
      'header',
      'footer',
      'main',
      'aside',
      'article',
      'search',
      'a',
      'button',
      'input',
      'select',
      'textarea',
      'dialog',
      'table',
      'figure',
      'img',
    ]);
    const misused: string[] = [];
    for (const page of (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html'))) {
      const $ = load(await readFile(join(dist, page), 'utf8'));
      $('[aria-label]').each((_, element) => {
        const named = $(element);
        if (!namable.has(element.tagName) && named.attr('role') === undefined && named.attr('tabindex') === undefined)
          misused.push(`${page}: <${element.tagName} aria-label="${named.attr('aria-label')}">`);
      });
    }
    expect(misused).toEqual([]);
  });

  it('has no broken internal link or asset on any page', async () => {
    expect(await brokenLinks(dist, '/', 'https://papershelf.example.org')).toEqual([]);
  });
});
