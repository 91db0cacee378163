// Citations: LaTeX escaping, keys, BibTeX entries read back by a BibTeX parser, and Highwire tags.
import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import { buildArchive } from 'astro-papershelf/model';
import { firstSentence } from '../../plugins/papershelf/src/archive/first-sentence.ts';
import { baseCitationKey, bibtexEntry, citationKeys, highwireTags, latexTitle } from '../../plugins/papershelf/src/scholar/index.ts';
import type { PaperData } from '../../plugins/papershelf/src/content/paper-schema.ts';
import { paperData } from '../support/paper-data.ts';

const data = paperData;
const archiveOf = (...papers: [string, Partial<PaperData>, string?][]) =>
  buildArchive(
    papers.map(([id, fields, body]) => ({ id, filePath: `content/papers/${id}.md`, body: body ?? 'An abstract.', data: data(fields) })),
  );
const reread = (bibtex: string) => parse(bibtex, { sentenceCase: false, english: false });

describe('latexTitle', () => {
  it.each([
    ['Plain title', 'Plain title'],
    [
      '5% & 10_000 #1 {x} ~ ^ \\ < >',
      '5\\% \\& 10\\_000 \\#1 \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{} \\textgreater{}',
    ],
    ['Faster 5\\% with $O(n^2)$ and \\(\\mathbb{R}\\)', 'Faster 5\\% with $O(n^2)$ and $\\mathbb{R}$'],
    ['BERT and ViT meet LLMs: GPT-4 in KV-Cache', '{BERT} and {ViT} meet {LLMs:} {GPT-4} in {KV-Cache}'],
    ['</script><b>x</b>', '\\textless{}/script\\textgreater{}\\textless{}b\\textgreater{}x\\textless{}/b\\textgreater{}'],
  ])('%j → %j', (title, latex) => {
    expect(latexTitle(title)).toBe(latex);
  });
});

describe('citation keys', () => {
  it.each([
    [{ authors: ['Ashish Vaswani'], year: '2017', title: 'Attention Is All You Need' }, 'vaswani2017attention'],
    [{ authors: ['Łukasz Kaiser', 'X'], year: '2018', title: 'The Ünïcode of $O(n)$ Things' }, 'kaiser2018unicode'],
    [{ authors: ['Martin Luther King Jr.'], year: '1963', title: 'A Dream' }, 'king1963dream'],
    [{ authors: [], year: '2025', title: 'AGLA: Mitigating Hallucinations' }, 'agla2025'],
    [{ authors: ['李 明'], year: '2024', title: '注意力' }, 'paper2024'],
  ])('%j → %s', (paper, key) => {
    expect(baseCitationKey(paper)).toBe(key);
  });

  it('makes colliding keys unique, the earliest paper keeping the plain key, so later papers never change earlier keys', () => {
    const paper = (slug: string, date: string) => ({ slug, date, year: '2024', authors: ['Ada Smith'], title: 'Sparse attention' });
    const before = citationKeys([paper('b', '2025-01-02'), paper('a', '2025-01-01')]);
    expect([...before]).toEqual([
      ['a', 'smith2024sparse'],
      ['b', 'smith2024sparseb'],
    ]);
    const after = citationKeys([paper('c', '2025-02-01'), paper('b', '2025-01-02'), paper('a', '2025-01-01')]);
    expect(after.get('a')).toBe('smith2024sparse');
    expect(after.get('b')).toBe('smith2024sparseb');
    expect(after.get('c')).toBe('smith2024sparsec');
  });
});

describe('bibtexEntry', () => {
  it('cites an arXiv paper as arXiv does, and a parser reads back title, authors, year and eprint', () => {
    const archive = archiveOf([
      'p',
      {
        title: 'Sparse $k$-Attention & 5\\% {Gains}',
        authors: ['Ada Lovelace', 'Łukasz Kaiser'],
        published: '2024-06-02',
        arxiv: '2406.00001v2',
        category: 'cs.LG',
      },
    ]);
    const bibtex = bibtexEntry(archive.bySlug.get('p')!, { key: 'lovelace2024sparse' });
    expect(bibtex).toBe(
      [
        '@misc{lovelace2024sparse,',
        '  title = {Sparse $k$-Attention \\& 5\\% \\textbraceleft{}Gains\\textbraceright{}},',
        '  author = {Ada Lovelace and Łukasz Kaiser},',
        '  year = {2024},',
        '  month = jun,',
        '  eprint = {2406.00001v2},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/2406.00001v2}',
        '}',
        '',
      ].join('\n'),
    );
    const { entries, errors } = reread(bibtex);
    expect(errors).toEqual([]);
    expect(entries[0]!.fields.author).toEqual([
      { firstName: 'Ada', lastName: 'Lovelace' },
      { firstName: 'Łukasz', lastName: 'Kaiser' },
    ]);
    expect(entries[0]!.fields.eprint).toBe('2406.00001v2');
    expect(entries[0]!.fields.title).toContain('& 5% {Gains}');
  });

  it.each([
    ['NeurIPS 2024', 'inproceedings', 'booktitle'],
    ['Proceedings of the 62nd Annual Meeting', 'inproceedings', 'booktitle'],
    ['Nature Machine Intelligence', 'article', 'journal'],
  ])('cites a paper at %j as @%s with %s', (venue, type, field) => {
    const bibtex = bibtexEntry(archiveOf(['p', { venue, authors: ['A B'] }]).bySlug.get('p')!, { key: 'k' });
    const entry = reread(bibtex).entries[0]!;
    expect(entry.type).toBe(type);
    expect(entry.fields[field]).toBe(venue);
  });

  it('gives a paper without authors, ids, venue or date a valid entry with its page as url, and no year', () => {
    // The day a paper joined the archive (2025-08-27 here) says nothing of when it was published.
    const bibtex = bibtexEntry(archiveOf(['p', { title: 'Alone' }]).bySlug.get('p')!, {
      key: 'alone',
      pageUrl: 'https://example.org/papers/p/',
    });
    expect(bibtex).toBe('@misc{alone,\n  title = {Alone},\n  url = {https://example.org/papers/p/}\n}\n');
    expect(reread(bibtex).errors).toEqual([]);
  });

  it.each([
    ['2404.15574', '2024', '4'],
    ['1706.03762v7', '2017', '6'],
    ['math/0211159', '2002', '11'],
    ['hep-th/9901001v2', '1999', '1'],
  ])('dates a paper without `published` by its arXiv id %s: %s, %s', (arxiv, year, month) => {
    const paper = archiveOf(['p', { title: 'T', arxiv }]).bySlug.get('p')!;
    expect(reread(bibtexEntry(paper, { key: 'k' })).entries[0]!.fields).toMatchObject({ year, month });
    expect(highwireTags(paper)).toContainEqual(['citation_publication_date', `${year}/${paper.published!.slice(5)}`]);
  });

  it('keys a paper without a known year by name and word alone', () => {
    expect(archiveOf(['p', { title: 'Sparse Things', authors: ['Ada Smith'] }]).citationKeys.get('p')).toBe('smithsparse');
  });
});

describe('head metadata', () => {
  const archive = archiveOf([
    'p',
    {
      title: 'A </script><!-- & $x^2$',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2024-05-06',
      arxiv: '2405.00001',
      doi: '10.1/abc',
      venue: 'ICML 2024',
    },
    'First sentence with \\(x\\), e.g. this. Second sentence.',
  ]);
  const paper = archive.bySlug.get('p')!;

  it('gives Google Scholar its Highwire tags, one author a tag', () => {
    expect(highwireTags(paper)).toEqual([
      ['citation_title', 'A </script><!-- & x²'],
      ['citation_author', 'Ada Lovelace'],
      ['citation_author', 'Alan Turing'],
      ['citation_publication_date', '2024/05/06'],
      ['citation_online_date', '2025/08/27'],
      ['citation_journal_title', 'ICML 2024'],
      ['citation_pdf_url', 'https://arxiv.org/pdf/2405.00001'],
      ['citation_arxiv_id', '2405.00001'],
      ['citation_doi', '10.1/abc'],
    ]);
  });

  it('gives no publication date to a paper that has none, only the day it went online here', () => {
    const undated = archiveOf(['u', { title: 'Undated', date: '2025-08-27' }]).bySlug.get('u')!;
    expect(highwireTags(undated).filter(([name]) => name.includes('date'))).toEqual([['citation_online_date', '2025/08/27']]);
  });

  it('describes a paper by the first sentence of its abstract', () => {
    expect(paper.description).toBe('First sentence with x, e.g. this.');
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(firstSentence('Works at 5.5 GHz in Fig. 2 and vs. others! Then.')).toBe('Works at 5.5 GHz in Fig. 2 and vs. others!');
    expect(firstSentence(`${'word '.repeat(100)}end.`, 50)).toMatch(/^(word ){9}word…$/);
  });
});

describe('BibTeX that cannot be broken from outside', () => {
  it('keeps braces and commands in titles, URLs and DOIs from closing a field or running in LaTeX', () => {
    expect(latexTitle('A {lone brace and $\\input{/etc/passwd}$ and $\\left\\{x\\right.$')).toBe(
      'A \\textbraceleft{}lone brace and \\$\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}\\$ and \\$\\textbackslash{}left\\textbackslash{}\\textbraceleft{}x\\textbackslash{}right.\\$',
    );
    const archive = buildArchive([
      {
        id: 'p',
        filePath: 'p.md',
        body: 'x',
        data: { ...data({ title: 'T' }), url: 'https://e.org/},note={\\input{/etc/passwd}', doi: '10.1234/x},note={y' },
      },
    ]);
    const bibtex = bibtexEntry(archive.bySlug.get('p')!, { key: 'k' });
    const { entries, errors } = reread(bibtex);
    expect(errors).toEqual([]);
    expect(Object.keys(entries[0]!.fields).sort()).toEqual(['doi', 'title', 'url']);
    expect(bibtex).not.toContain('\\input');
  });
});
