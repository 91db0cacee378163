// The daily-page importer: records, order, bad records, dates, exact text, idempotent writes.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { parseDailyPage } from '../../plugins/papershelf/src/import/daily-page.ts';
import { dailyPapers } from '../../plugins/papershelf/src/import/daily-papers.ts';
import { textToMarkdown } from '../../plugins/papershelf/src/import/text-to-markdown.ts';
import { findCodeUrl } from '../../plugins/papershelf/src/import/code-url.ts';
import { titleSlug } from '../../plugins/papershelf/src/import/title-slug.ts';
import { writePapers } from '../../plugins/papershelf/src/import/write-papers.ts';
import { formatSummary } from '../../plugins/papershelf/src/cli/import-summary.ts';
import { remarkTexMath } from '../../plugins/papershelf/src/markdown/index.ts';

const seedPath = new URL('../../content/sources/2025-08-27.txt', import.meta.url);
const seed = await readFile(seedPath, 'utf8');
const page = (...blocks: string[]) => ['Daily Papers', '', 'Sep 3', '', ...blocks.flatMap((b) => [b, ''])].join('\n');
const abstract = (n: number) =>
  `We study problem ${n}. It is hard to solve well. Our method solves it with a clear margin over the baselines we compare against.`;

describe('parseDailyPage', () => {
  it('reads the seed page: 59 records in page order, no problems', () => {
    const result = parseDailyPage(seed);
    expect(result.day).toEqual({ month: 8, day: 27, line: 11 });
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(59);
    expect(result.records[0]).toMatchObject({
      title: 'OAT: Object-Level Attention Transformer for Gaze Scanpath Prediction',
      line: 13,
      rank: 1,
    });
    expect(result.records.at(-1)?.title).toMatch(/^MEDUSA/);
    expect(result.records.map((r) => r.rank)).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
  });

  it.each(['Aug 27', 'Sep 3', 'August 27, 2025', 'sept. 3', 'December 1 2024'])('finds the date line %s', (line) => {
    expect(parseDailyPage(`header\n\n${line}\n\nA Title\n\n${abstract(1)}`).day).toBeDefined();
  });

  it('reports a title with no abstract and a stray paragraph with their lines, and keeps the good records', () => {
    const result = parseDailyPage(page('First Paper', abstract(1), 'Lonely Title', 'Second Paper', abstract(2), abstract(3)));
    expect(result.records.map((r) => r.title)).toEqual(['First Paper', 'Second Paper']);
    expect(result.problems).toEqual([
      { line: 9, message: 'a title with no abstract after it: "Lonely Title"' },
      { line: 15, message: `a paragraph with no title before it: "${abstract(3).slice(0, 57)}…"` },
    ]);
  });

  it('never pairs two titles silently, and keeps page order in rank when a record is reported', () => {
    const result = parseDailyPage(page('Paper One', 'Paper Two', 'Paper Three', abstract(3), 'Paper Four', abstract(4)));
    expect(result.records.map((r) => [r.title, r.rank])).toEqual([
      ['Paper One', 1],
      ['Paper Three', 2],
      ['Paper Four', 3],
    ]);
    expect(result.problems).toEqual([
      { line: 7, message: 'the abstract of "Paper One" reads like another title: "Paper Two"; if it is one, give each paper its abstract' },
    ]);
    const withGap = parseDailyPage(page('First Paper', abstract(1), 'Lonely Title', 'Second Paper', abstract(2)));
    expect(withGap.records.map((r) => r.rank)).toEqual([1, 3]);
  });

  it('reports a trailing title', () => {
    expect(parseDailyPage(page('First Paper', abstract(1), 'Last Title')).problems).toEqual([
      { line: 9, message: 'a title with no abstract after it: "Last Title"' },
    ]);
  });

  it('says when there is no date line', () => {
    expect(parseDailyPage('just some text\n\nmore').problems[0]?.message).toMatch(/no date line/);
    expect(parseDailyPage('just some text\n\nmore').problems[0]?.message).not.toContain('--date');
    // Given the day, it still says why the line is needed: it marks where the papers begin.
    expect(parseDailyPage('just some text\n\nmore', { month: 8, day: 27 }).problems[0]?.message).toContain(
      'which marks where its papers begin (--date says only which day it is)',
    );
  });
});

describe('dailyPapers', () => {
  it('needs --date when the page shows no year', () => {
    expect(dailyPapers(seed, 'seed.txt', undefined)).toEqual({
      ok: false,
      message: 'seed.txt:11: the page shows the day 08/27 but no year; say which day it is with --date YYYY-08-27',
    });
  });

  it('stops when --date disagrees with the page', () => {
    expect(dailyPapers(seed, 'seed.txt', '2025-08-28')).toEqual({
      ok: false,
      message: "seed.txt:11: --date 2025-08-28 does not match the page's date line (YYYY-08-27); give the page's own day",
    });
  });

  it('uses the year of a page that shows one', () => {
    const result = dailyPapers(page('A Paper', abstract(1)).replace('Sep 3', 'September 3, 2024'), 'p.txt', undefined);
    expect(result.ok && result.papers[0]?.date).toBe('2024-09-03');
  });

  it('takes code URLs from abstracts', () => {
    const result = dailyPapers(seed, 'seed.txt', '2025-08-27');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rat = result.papers.find((p) => p.title.startsWith('RAT:'));
    expect(rat?.code).toBe('https://github.com/CLAIRE-Labo/RAT');
    expect(rat?.rank).toBe(24);
  });
});

describe('dailyPapers on page furniture', () => {
  it('takes a line that is only a number (an upvote count) as neither title nor abstract', () => {
    const result = dailyPapers(
      page('First Paper Title', '12', abstract(1), 'Second Paper Title', '0\n' + abstract(2)),
      'p.txt',
      '2025-09-03',
    );
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.papers.map((p) => [p.title, p.abstract, p.rank])).toEqual([
      ['First Paper Title', abstract(1), 1],
      ['Second Paper Title', abstract(2), 2],
    ]);
  });

  it("writes no paper from a page's footer: Hugging Face's ends the list, and lines like it are reported with their line", () => {
    const footer = ['System theme', 'Company', 'TOS', 'Privacy', 'About', 'Jobs'];
    const result = dailyPapers(page('A Real Paper', 'We study a real problem. Our method works.', ...footer), 'p.txt', '2025-09-03');
    expect(result.ok && result.papers.map((p) => p.title)).toEqual(['A Real Paper']);
    expect(result.ok && result.problems).toEqual([]);
    const copyright = dailyPapers(
      page('A Real Paper', 'We study a real problem. Our method works.', '© 2025 Hugging Face', 'TOS'),
      'p.txt',
      '2025-09-03',
    );
    expect(copyright.ok && copyright.problems).toEqual([]);
    // Without the footer's first line, the lines are records that read like titles: skipped, and said.
    const other = dailyPapers(
      page('A Real Paper', 'We study a real problem. Our method works.', ...footer.slice(2)),
      'p.txt',
      '2025-09-03',
    );
    expect(other.ok && other.papers.map((p) => p.title)).toEqual(['A Real Paper']);
    expect(other.ok && other.problems).toEqual([
      {
        line: 9,
        message:
          'skipped, not written as a paper: the abstract of "TOS" reads like another title: "Privacy"; if it is one, give each paper its abstract',
      },
      {
        line: 13,
        message:
          'skipped, not written as a paper: the abstract of "About" reads like another title: "Jobs"; if it is one, give each paper its abstract',
      },
    ]);
  });

  it('finds every paper of a page copied without blank lines, its author lines however the names are written', () => {
    const long = (topic: string) =>
      `We study ${topic} at scale and find a simple recipe that works. It trains faster, uses less memory and matches larger models on every benchmark we tried, which we report in full with ablations of each part of the method.`;
    const short = (topic: string) =>
      `We show that ${topic} is simpler than it looks, and give a method that uses it on standard benchmarks.`;
    const compact = (abstractOf: (topic: string) => string) =>
      [
        'Daily Papers',
        'Oct 7, 2025',
        'Tiny Recursive Models Beat Large Language Models on ARC-AGI',
        'Alexia Jolicoeur-Martineau',
        '· 1 author',
        abstractOf('recursion'),
        'Paper2Video: Automatic Video Generation from Scientific Papers',
        'Zeyu Zhu, Kevin Qinghong Lin, Mike Zheng Shou',
        abstractOf('video generation'),
        'Less is More: Recursive Reasoning with Tiny Networks',
        'Jürgen Schmidhuber, Zoë Ångström',
        '· 2 authors',
        abstractOf('reasoning'),
        'Diffusion Models Are Secretly Energy-Based',
        '李明, 王芳, 張偉',
        '· 3 authors',
        abstractOf('diffusion'),
        'Heads All the Way Down',
        'DeepSeek-AI',
        '· 1 author',
        abstractOf('attention'),
        'Attention Sinks in Vision Transformers',
        'Yann LeCun',
        'upvote',
        '12',
        abstractOf('attention sinks'),
      ].join('\n');
    // Abstracts longer than a title's longest, and shorter: a paper and its names were merged into the one above.
    for (const abstractOf of [long, short]) {
      const { records, problems } = parseDailyPage(compact(abstractOf));
      expect(problems).toEqual([]);
      expect(records.map((r) => [r.title, r.abstract])).toEqual([
        ['Tiny Recursive Models Beat Large Language Models on ARC-AGI', abstractOf('recursion')],
        ['Paper2Video: Automatic Video Generation from Scientific Papers', abstractOf('video generation')],
        ['Less is More: Recursive Reasoning with Tiny Networks', abstractOf('reasoning')],
        ['Diffusion Models Are Secretly Energy-Based', abstractOf('diffusion')],
        ['Heads All the Way Down', abstractOf('attention')],
        ['Attention Sinks in Vision Transformers', abstractOf('attention sinks')],
      ]);
    }
    // With blank lines, the author lines were written as titles, and the papers' own titles reported as lost.
    const spaced = parseDailyPage(
      page(
        'Diffusion Models Are Secretly Energy-Based',
        '李明, 王芳, 張偉\n· 3 authors',
        abstract(1),
        'Retrieval Heads in Vision Models',
        'Wenhao Wu, Yizhong Wang, Guangxuan Xiao, et al.\n· 12 authors',
        abstract(2),
        'Heads All the Way Down',
        'DeepSeek-AI\n· 1 author',
        abstract(3),
        'Attention Sinks in Vision Transformers',
        'Yann LeCun\nupvote\n12',
        abstract(4),
      ),
    );
    expect(spaced.problems).toEqual([]);
    expect(spaced.records.map((r) => r.title)).toEqual([
      'Diffusion Models Are Secretly Energy-Based',
      'Retrieval Heads in Vision Models',
      'Heads All the Way Down',
      'Attention Sinks in Vision Transformers',
    ]);
  });

  it("skips the page's dates of a paper, keeps a labelled link in its abstract, and says when the day has no papers", () => {
    const { records, problems } = parseDailyPage(
      page(
        'K2-Think: A Parameter-Efficient Reasoning System',
        'Published on Sep 9',
        `${abstract(1)}\nProject page: k2think.ai`,
        'Parallel-R1: Towards Parallel Thinking via Reinforcement Learning',
        'Published on Sep 10\n·\nSubmitted by\ntaesiri\non Sep 11',
        abstract(2),
      ),
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.title, r.abstract])).toEqual([
      ['K2-Think: A Parameter-Efficient Reasoning System', `${abstract(1)} Project page: k2think.ai`],
      ['Parallel-R1: Towards Parallel Thinking via Reinforcement Learning', abstract(2)],
    ]);
    expect(parseDailyPage(page('No papers found for this date.', 'Company\n© Hugging Face'))).toEqual({
      day: { month: 9, day: 3, line: 3 },
      records: [],
      problems: [
        { line: 5, message: 'the page lists no papers for its day ("No papers found for this date."); there is nothing to import from it' },
      ],
    });
  });

  it("skips Hugging Face's lines around a paper: who submitted it, its author line and count, its summary", () => {
    const text = page(
      'Submitted by\nakhaliq',
      'First Paper Title',
      'Mahsa Bozorgi, Stuart Wood',
      '· 4 authors',
      'AI-generated summary\n\nA short machine summary of the paper.',
      'Abstract',
      abstract(1),
      'Submitted by akhaliq',
      '3 comments',
      'Second Paper Title',
      abstract(2),
      'Load more',
      'System theme\nCompany\nTOS\nPrivacy',
    );
    const result = dailyPapers(text, 'p.txt', '2025-09-03');
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.papers.map((p) => [p.title, p.abstract, p.rank])).toEqual([
      ['First Paper Title', abstract(1), 1],
      ['Second Paper Title', abstract(2), 2],
    ]);
  });

  it('skips an author line above a short abstract, whether its count is on its line, under it, or alone', () => {
    const short = (n: number) =>
      `We replace method ${n} with a sparse mixture that runs in $O(n)$ time. It matches full attention at 128k tokens.`;
    const text = page(
      'Submitted by\nakhaliq',
      '57',
      'Sparse Mixture of Linear Experts for Long-Context Reasoning',
      'Alice Zhang, Bo Chen',
      '· 6 authors',
      short(1),
      'Costs $5 and $10: Pricing Vision-Language Model Inference',
      'Bob Li\n·\n3 authors',
      short(2),
      'KV-Cache Compression via Learned Token Eviction',
      '· 4 authors',
      short(3),
      'Deep Residual Learning',
      'Kaiming He ·',
      '2 authors',
      short(4),
    );
    const result = parseDailyPage(text);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.title, r.abstract])).toEqual([
      ['Sparse Mixture of Linear Experts for Long-Context Reasoning', short(1)],
      ['Costs $5 and $10: Pricing Vision-Language Model Inference', short(2)],
      ['KV-Cache Compression via Learned Token Eviction', short(3)],
      ['Deep Residual Learning', short(4)],
    ]);
  });

  it("reads a page copied a line an element: a title before the page's author count, upvotes or submitter, and author lines", () => {
    const long = (n: number) => `${abstract(n)} ${abstract(n)} ${abstract(n)}`;
    for (const between of ['· 6 authors', '42', 'Submitted by akhaliq']) {
      const result = parseDailyPage(['Sep 3', 'Paper One on Caches', long(1), 'Paper Two on Retrieval', between, long(2)].join('\n'));
      expect(result.problems).toEqual([]);
      expect(result.records.map((r) => [r.title, r.abstract])).toEqual([
        ['Paper One on Caches', long(1)],
        ['Paper Two on Retrieval', long(2)],
      ]);
    }
    const copied = [
      'Sep 3',
      'Submitted by',
      'akhaliq',
      '57',
      'Paper One on Caches',
      'Alice Zhang, Bob Li',
      '· 6 authors',
      long(1),
      'Submitted by',
      'taesiri',
      '12',
      'Paper Two on Retrieval',
      'Carol Wang',
      '· 3 authors',
      long(2),
    ];
    const result = parseDailyPage(copied.join('\n'));
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.title, r.abstract, r.rank])).toEqual([
      ['Paper One on Caches', long(1), 1],
      ['Paper Two on Retrieval', long(2), 2],
    ]);
    // Without the submitter and upvote lines between the cards.
    const bare = parseDailyPage(copied.filter((line) => !/^(?:Submitted by|akhaliq|taesiri|57|12)$/.test(line)).join('\n'));
    expect(bare.problems).toEqual([]);
    expect(bare.records.map((r) => [r.title, r.abstract])).toEqual([
      ['Paper One on Caches', long(1)],
      ['Paper Two on Retrieval', long(2)],
    ]);
  });

  it('keeps a one-word title after "Submitted by", a wrapped title above an author count, and a title ending in a full stop', () => {
    const long = `${abstract(1)} ${abstract(1)} ${abstract(1)}`;
    const magistral = parseDailyPage(
      ['Sep 3', '', 'Submitted by', '', 'Magistral', '', long, '', 'Second Paper Title', '', abstract(2)].join('\n'),
    );
    expect(magistral.problems).toEqual([]);
    expect(magistral.records.map((r) => r.title)).toEqual(['Magistral', 'Second Paper Title']);
    const wrapped = parseDailyPage(
      ['Sep 3', 'Scaling Laws for Mixture-of-Experts', 'Beyond Chinchilla Optimal', '· 6 authors', long].join('\n'),
    );
    expect(wrapped.records.map((r) => r.title)).toEqual(['Scaling Laws for Mixture-of-Experts Beyond Chinchilla Optimal']);
    const stop = parseDailyPage(page('First Paper Title', abstract(1), 'Less Is More.', 'Third Paper Title', abstract(3)));
    expect(stop.records.map((r) => [r.title, r.abstract])).toEqual([
      ['First Paper Title', abstract(1)],
      ['Third Paper Title', abstract(3)],
    ]);
    expect(stop.problems.map((p) => p.message)).toEqual(['a title with no abstract after it: "Less Is More."']);
  });

  it("skips names joined by a middle dot, a repository's star count, and a submitter's name after a blank line", () => {
    const text = page(
      'Submitted by\n\nakhaliq',
      '57',
      'GitHub\n\n1.2k',
      'SpecDec: Speculative Decoding with k-Step Lookahead',
      'Dmitri Ivanov · Sara Ahmed',
      '· 2 authors',
      abstract(1),
      'Submitted by\n\ntaesiri',
      'GitHub',
      '873',
      'Second Paper About Retrieval Heads',
      abstract(2),
    );
    const result = parseDailyPage(text);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.title, r.abstract, r.rank])).toEqual([
      ['SpecDec: Speculative Decoding with k-Step Lookahead', abstract(1), 1],
      ['Second Paper About Retrieval Heads', abstract(2), 2],
    ]);
  });

  it('keeps a short closing paragraph of one sentence with the abstract before it', () => {
    for (const closing of ['We will release our code and models upon publication.', 'We release code.']) {
      const result = parseDailyPage(page('First Paper Title', abstract(1), closing, 'Second Paper Title', abstract(2), closing));
      expect(result.problems).toEqual([]);
      expect(result.records.map((r) => [r.title, r.abstract])).toEqual([
        ['First Paper Title', `${abstract(1)}\n\n${closing}`],
        ['Second Paper Title', `${abstract(2)}\n\n${closing}`],
      ]);
    }
  });

  it('reads a title with its abstract on the next line, without blank lines between papers', () => {
    const long = (n: number) => `${abstract(n)} ${abstract(n)} ${abstract(n)}`;
    const result = dailyPapers(['Sep 3', 'First Paper Title', long(1), 'Second Paper Title', long(2)].join('\n'), 'p.txt', '2025-09-03');
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['First Paper Title', long(1)],
      ['Second Paper Title', long(2)],
    ]);
  });

  it('reads a short abstract on the line under its title as the abstract, never as the rest of the title', () => {
    const short = 'Long-context models are expensive. We route each query to a few key blocks, cutting attention cost by 4x.';
    const long = `${abstract(2)} ${abstract(2)} ${abstract(2)}`;
    const result = dailyPapers(
      ['Sep 3', '', 'Sparse Routing for Long Context', short, '', 'Dense Baselines Revisited', long, 'Third Paper Title', abstract(3)].join(
        '\n',
      ),
      'p.txt',
      '2025-09-03',
    );
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['Sparse Routing for Long Context', short],
      ['Dense Baselines Revisited', long],
      ['Third Paper Title', abstract(3)],
    ]);
    // A title wrapped over two lines stays one title; a line cut after a small word is no title of its own.
    const wrapped = parseDailyPage(['Sep 3', '', 'Sparse Routing for', 'Long Context', short].join('\n'));
    expect(wrapped.records.map((r) => [r.title, r.abstract])).toEqual([['Sparse Routing for Long Context', short]]);
  });

  it('reports a title whose abstract is missing and keeps the paper after it, whose abstract is short', () => {
    const short = 'Tokenizers fail on rare scripts. We learn subwords that keep their letters whole.';
    const result = parseDailyPage(page('A Paper Whose Abstract Is Missing', 'Second Paper Title', short, 'Third Paper Title', abstract(3)));
    expect(result.records.map((r) => [r.title, r.abstract, r.rank])).toEqual([
      ['Second Paper Title', short, 2],
      ['Third Paper Title', abstract(3), 3],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual(['a title with no abstract after it: "A Paper Whose Abstract Is Missing"']);
  });

  it("keeps an abstract's second paragraph, and never adds a paper that lost its title to the one before", () => {
    const long = `${abstract(9)} ${abstract(9)} ${abstract(9)}`;
    const result = dailyPapers(
      page('First Paper Title', abstract(1), long, 'Code is at https://github.com/example/first.', 'A. B. C. Not a title', abstract(2)),
      'p.txt',
      '2025-09-03',
    );
    expect(result.ok && result.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['First Paper Title', `${abstract(1)}\n\n${long}\n\nCode is at https://github.com/example/first.`],
    ]);
    expect(result.ok && result.problems.map((p) => p.message)).toEqual([
      'a paragraph with no title before it: "A. B. C. Not a title"',
      `a paragraph with no title before it: "${abstract(2).slice(0, 57)}…"`,
    ]);
  });

  it('keeps an abstract that opens with a one-sentence paragraph, and never makes that sentence a title', () => {
    const opening = 'Large language models are increasingly deployed as autonomous agents.';
    const rest = `${abstract(5)} ${abstract(6)} ${abstract(7)}`;
    const middle = 'Yet how they plan over long horizons, and why they fail to, is still poorly understood by anyone.';
    const result = parseDailyPage(
      page(
        'Agents That Plan',
        opening,
        rest,
        'Short Abstract Paper',
        'We propose a simple method for ranking.',
        'Third Paper',
        opening,
        middle,
        rest,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.title, r.abstract, r.rank])).toEqual([
      ['Agents That Plan', `${opening}\n\n${rest}`, 1],
      ['Short Abstract Paper', 'We propose a simple method for ranking.', 2],
      ['Third Paper', `${opening}\n\n${middle}\n\n${rest}`, 3],
    ]);
  });

  it('skips a title whose abstract is missing when the next title would take its place', () => {
    const result = dailyPapers(
      page('First Paper Title', 'Do LLMs Dream of Electric Sheep?', 'Third Paper Title', abstract(3)),
      'p.txt',
      '2025-09-03',
    );
    expect(result.ok && result.papers.map((p) => p.title)).toEqual(['Third Paper Title']);
    expect(result.ok && result.problems.map((p) => p.message)).toEqual([
      'skipped, not written as a paper: the abstract of "First Paper Title" reads like another title: "Do LLMs Dream of Electric Sheep?"; if it is one, give each paper its abstract',
    ]);
  });

  it("takes the day of --date among the page's links to other days, and stops at a second day's papers", () => {
    const text = [
      'Previous',
      'Sep 2',
      '',
      'Sep 3',
      '',
      'Next',
      'Sep 4',
      '',
      'First Paper Title',
      '',
      abstract(1),
      '',
      'Sep 2',
      '',
      'Old Paper',
      '',
      abstract(2),
    ].join('\n');
    const result = dailyPapers(text, 'p.txt', '2025-09-03');
    expect(result.ok && result.papers.map((p) => [p.title, p.date])).toEqual([['First Paper Title', '2025-09-03']]);
    expect(result.ok && result.problems).toEqual([
      {
        line: 13,
        message: `the page goes on with another day ("Sep 2"); its papers are not imported from this page: import them from that day's own page`,
      },
    ]);
  });

  it("takes the day that shows its year among the page's links to other days, and asks which day when none does", () => {
    const links = ['Daily Papers', '', 'Sep 2', '', 'Sep 4', '', 'Wednesday, September 3, 2025', '', 'A Paper Title', '', abstract(1)];
    const result = dailyPapers(links.join('\n'), 'p.txt', undefined);
    expect(result.ok && result.papers.map((p) => [p.title, p.date])).toEqual([['A Paper Title', '2025-09-03']]);
    const unknown = parseDailyPage(['Sep 2', 'Next', 'Sep 4', '', 'Sep 3', '', 'A Paper Title', '', abstract(1)].join('\n'));
    expect(unknown.problems).toEqual([
      {
        line: 1,
        message:
          'the page names 3 days before its papers (Sep 2, Sep 4, Sep 3), so which is its own is unknown; say it with --date YYYY-MM-DD',
      },
    ]);
    expect(
      parseDailyPage(['Sep 2', 'Next', 'Sep 4', '', 'Sep 3', '', 'A Paper Title', '', abstract(1)].join('\n'), { month: 9, day: 3 })
        .records,
    ).toHaveLength(1);
  });

  it.each(['Wednesday, September 3, 2025', '3 Sep 2025', '2025-09-03', 'Sep 3rd'])('reads the date line %s', (line) => {
    const result = dailyPapers(`${line}\n\nA Paper Title\n\n${abstract(1)}`, 'p.txt', '2025-09-03');
    expect(result.ok && result.papers.map((p) => p.date)).toEqual(['2025-09-03']);
  });

  it('says what is wrong with an empty file, a saved web page, and a page with no papers', () => {
    expect(dailyPapers(' \n\n', 'p.txt', '2025-09-03')).toEqual({ ok: false, message: 'p.txt:1: the file is empty' });
    expect(dailyPapers('<!DOCTYPE html><html><body>Sep 3</body></html>', 'p.html', '2025-09-03')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^p\.html:1: this is the page's HTML, not its text; save the page as text/),
    });
    expect(dailyPapers('Daily Papers\n\nSep 3\n', 'p.txt', '2025-09-03')).toEqual({
      ok: true,
      papers: [],
      problems: [
        {
          line: 3,
          message: 'no paper after the date line: a daily page lists each paper as a title line, then its abstract as a paragraph',
        },
      ],
    });
  });

  it('still writes all 59 papers of the seed page, and skips nothing there', () => {
    const result = dailyPapers(seed, 'seed.txt', '2025-08-27');
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.papers.map((p) => p.rank)).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
  });
});

describe('findCodeUrl', () => {
  it.each([
    ['Code: github.com/a/b.', 'https://github.com/a/b'],
    ['at https://github.com/Dexter-GT-86/SinkLoRA.', 'https://github.com/Dexter-GT-86/SinkLoRA'],
    ['(see https://gitlab.com/x/y.git)', 'https://gitlab.com/x/y'],
    ['no code here', undefined],
    ['Our data is at https://huggingface.co/datasets/thingsorg/things-1m.', undefined],
    ['See https://huggingface.co/papers/2508.12345 and https://huggingface.co/collections/a/b', undefined],
    ['Demo: https://huggingface.co/spaces/acme/demo.', 'https://huggingface.co/spaces/acme/demo'],
    ['Weights: https://huggingface.co/acme/model-7b.', 'https://huggingface.co/acme/model-7b'],
    ['We build on https://github.com/huggingface/transformers.', undefined],
    ['Our method, built upon https://github.com/a/base, is at https://github.com/us/ours.', 'https://github.com/us/ours'],
    ['Code is available via https://github.com/us/ours.', 'https://github.com/us/ours'],
    ['An implementation based on JAX is at https://github.com/us/ours.', 'https://github.com/us/ours'],
    ['We extend SAM to video (https://github.com/us/sam-video).', 'https://github.com/us/sam-video'],
    ['Our model is based on the https://github.com/a/base code.', undefined],
  ])('%s', (text, url) => expect(findCodeUrl(text)).toBe(url));
});

describe('textToMarkdown keeps text exactly', () => {
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkTexMath);
  const textOf = (markdown: string) => {
    const tree = parser.runSync(parser.parse(markdown));
    const parts: string[] = [];
    const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'inlineMath') parts.push(`[${node.value}]`);
      else if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value ?? '');
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree as never);
    return parts.join('');
  };

  it.each([
    'plain text stays',
    '<script>alert(1)</script> and <y> and 3 < 5 and {x}',
    '`code` *stars* _under_ [link](x) ![img](y) ~strike~ ~~twice~~ | pipe',
    '# not a heading',
    '- not a list',
    '1. not a list either',
    '> not a quote',
    'a &amp; b and &#169; stay as written',
    'backslashes \\rat and \\\\ and C:\\path',
    'costs $5 and $10',
    'H_2O and a__b__c',
    'Code: https://github.com/nightdessert/Retrieval_Head. And ~user at https://x.org/a_b?c=1&d_e=2, fine',
  ])('%s', (text) => {
    expect(textOf(textToMarkdown(text))).toBe(text);
    expect(toString(parser.parse(textToMarkdown(text)))).toBe(text);
  });

  it("keeps an abstract's paragraphs, and reads a single line break as a space", () => {
    const markdown = textToMarkdown('First paragraph,\nwrapped.\n\n# Not a heading but a second paragraph with $x^2$.\n \n\nThird.');
    expect(markdown).toBe('First paragraph, wrapped.\n\n\\# Not a heading but a second paragraph with $x^2$.\n\nThird.');
    const tree = parser.parse(markdown);
    expect(tree.children.map((node) => [node.type, toString(node)])).toEqual([
      ['paragraph', 'First paragraph, wrapped.'],
      ['paragraph', '# Not a heading but a second paragraph with x^2.'],
      ['paragraph', 'Third.'],
    ]);
  });

  it('reads dollar signs before a formula as prices when the formula would hold them', () => {
    const markdown = textToMarkdown('It costs $5 and $10 a query of $p = c_{\\text{img}} + n$ tokens, and $2 \\times 10^3$ more.');
    expect(markdown).toBe('It costs \\$5 and \\$10 a query of $p = c_{\\text{img}} + n$ tokens, and $2 \\times 10^3$ more.');
    expect(textOf(markdown)).toBe('It costs $5 and $10 a query of [p = c_{\\text{img}} + n] tokens, and [2 \\times 10^3] more.');
  });

  it("keeps a web address's closing parenthesis in its link", () => {
    expect(textToMarkdown('See https://en.wikipedia.org/wiki/Attention_(machine_learning). And (https://example.org/a).')).toBe(
      'See <https://en.wikipedia.org/wiki/Attention_(machine_learning)>. And (<https://example.org/a>).',
    );
  });

  it('keeps formulas as formulas and reads \\% as %', () => {
    expect(textOf(textToMarkdown('a \\(7\\times\\) speedup of 5\\% with $x_1$ and S\\(^2\\)-Attn'))).toBe(
      'a [7\\times] speedup of 5% with [x_1] and S[^2]-Attn',
    );
  });
});

describe('titleSlug', () => {
  it.each([
    ['OAT: Object-Level Attention Transformer for Gaze Scanpath Prediction', 'oat-object-level-attention-transformer-for-gaze-scanpath'],
    ['Łukasz’s Über Café', 'lukasz-s-uber-cafe'],
    ['注意力', 'paper'],
    ['LongLoRA S\\(^2\\)-Attn', 'longlora-s-2-attn'],
    ['Attention in $\\mathcal{O}(n \\log n)$ Time', 'attention-in-o-n-log-n-time'],
    ['The $\\alpha$-Divergence on $\\mathbb{R}^d$ for $\\vec{v}$', 'the-alpha-divergence-on-r-d-for-v'],
    ['An \\emph{Honest} Title', 'an-honest-title'],
  ])('%s', (title, slug) => {
    expect(titleSlug(title)).toBe(slug);
    expect(titleSlug(title).length).toBeLessThanOrEqual(70);
  });
});

describe('writePapers never loses a paper', () => {
  const base = { abstract: 'An abstract.', date: '2025-08-27', source: 'test' };

  it('creates, then reports unchanged, and never overwrites an edited body, not even with force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papers-'));
    const papers = [
      { ...base, title: 'Same Title', source: 'p.txt:1' },
      { ...base, title: 'Same  title!', abstract: 'Different.', source: 'p.txt:5', code: 'https://github.com/example/same' },
      { ...base, title: 'Other', source: 'p.txt:9' },
    ];
    const first = await writePapers(papers, { dir, root: dir });
    expect(first.created).toEqual(['same-title.md', 'other.md']);
    // The second record is the first's paper again (its title differs only in case and punctuation): imported once.
    expect(first.exists).toEqual([]);
    expect(first.repeated).toEqual(['p.txt:5: the same paper as line 1 (same-title.md), imported once; added code']);
    expect(formatSummary(first, { errors: 0, dryRun: false })).toContain(
      'repeated (listed again in this import; the first listing is imported): 1\n  p.txt:5: the same paper as line 1',
    );
    expect(await readFile(join(dir, 'same-title.md'), 'utf8')).toContain('An abstract.');

    const second = await writePapers(papers.slice(0, 1), { dir, root: dir });
    expect(second).toEqual({
      created: [],
      unchanged: ['same-title.md'],
      enriched: [],
      exists: [],
      repeated: [],
      notWritten: [],
      problems: [],
      removedTemporary: [],
    });

    await writeFile(join(dir, 'same-title.md'), (await readFile(join(dir, 'same-title.md'), 'utf8')) + '\nMy notes.\n');
    const third = await writePapers(papers.slice(0, 1), { dir, root: dir });
    expect(third.exists.map((m) => m.file)).toEqual(['same-title.md']);
    expect(await readFile(join(dir, 'same-title.md'), 'utf8')).toContain('My notes.');

    // --force takes the fields a source gives; the body (abstract and notes) is never the import's to replace.
    const forced = await writePapers(papers.slice(0, 1), { dir, root: dir, force: true });
    expect(forced.exists).toEqual([{ file: 'same-title.md', added: [], updated: [], kept: ['abstract'] }]);
    expect(await readFile(join(dir, 'same-title.md'), 'utf8')).toContain('My notes.');
    expect((await readdir(dir)).sort()).toEqual(['other.md', 'same-title.md']);
  });

  it('gives a new paper with a taken file name the next free name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papers-'));
    await writeFile(join(dir, 'attention.md'), '---\ntitle: Something else\ndate: 2025-01-01\n---\nx\n');
    const summary = await writePapers([{ ...base, title: 'Attention' }], { dir, root: dir });
    expect(summary.created).toEqual(['attention-2.md']);
  });

  it('writes nothing on a dry run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papers-'));
    const summary = await writePapers([{ ...base, title: 'Dry' }], { dir, root: dir, dryRun: true });
    expect(summary.created).toEqual(['dry.md']);
    expect(await readdir(dir)).toEqual([]);
  });
});
