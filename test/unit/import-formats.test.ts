// The arXiv and BibTeX readers on saved files, and format detection.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { arxivFeedPapers } from '../../plugins/papershelf/src/import/arxiv-feed.ts';
import { bibtexPapers } from '../../plugins/papershelf/src/import/bibtex-papers.ts';
import { detectFormat } from '../../plugins/papershelf/src/import/detect-format.ts';

const saved = (name: string) => readFile(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('detectFormat', () => {
  it.each([
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'arxiv'],
    ['<feed>', 'arxiv'],
    ['% my library\n@Article{key,', 'bibtex'],
    ['\uFEFF@inproceedings(key,', 'bibtex'],
    ['Daily Papers\n\nAug 27\n\nA title', 'daily'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('arxivFeedPapers', () => {
  it("reads every field, unwraps the feed's lines, and reports an entry without an id by its line", async () => {
    const { papers, problems } = arxivFeedPapers(await saved('arxiv-query.xml'), 'q.xml', '2025-09-01');
    expect(papers.map((p) => p.arxiv)).toEqual(['2006.04768v3', 'math/0211159v2', '2401.00002v1']);
    expect(papers[0]).toMatchObject({
      title: 'Linformer: Self-Attention with Linear Complexity in $O(n)$ Time & Space for <script> Lovers',
      authors: ['Sinong Wang', 'Belinda Z. Li', 'Madian Khabsa'],
      published: '2020-06-08',
      date: '2025-09-01',
      category: 'cs.LG',
      doi: '10.48550/arXiv.2006.04768',
      comment: '12 pages, 3 figures',
      pdf: 'https://arxiv.org/pdf/2006.04768v3',
      code: 'https://github.com/tatp22/linformer-pytorch',
      source: 'q.xml:10',
    });
    expect(papers[0]!.abstract).toMatch(
      /^Large transformer models .* uses \$O\(n\^2\)\$ time and space with respect to sequence length\. Costs 5\\% less/,
    );
    expect(papers[2]!.journalRef).toBe('Proc. ICML 2024, pp. 1--10');
    expect(problems).toEqual([
      {
        line: 40,
        message:
          'entry has no arXiv id in <id> (found `nothing`); skipped: fetch the record again from the arXiv API, whose entries name the paper as http://arxiv.org/abs/<id>',
      },
    ]);
  });

  it("reports the API's own error entries and XML that does not parse, with a line", () => {
    const error =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>';
    expect(arxivFeedPapers(error, 'e.xml', '2025-01-01').problems).toEqual([
      { line: 1, message: 'the arXiv API answered with an error: incorrect id format for 1234; check the ids that were asked for' },
    ]);
    expect(arxivFeedPapers('<feed>\n<entry>\n</feed>', 'b.xml', '2025-01-01').problems[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^not valid XML/),
    });
  });
});

describe('bibtexPapers', () => {
  it('decodes accents and protected capitals, turns names around, keeps formulas, and reports the broken entry by line', async () => {
    const { papers, problems } = bibtexPapers(await saved('library.bib'), 'l.bib', '2025-09-02');
    expect(papers).toHaveLength(2);
    expect(papers[0]).toMatchObject({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
      published: '2019-06-01',
      venue: 'Proceedings of NAACL-HLT',
      doi: '10.18653/v1/N19-1423',
      url: 'https://aclanthology.org/N19-1423',
      source: 'l.bib:2',
    });
    expect(papers[1]).toMatchObject({
      title: 'Über sparse attention in $O(n \\log n)$: café & Łódź – a 5% study',
      authors: ['Jörg Müller', 'Łukasz Kaiser', 'Google Brain Team'],
      published: '2023-03-01',
      arxiv: '2303.01234',
      category: 'cs.LG',
      abstract: 'We show sparse attention costs $O(n \\log n)$; code at https://github.com/a/sparse.',
      code: 'https://github.com/a/sparse',
    });
    expect(papers[1]!.title).toBe(papers[1]!.title.normalize('NFC'));
    expect(problems).toEqual([{ line: 12, message: expect.stringMatching(/^entry not read: Unterminated brace-value/) }]);
  });

  it('keeps a literal dollar as text', () => {
    expect(bibtexPapers('@misc{k, title = {Costs \\$5 and {GPUs}}}', 'x.bib', '2025-01-01').papers[0]!.title).toBe('Costs \\$5 and GPUs');
  });
});

describe('BibTeX names', () => {
  it('keeps particles and suffixes', () => {
    const { papers } = bibtexPapers(
      '@article{k, title = {T}, author = {van der Maaten, Laurens and King, Jr., Martin Luther and Ludwig van Beethoven}}',
      'n.bib',
      '2025-01-01',
    );
    expect(papers[0]!.authors).toEqual(['Laurens van der Maaten', 'Martin Luther King Jr.', 'Ludwig van Beethoven']);
  });
});
