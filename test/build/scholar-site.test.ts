// Citations and page metadata on a fixture built under a base path: every .bib parses, keys are unique, meta holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { parse } from '@retorquere/bibtex-parser';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

const tricky = 'Sparse </script> & 5\\% {Braces} with $O(n^2)$';

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture(
    'scholar-site',
    {
      'content/papers/tricky.md': paperFile(
        `title: "${tricky.replaceAll('\\', '\\\\')}"\nauthors: ["Ada Smith", "Łukasz Kaiser"]\ndate: 2025-03-02\npublished: 2024-11-05\narxiv: 2411.00001v2\ncategory: cs.LG\ntags: [attention]`,
        'We study sparse attention. It is fast.',
      ),
      'content/papers/twin-a.md': paperFile(
        'title: Sparse Routing\nauthors: ["Ada Smith"]\ndate: 2025-03-01\npublished: 2024-01-01\ntags: [attention]',
        'First twin.',
      ),
      'content/papers/twin-b.md': paperFile(
        'title: Sparse Models\nauthors: ["Adam Smith"]\ndate: 2025-03-02\npublished: 2024-02-02\nvenue: NeurIPS 2024',
        'Second twin.',
      ),
      'content/papers/nobody.md': paperFile('title: A Paper Without Authors\ndate: 2025-03-03', 'Anonymous work.'),
      // As BibTeX gives them: a year alone (a bare YAML number), a year and a month.
      'content/papers/year-only.md': paperFile(
        'title: Compilers of Old\nauthors: ["Grace Hopper"]\ndate: 2025-03-03\npublished: 1952',
        'A year.',
      ),
      'content/papers/month-only.md': paperFile(
        'title: Compilers Anew\nauthors: ["Grace Hopper"]\ndate: 2025-03-03\npublished: 1955-06',
        'A month.',
      ),
    },
    { integration: '{ freeTags: true, features: { paperFiles: true } }', args: ['--base', '/archive/'] },
  );
}, 240_000);

const reread = (text: string) => parse(text, { sentenceCase: false, english: false });

describe('citations', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
  });

  it('writes a .bib per paper that a BibTeX parser reads back: title, authors, year, eprint', async () => {
    const { entries, errors } = reread(await site.read('papers/tricky.bib'));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe('smith2024sparseb'); // twin-a joined the archive a day earlier and keeps the plain key
    expect(entry.fields.title).toMatch(/^Sparse <\/script> & 5% \{Braces\} with /);
    expect(entry.fields.author).toEqual([
      { firstName: 'Ada', lastName: 'Smith' },
      { firstName: 'Łukasz', lastName: 'Kaiser' },
    ]);
    expect([entry.fields.year, entry.fields.eprint, entry.fields.archiveprefix, entry.fields.primaryclass]).toEqual([
      '2024',
      '2411.00001v2',
      'arXiv',
      'cs.LG',
    ]);
  });

  it('gives colliding names unique keys and every paper an entry in /papers.bib and per tag', async () => {
    const all = reread(await site.read('papers.bib'));
    expect(all.errors).toEqual([]);
    const keys = all.entries.map((e) => e.key);
    expect(keys).toEqual([
      'hopper1952compilers',
      'hopper1955compilers',
      'paper',
      'smith2024sparse',
      'smith2024sparseb',
      'smith2024sparsec',
    ]);
    expect(all.entries.find((e) => e.key === 'paper')!.fields.author).toBeUndefined();
    expect(all.entries.find((e) => e.key === 'smith2024sparsec')!.type).toBe('inproceedings');
    const perPaper = await Promise.all(
      ['tricky', 'twin-a', 'twin-b', 'nobody'].map(async (slug) => reread(await site.read(`papers/${slug}.bib`)).entries[0]!.key),
    );
    expect(new Set(perPaper).size).toBe(4);
    const tag = reread(await site.read('tags/attention/papers.bib'));
    expect(tag.entries.map((e) => e.key)).toEqual(['smith2024sparse', 'smith2024sparseb']); // twin-a and tricky
  });

  it('shows the entry on the page with a download link under the base path', async () => {
    const $ = load(await site.read('papers/tricky/index.html'));
    expect($('.cite [data-bibtex]').text()).toBe(await site.read('papers/tricky.bib'));
    expect($('.cite a[download]').attr('href')).toBe('/archive/papers/tricky.bib');
    // "Copy BibTeX" works only with script, which makes it: the page carries none.
    expect($('.cite button')).toHaveLength(0);
  });
});

describe('metadata in <head>', () => {
  it('has Highwire tags for Google Scholar and Zotero', async () => {
    const $ = load(await site.read('papers/tricky/index.html'));
    const meta = (name: string) =>
      $(`meta[name="${name}"]`)
        .map((_, m) => $(m).attr('content'))
        .get();
    expect(meta('citation_title')).toEqual(['Sparse </script> & 5% {Braces} with O(n²)']);
    expect(meta('citation_author')).toEqual(['Ada Smith', 'Łukasz Kaiser']);
    expect(meta('citation_publication_date')).toEqual(['2024/11/05']);
    expect(meta('citation_online_date')).toEqual(['2025/03/02']);
    expect(meta('citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2411.00001v2']);
    expect(meta('citation_arxiv_id')).toEqual(['2411.00001v2']);
    // The abstract is in the page's body once, not again in <head>.
    expect(meta('citation_abstract')).toEqual([]);
  });

  it("has no JSON-LD: Highwire's tags carry its facts, with the title intact", async () => {
    const $ = load(await site.read('papers/tricky/index.html'));
    expect($('script[type="application/ld+json"]')).toHaveLength(0);
    expect($('meta[name=citation_title]').attr('content')).toBe('Sparse </script> & 5% {Braces} with O(n²)');
    expect(
      $('meta[name=citation_author]')
        .map((_, m) => $(m).attr('content'))
        .get(),
    ).toEqual(['Ada Smith', 'Łukasz Kaiser']);
  });

  it('has a canonical URL with the base path, Open Graph and Twitter cards, and a one-sentence description', async () => {
    const $ = load(await site.read('papers/tricky/index.html'));
    expect($('link[rel=canonical]').attr('href')).toBe('https://example.org/archive/papers/tricky/');
    expect($('meta[property="og:url"]').attr('content')).toBe('https://example.org/archive/papers/tricky/');
    expect($('meta[property="og:title"]').attr('content')).toBe('Sparse </script> & 5% {Braces} with O(n²)');
    expect($('meta[name=description]').attr('content')).toBe('We study sparse attention.');
    expect($('meta[property="og:description"]').attr('content')).toBe('We study sparse attention.');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    // The whole abstract appears once in the page; <head> carries its first sentence only.
    const html = await site.read('papers/tricky/index.html');
    expect(html.split('It is fast.').length - 1).toBe(1);
  });

  it('has every paper page carry its metadata', async () => {
    for (const slug of await readdir(join(site.root, 'dist', 'papers'))) {
      if (/\.(bib|json)$/.test(slug) || ['by-title', 'newest', 'index.html'].includes(slug)) continue;
      const $ = load(await site.read(`papers/${slug}/index.html`));
      expect($('meta[name=citation_title]').length, slug).toBe(1);
      expect($('meta[name=citation_online_date]').length, slug).toBe(1);
    }
  });
});

describe('a published date known only to the year or the month', () => {
  const facts = async (slug: string) => {
    const $ = load(await site.read(`papers/${slug}/index.html`));
    const published = $('.paper-facts dt:contains("Published") + dd time');
    const entry = reread(await site.read(`papers/${slug}.bib`)).entries[0]!;
    return {
      shown: [published.attr('datetime'), published.text()],
      highwire: $('meta[name="citation_publication_date"]').attr('content'),
      openGraph: $('meta[property="article:published_time"]').attr('content'),
      bibtex: [entry.fields.year, entry.fields.month],
    };
  };

  it('is shown, cited and described as precisely as it is known, never as the first of a month', async () => {
    expect(await facts('year-only')).toEqual({ shown: ['1952', '1952'], highwire: '1952', openGraph: '1952', bibtex: ['1952', undefined] });
    expect(await facts('month-only')).toEqual({
      shown: ['1955-06', 'June 1955'],
      highwire: '1955/06',
      openGraph: '1955-06',
      bibtex: ['1955', '6'],
    });
  });

  it("is written to the archive's JSON as it is known", async () => {
    const months = JSON.parse(await site.read('month/2025-03/papers.json')) as { papers: { slug: string; published?: string }[] };
    const published = Object.fromEntries(months.papers.map((p) => [p.slug, p.published]));
    expect([published['year-only'], published['month-only']]).toEqual(['1952', '1955-06']);
  });
});
