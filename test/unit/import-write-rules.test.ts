// What an import may match and write: two works that share a title, files that cannot be read or are not
// papers, records that would fail `check`, `new`'s placeholder body, and a rank of another day.
import { describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePapers } from '../../plugins/papershelf/src/import/write-papers.ts';
import { bibtexPapers } from '../../plugins/papershelf/src/import/bibtex-papers.ts';
import { arxivFeedPapers } from '../../plugins/papershelf/src/import/arxiv-feed.ts';
import { dailyPapers } from '../../plugins/papershelf/src/import/daily-papers.ts';
import { paperFileBody } from '../../plugins/papershelf/src/import/paper-file.ts';
import { newPaperPlaceholder } from '../../plugins/papershelf/src/content/new-paper-placeholder.ts';
import { checkDateFlag } from '../../plugins/papershelf/src/cli/date-flag.ts';
import { runNew } from '../../plugins/papershelf/src/cli/new-command.ts';
import { brokenFormulasIn } from '../../plugins/papershelf/src/cli/written-formulas.ts';
import { readFrontmatter } from '../../plugins/papershelf/src/content/read-frontmatter.ts';
import { validateArchiveFolder } from '../../plugins/papershelf/src/content/validate-archive.ts';
import type { ImportedPaper } from '../../plugins/papershelf/src/import/imported-paper.ts';

const folder = () => mkdtemp(join(tmpdir(), 'papers-'));
const dataOf = async (dir: string, file: string) => readFrontmatter(await readFile(join(dir, file), 'utf8'))!.data;
/** What `papershelf check` says of the folder: the build's own validator over every file. */
const checkProblems = async (dir: string) => (await validateArchiveFolder(dir, '.', { vocabularyFile: 'tags.yml' })).problems;

const mixtral = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2401.04088v1</id>
    <published>2024-01-08T18:47:34Z</published>
    <title>Mixtral of Experts</title>
    <summary>We introduce Mixtral 8x7B, a Sparse Mixture of Experts language model.</summary>
    <author><name>Albert Q. Jiang</name></author>
  </entry>
</feed>
`;
const mixtralPapers = () => arxivFeedPapers(mixtral, 'query.xml', '2025-09-01').papers;

describe('two works that share a title', () => {
  const bib = `@article{lecun2015deep,
  title = {Deep learning},
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal = {Nature},
  year = {2015},
  doi = {10.1038/nature14539},
}
@book{goodfellow2016deep,
  title = {Deep Learning},
  author = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},
  publisher = {MIT Press},
  year = {2016},
  doi = {10.5555/3086952},
}
`;

  it('match the file by the record that names an id, whatever the order of the source', async () => {
    const dir = await folder();
    await writeFile(
      join(dir, 'titans.md'),
      '---\ntitle: "Titans: Learning to Memorize at Test Time"\ndate: 2025-08-27\narxiv: "2501.00663"\n---\nWe present a neural memory.\n',
    );
    const source = `@misc{other, title = {{TITANS}: learning to memorize at test-time!}, author = {Someone, Else}, year = {2023}}
@inproceedings{behrouz2025, title = {Titans: Learning to Memorize at Test Time}, author = {Behrouz, Ali and Zhong, Peilin},
  booktitle = {NeurIPS}, year = {2025}, doi = {10.48550/arXiv.2501.00663}}
`;
    const summary = await writePapers(bibtexPapers(source, 'lib.bib', '2025-09-01').papers, { dir, root: dir });
    // The record without ids, first in the file, took the paper's file and gave it its author; the real one became a copy.
    expect(await dataOf(dir, 'titans.md')).toMatchObject({ authors: ['Ali Behrouz', 'Peilin Zhong'], venue: 'NeurIPS' });
    expect(summary.enriched.map((e) => e.file)).toEqual(['titans.md']);
    // The other record has another first author: another work of the same title, written beside it.
    expect(summary.created).toEqual(['titans-learning-to-memorize-at-test-time.md']);
    expect(await dataOf(dir, 'titans-learning-to-memorize-at-test-time.md')).toMatchObject({ authors: ['Else Someone'] });
  });

  it('are two papers when their DOIs differ, each file with its own fields, and stay two with --force', async () => {
    const dir = await folder();
    const { papers } = bibtexPapers(bib, 'library.bib', '2025-09-01');
    const first = await writePapers(papers, { dir, root: dir });
    expect(first.created).toEqual(['deep-learning.md', 'deep-learning-2.md']);
    expect(first.exists).toEqual([]);
    const forced = await writePapers(papers, { dir, root: dir, force: true });
    expect(forced.unchanged).toEqual(['deep-learning.md', 'deep-learning-2.md']);
    expect(await dataOf(dir, 'deep-learning.md')).toMatchObject({
      doi: '10.1038/nature14539',
      venue: 'Nature',
      authors: papers[0]!.authors,
    });
    const book = await dataOf(dir, 'deep-learning-2.md');
    expect(book).toMatchObject({ doi: '10.5555/3086952', authors: papers[1]!.authors });
    expect(book).not.toHaveProperty('venue');
  });

  it('still match a file by title when the file names no DOI or arXiv id, and give it the ids', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'mine.md'), '---\ntitle: Deep Learning\ndate: 2025-01-01\n---\nMy notes.\n');
    const record: ImportedPaper = {
      title: 'Deep learning',
      abstract: '',
      date: '2025-09-01',
      doi: '10.1038/nature14539',
      arxiv: '1512.03385',
      source: 's:1',
    };
    const summary = await writePapers([record], { dir, root: dir });
    expect(summary.enriched).toEqual([{ file: 'mine.md', added: ['arxiv', 'doi'], updated: [], kept: ['title'] }]);
    expect(summary.created).toEqual([]);
  });

  it('are two papers when neither names an id or authors to tell them apart but their abstracts are of two works', async () => {
    const dir = await folder();
    const ours =
      'We study how memory modules let sequence models keep information at test time, and we propose a neural long-term memory that learns to memorize surprising tokens while attention serves as short-term memory across long contexts.';
    await writeFile(join(dir, 'titans.md'), `---\ntitle: 'Titans: Learning to Memorize at Test Time'\ndate: 2025-08-27\n---\n${ours}\n`);
    const record = (abstract: string, arxiv: string): ImportedPaper => ({
      title: 'Titans: Learning to Memorize at Test Time',
      abstract,
      date: '2025-09-01',
      arxiv,
      authors: ['Zhang Wei'],
      source: 's:1',
    });
    const other = record(
      'A survey of curriculum schedules for reinforcement learning agents in robotics, comparing twelve published benchmarks and proposing evaluation guidelines for reproducible results across simulated and physical environments.',
      '2410.11111',
    );
    const first = await writePapers([other], { dir, root: dir });
    expect(first.created).toEqual(['titans-learning-to-memorize-at-test-time.md']);
    expect(first.enriched).toEqual([]);
    // The same paper's abstract, revised: the file is its paper, and gains the id.
    const revised = record(`${ours} Code is released.`, '2501.00663');
    const second = await writePapers([revised], { dir, root: dir });
    expect(second.enriched.map((e) => e.file)).toEqual(['titans.md']);
  });

  it('are two papers when only one names a DOI but their first authors differ; one first author however written is one paper', async () => {
    const dir = await folder();
    const withoutBookDoi = bib.replace('  doi = {10.5555/3086952},\n', '');
    const first = await writePapers(bibtexPapers(withoutBookDoi, 'library.bib', '2025-09-01').papers, { dir, root: dir });
    expect(first.created).toEqual(['deep-learning.md', 'deep-learning-2.md']);
    expect(await dataOf(dir, 'deep-learning-2.md')).not.toHaveProperty('doi');
    // The article again, from a source that writes the first author another way: the same paper, nothing new.
    const again: ImportedPaper = {
      title: 'Deep Learning',
      abstract: '',
      date: '2025-09-02',
      authors: ['Y. LeCun', 'Y. Bengio'],
      source: 's:1',
    };
    const second = await writePapers([again], { dir, root: dir });
    expect(second.created).toEqual([]);
    expect([...second.unchanged, ...second.exists.map((e) => e.file)]).toContain('deep-learning.md');
  });
});

describe('one paper as two sources write it', () => {
  it('is one paper when a first author carries a suffix or a DBLP number, and the number is not shown', async () => {
    const dir = await folder();
    const plain = `@inproceedings{a, title = {Gradient Flows in Deep Networks}, author = {Martin King and Jane Doe}, year = {2024}}
@inproceedings{b, title = {Mixture of Sparse Heads for Long-Context Retrieval}, author = {Wei Li and Yang Liu}, year = {2026}}
`;
    const other = `@inproceedings{c, title = {Gradient Flows in Deep Networks}, author = {King, Jr., Martin and Doe, Jane}, year = {2024}}
@inproceedings{DBLP:conf/iclr/Li0026, title = {Mixture of Sparse Heads for Long-Context Retrieval}, author = {Wei Li 0001 and Yang Liu 0003 and et al.}, year = {2026}}
`;
    expect(bibtexPapers(other, 'dblp.bib', '2025-09-01').papers.map((p) => p.authors)).toEqual([
      ['Martin King Jr.', 'Jane Doe'],
      ['Wei Li', 'Yang Liu'],
    ]);
    const first = await writePapers(bibtexPapers(plain, 'a.bib', '2025-09-01').papers, { dir, root: dir });
    expect(first.created).toHaveLength(2);
    const second = await writePapers(bibtexPapers(other, 'dblp.bib', '2025-09-01').papers, { dir, root: dir });
    expect(second.created).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([...first.created].sort());
  });

  it("is one paper when a scraped page's title lost its formula's backslashes and arXiv's has them", async () => {
    const dir = await folder();
    const abstract = 'We route each query to a few key blocks. Attention then costs far less, at equal accuracy on long inputs.';
    const page = ['Sep 3', '', 'Sparse Attention in Oleft(n log nright) Time', '', abstract, ''].join('\n');
    const daily = dailyPapers(page, 'p.txt', '2025-09-03');
    if (!daily.ok) throw new Error(daily.message);
    const first = await writePapers(daily.papers, { dir, root: dir });
    expect(first.created).toHaveLength(1);
    const arxiv = mixtral
      .replace('Mixtral of Experts', 'Sparse Attention in $O\\left(n \\log n\\right)$ Time')
      .replace(/<summary>.*<\/summary>/, `<summary>${abstract}</summary>`);
    const second = await writePapers(arxivFeedPapers(arxiv, 'query.xml', '2025-09-03').papers, { dir, root: dir });
    expect(second.created).toEqual([]);
    expect(await readdir(dir)).toEqual(first.created);
    expect(await dataOf(dir, first.created[0]!)).toMatchObject({ arxiv: '2401.04088v1' });
  });
});

describe('files that matching cannot read', () => {
  const broken = '---\ntitle: Mixtral of Experts: my notes\ndate: 2024-02-01\narxiv: 2401.04088\n---\nMy notes.\n';

  it('are reported, and a record that may be their paper is not written as a new one; the others are', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'mixtral-notes.md'), broken);
    const other: ImportedPaper = { title: 'Another Paper', abstract: 'Text.', date: '2025-09-01', source: 'other.bib:3' };
    const summary = await writePapers([...mixtralPapers(), other], { dir, root: dir });
    const yamlError = readFrontmatter(broken)!.error!;
    expect(summary.problems).toEqual([
      `mixtral-notes.md:${yamlError.line}: cannot be matched against (its frontmatter is not valid YAML: ${yamlError.message}); fix it and import again`,
    ]);
    expect(summary.notWritten).toEqual([
      'query.xml:3: "Mixtral of Experts" not written: it may be the paper of mixtral-notes.md, which cannot be read; fix that file and import again',
    ]);
    expect(summary.created).toEqual(['another-paper.md']);
    expect((await readdir(dir)).sort()).toEqual(['another-paper.md', 'mixtral-notes.md']);
  });

  it('keep the name a record would take, even when nothing of theirs can be read', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'mixtral-of-experts.md'), '---\n[unclosed\n---\nx\n');
    await mkdir(join(dir, 'mixtral-of-experts-2.md'));
    const summary = await writePapers(mixtralPapers(), { dir, root: dir });
    expect(summary.problems.map((p) => p.replace(/ \(.*\)/, ''))).toEqual([
      'mixtral-of-experts-2.md: cannot be matched against; fix it and import again',
      'mixtral-of-experts.md:2: cannot be matched against; fix it and import again',
    ]);
    expect(summary.problems[0]).toContain('(it is a folder, not a paper file)');
    expect(summary.notWritten).toHaveLength(1);
    expect(summary.created).toEqual([]);
  });

  it('are not files whose name starts with _ or ., which are not papers: the record becomes one', async () => {
    const dir = await folder();
    const notes = '---\ntitle: Mixtral of Experts\ndate: 2024-02-01\narxiv: 2401.04088\n---\nUnpublished notes.\n';
    await writeFile(join(dir, '_mixtral.md'), notes);
    await mkdir(join(dir, '.drafts'));
    await writeFile(join(dir, '.drafts', 'mixtral.md'), notes);
    const summary = await writePapers(mixtralPapers(), { dir, root: dir });
    expect(summary.created).toEqual(['mixtral-of-experts.md']);
    expect(summary.enriched).toEqual([]);
    expect(await readFile(join(dir, '_mixtral.md'), 'utf8')).toBe(notes);
    expect(await checkProblems(dir)).toEqual([]);
  });
});

describe('records that would fail check', () => {
  it('--date must be a day of the calendar', () => {
    expect(() => checkDateFlag('2025-02-30')).toThrow(
      new Error('--date `2025-02-30` is not a real day (2025-02 has days 01 to 28); give a day of the calendar, like --date 2025-08-27'),
    );
    expect(() => checkDateFlag('2025-13-01')).toThrow('(there is no month 13)');
    expect(checkDateFlag('2024-02-29')).toBe('2024-02-29');
  });

  it('an impossible published day is left out and reported with the record, the field, the value and the fix', async () => {
    const dir = await folder();
    const bib = '@online{leap,\n  title = {A biblatex date that does not exist},\n  author = {Doe, Jane},\n  date = {2023-02-29},\n}\n';
    const { papers } = bibtexPapers(bib, 'dates.bib', '2025-09-01');
    expect(papers[0]!.published).toBe('2023-02-29');
    const summary = await writePapers(papers, { dir, root: dir });
    expect(summary.created).toEqual(['a-biblatex-date-that-does-not-exist.md']);
    expect(summary.problems).toEqual([
      'dates.bib:1: `published` `2023-02-29` is not a real date; write published as YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is known, e.g. `published: 2024-05-06`; left out of "A biblatex date that does not exist" (the rest of it is imported): fix the record and import again to add it',
    ]);
    expect(await dataOf(dir, 'a-biblatex-date-that-does-not-exist.md')).not.toHaveProperty('published');
    expect(await checkProblems(dir)).toEqual([]);
  });

  it('a BibTeX year alone is written as that year, and the file passes check', async () => {
    const dir = await folder();
    const { papers } = bibtexPapers('@article{v,\n  title = {Attention is all you need},\n  year = {2017}\n}\n', 'y.bib', '2025-09-01');
    const summary = await writePapers(papers, { dir, root: dir });
    expect(summary.problems).toEqual([]);
    expect(await dataOf(dir, 'attention-is-all-you-need.md')).toMatchObject({ published: '2017' });
    expect(await checkProblems(dir)).toEqual([]);
  });

  it('a record whose date is not a day is not written', async () => {
    const dir = await folder();
    const summary = await writePapers([{ title: 'Bad Day', abstract: '', date: '2025-02-30', source: 'x.json:4' }], { dir, root: dir });
    expect(summary.notWritten).toHaveLength(1);
    expect(summary.notWritten[0]).toMatch(
      /^x\.json:4: "Bad Day" not written: `date` `2025-02-30` is not a real day; .*; fix the record and import again$/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("arXiv's list of several DOIs gives the first", async () => {
    const feed = mixtral.replace(
      '</summary>',
      '</summary>\n    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1103/PhysRevLett.126.010501 10.1103/PhysRevA.103.012345</arxiv:doi>',
    );
    const [paper] = arxivFeedPapers(feed, 'query.xml', '2025-09-01').papers;
    expect(paper!.doi).toBe('10.1103/PhysRevLett.126.010501');
    const dir = await folder();
    await writePapers([paper!], { dir, root: dir });
    expect(await checkProblems(dir)).toEqual([]);
  });

  it('a paper titled like an archive page gets another address', async () => {
    const dir = await folder();
    const daily = dailyPapers(
      'Daily Papers\n\nSep 6, 2025\n\nNewest\n\nA paper whose title is one word. It is about recency bias.\n',
      'day.txt',
      undefined,
    );
    if (!daily.ok) throw new Error(daily.message);
    const summary = await writePapers([...daily.papers, { ...daily.papers[0]!, title: 'By Title', source: 'day.txt:9' }], {
      dir,
      root: dir,
    });
    expect(summary.created).toEqual(['newest-2.md', 'by-title-2.md']);
    expect(await checkProblems(dir)).toEqual([]);
  });
});

describe("a body that is empty or `new`'s placeholder", () => {
  it('takes the abstract; a body a person wrote does not', async () => {
    const dir = await folder();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await runNew(['Mixtral of Experts', '--papers', dir, '--date', '2025-01-01']);
    log.mockRestore();
    const started = await readFile(join(dir, 'mixtral-of-experts.md'), 'utf8');
    // The placeholder the import recognises is the one `new` writes.
    expect(started.endsWith(`\n---\n${newPaperPlaceholder}\n`)).toBe(true);
    await writeFile(join(dir, 'empty.md'), '---\ntitle: Empty Body\ndate: 2025-01-01\n---');
    await writeFile(join(dir, 'written.md'), '---\ntitle: Written Body\ndate: 2025-01-01\n---\nMy summary.\n');

    const [paper] = mixtralPapers();
    const records = [
      paper!,
      { ...paper!, title: 'Empty Body', arxiv: '2401.00001' },
      { ...paper!, title: 'Written Body', arxiv: '2401.00002' },
    ];
    const summary = await writePapers(records, { dir, root: dir });
    expect(summary.enriched.map((file) => [file.file, file.added.includes('abstract'), file.kept])).toEqual([
      ['mixtral-of-experts.md', true, []],
      ['empty.md', true, []],
      ['written.md', false, ['abstract']],
    ]);
    const body = paperFileBody(paper!);
    expect((await readFile(join(dir, 'mixtral-of-experts.md'), 'utf8')).endsWith(`\n---\n${body}`)).toBe(true);
    expect(await readFile(join(dir, 'empty.md'), 'utf8')).toMatch(new RegExp(`\\n---\\n${body.replace(/[.]/g, '\\.')}$`));
    expect((await readFile(join(dir, 'written.md'), 'utf8')).endsWith('\n---\nMy summary.\n')).toBe(true);
    expect(await checkProblems(dir)).toEqual([]);
  });
});

describe('rank', () => {
  it("is added only to a paper of the record's day", async () => {
    const dir = await folder();
    const title = 'Retrieval Head Mechanistically Explains Long-Context Factuality';
    await writeFile(join(dir, 'hand.md'), `---\ntitle: ${title}\ndate: 2025-08-20\narxiv: 2404.15574\n---\nAdded by hand on Aug 20.\n`);
    await writeFile(join(dir, 'same-day.md'), '---\ntitle: Some New Paper\ndate: 2025-09-05\n---\nWe do a new thing. It works well.\n');
    const page = `Daily Papers\n\nSep 5, 2025\n\nSome New Paper\n\nWe do a new thing. It works well.\n\n${title}\n\nDespite the recent progress in long-context language models, it remains elusive. We find heads.\n`;
    const daily = dailyPapers(page, 'day.txt', undefined);
    if (!daily.ok) throw new Error(daily.message);
    const summary = await writePapers(daily.papers, { dir, root: dir, force: true });
    expect(summary.enriched).toEqual([{ file: 'same-day.md', added: ['rank'], updated: [], kept: [] }]);
    expect(summary.exists).toEqual([{ file: 'hand.md', added: [], updated: [], kept: ['abstract'] }]);
    expect(await dataOf(dir, 'same-day.md')).toMatchObject({ rank: 1 });
    expect(await dataOf(dir, 'hand.md')).not.toHaveProperty('rank');
  });
});

describe('brokenFormulasIn', () => {
  it("says which formulas of the written files KaTeX cannot render, with the site's macros", async () => {
    const root = await mkdtemp(join(tmpdir(), 'formulas-'));
    await writeFile(join(root, 'broken.md'), '---\ntitle: Broken\ndate: 2025-01-01\n---\nBounded by \\(\\frac{a}{b\\) always.\n');
    // `\\Rd` is the site's own macro (KaTeX knows `\\R` itself): it renders only with the site's settings.
    await writeFile(join(root, 'macro.md'), '---\ntitle: With a macro\ndate: 2025-01-01\n---\nIn \\(\\Rd\\).\n');
    await writeFile(join(root, 'plain.md'), '---\ntitle: Plain\ndate: 2025-01-01\n---\nIn \\(x^2\\).\n');
    let asked = 0;
    const macros = async () => (asked++, { '\\Rd': '\\mathbb{R}^d' });
    expect(await brokenFormulasIn(['broken.md', 'macro.md'], root, macros)).toEqual([
      expect.stringMatching(
        /^broken\.md:5: formula `\\frac\{a\}\{b`: KaTeX parse error: .*; the paper is written: fix the formula in its file \(its page shows it as TeX until then\)$/,
      ),
    ]);
    expect(asked).toBe(1);
    // Files whose formulas all render never ask for the site's settings.
    expect(await brokenFormulasIn(['plain.md'], root, macros)).toEqual([]);
    expect(asked).toBe(1);
    // Files without a formula are passed over unread as Markdown; any opener, even one left unclosed, is read.
    await writeFile(join(root, 'none.md'), '---\ntitle: No formula\ndate: 2025-01-01\n---\nCosts 5 dollars.\n');
    await writeFile(join(root, 'dollar.md'), '---\ntitle: Dollar\ndate: 2025-01-01\n---\nSo $\\frac{a}{b$ holds.\n');
    await writeFile(join(root, 'title.md'), '---\ntitle: In \\(\\frac{a}{b\\)\ndate: 2025-01-01\n---\nPlain text.\n');
    await writeFile(join(root, 'unclosed.md'), '---\ntitle: Unclosed\ndate: 2025-01-01\n---\nFrom \\[ on, no end.\n');
    const found = await brokenFormulasIn(['none.md', 'dollar.md', 'title.md', 'unclosed.md'], root, macros);
    expect(found.map((problem) => problem.split(':')[0])).toEqual(['dollar.md', 'title.md', 'unclosed.md']);
  });
});
