// Hugging Face's daily list: the reader on a saved answer, its errors, keywords as tags, withdrawn papers, day ranges.
// The fixture is the API's shape for 2025-08-27: five papers of the shipped archive and two made up for the test
// (2508.19205, 2508.18733), one of them withdrawn.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { hfDailyPapers } from '../../plugins/papershelf/src/import/hf-daily-papers.ts';
import { jsonListItemLines } from '../../plugins/papershelf/src/import/json-list-lines.ts';
import { detectFormat } from '../../plugins/papershelf/src/import/detect-format.ts';
import { keywordTags, tagByKeywords } from '../../plugins/papershelf/src/import/keyword-tags.ts';
import { applyWithdrawnPolicy, withdrawnPolicy } from '../../plugins/papershelf/src/import/withdrawn-papers.ts';
import { dayRange } from '../../plugins/papershelf/src/import/day-range.ts';
import { parseVocabulary } from '../../plugins/papershelf/src/taxonomy/parse-vocabulary.ts';
import { compileVocabulary } from '../../plugins/papershelf/src/taxonomy/compile-vocabulary.ts';

const fixture = await readFile(new URL('../fixtures/import/hf-daily-2025-08-27.json', import.meta.url), 'utf8');
const vocabulary = compileVocabulary(
  parseVocabulary(await readFile(new URL('../../content/tags.yml', import.meta.url), 'utf8'), 'content/tags.yml'),
  'content/tags.yml',
);
const item = (paper: Record<string, unknown>) => ({ paper: { id: '2508.00001', title: 'A Paper', summary: 'Text.', ...paper } });
const read = (items: unknown, day: string | undefined) => hfDailyPapers(JSON.stringify(items, null, 2), 'hf.json', day);

describe('hfDailyPapers', () => {
  it('keeps the paragraphs of a summary, and unwraps each', () => {
    const list = JSON.stringify([
      {
        paper: {
          id: '2508.00001',
          title: 'T',
          summary: 'First para\nwrapped.\n\nSecond para.',
          authors: [],
          submittedOnDailyAt: '2025-08-27T00:00:00Z',
        },
      },
    ]);
    expect(hfDailyPapers(list, 'h.json', undefined).papers.map((p) => p.abstract)).toEqual(['First para wrapped.\n\nSecond para.']);
  });

  it('reads every field of the saved list, in order, and reports nothing', () => {
    const { papers, problems } = hfDailyPapers(fixture, 'hf.json', undefined);
    expect(problems).toEqual([]);
    expect(papers.map((p) => p.arxiv)).toEqual([
      '2404.15574',
      '2501.00663',
      '2310.05869',
      '2406.12718',
      '2508.19205',
      '2508.18733',
      '2410.13276',
    ]);
    expect(papers[0]).toEqual({
      title: 'Retrieval Head Mechanistically Explains Long-Context Factuality',
      abstract: expect.stringMatching(
        /^Despite the recent progress in long-context language models, it remains elusive how transformer-based models exhibit /,
      ),
      date: '2025-08-27',
      arxiv: '2404.15574',
      source: 'hf.json:2',
      authors: ['Wenhao Wu', 'Yizhong Wang', 'Guangxuan Xiao', 'Hao Peng', 'Yao Fu'],
      published: '2024-04-24',
      summary:
        'Retrieval heads, a sparse set of attention heads, find information in long contexts; pruning them breaks retrieval and chain-of-thought reasoning.',
      code: 'https://github.com/nightdessert/Retrieval_Head',
      upvotes: 41,
      keywords: ['retrieval heads', 'long-context', 'Needle-in-a-Haystack', 'chain-of-thought', 'continual pretraining'],
    });
    expect(papers[0]!.abstract).not.toContain('\n');
  });

  it('leaves hidden authors out, keeps the order and the Unicode of the others, and unwraps a wrapped title', () => {
    const { papers } = hfDailyPapers(fixture, 'hf.json', undefined);
    const titans = papers.find((p) => p.arxiv === '2501.00663')!;
    expect(titans.authors).toEqual(['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni']);
    expect(titans).not.toHaveProperty('code');
    expect(titans.organization).toBe('Google');
    const lodz = papers.find((p) => p.arxiv === '2508.19205')!;
    expect(lodz).toMatchObject({
      title: 'Sparse Frontiers at Łódź Scale: Head-Wise Routing for Million-Token Contexts',
      authors: ['Łukasz Wróbel', 'Zoë Ødegård', 'José Müller-Ñúñez', '王芳'],
      organization: 'Łódź NLP Lab',
      projectPage: 'https://lodz-nlp.github.io/sparse-frontiers/',
      summary: 'Head-wise routing to sparse patterns keeps dense accuracy on million-token inputs at a fraction of the cost.',
    });
    expect(papers.find((p) => p.arxiv === '2410.13276')).not.toHaveProperty('projectPage');
  });

  it("decodes arXiv's LaTeX in titles, abstracts and names, keeps the named authors beside a nameless one, and takes the list's title", () => {
    const { papers, problems } = read(
      [
        item({
          title: 'On the Schr\\"odinger Bridge for \\emph{Fast} Sampling',
          summary: "We use $x^2$ and ``Schr\\\"odinger'' bridges.",
          authors: [{ name: 'Paul Erd\\H{o}s' }, { user: 'x' }, { name: 'A B' }],
        }),
        { paper: { id: '2508.00002', summary: 'Text.' }, title: 'Only the list names it' },
      ],
      '2025-08-27',
    );
    expect(problems).toEqual([]);
    expect(papers.map((p) => [p.title, p.abstract, p.authors])).toEqual([
      ['On the Schrödinger Bridge for Fast Sampling', 'We use $x^2$ and “Schrödinger” bridges.', ['Paul Erdős', 'A B']],
      ['Only the list names it', 'Text.', undefined],
    ]);
  });

  it('takes null authors as none, and says a numeric id is not an arXiv id rather than missing', () => {
    const { papers, problems } = read([item({ authors: null }), item({ id: 2508 })], '2025-08-27');
    expect(papers.map((p) => [p.arxiv, p.authors])).toEqual([['2508.00001', undefined]]);
    expect(problems.map((p) => p.message)).toEqual([
      'item 2: `paper.id` `2508` is not an arXiv id; skipped: write it as Hugging Face does, e.g. `2508.18265`',
    ]);
  });

  it('marks a withdrawn paper with the day it was withdrawn, and points each paper at the line of its item', () => {
    const { papers } = hfDailyPapers(fixture, 'hf.json', undefined);
    expect(papers.find((p) => p.arxiv === '2508.18733')).toMatchObject({ withdrawn: '2025-08-29', published: '2025-08-26' });
    expect(papers.filter((p) => p.withdrawn).length).toBe(1);
    const lines = fixture.split('\n');
    for (const paper of papers) {
      const line = Number(/^hf\.json:(\d+)$/.exec(paper.source)![1]);
      expect(lines[line - 1]).toBe('  {');
      expect(lines[line + 1]).toBe(`      "id": "${paper.arxiv}",`);
    }
  });

  it("joins papers on the day asked for, else on the day each was listed (submittedOnDailyAt's UTC day)", () => {
    const listed = { submittedOnDailyAt: '2025-08-26T23:30:00.000-02:00' };
    expect(read([item(listed)], '2025-08-30').papers[0]!.date).toBe('2025-08-30');
    expect(read([item(listed)], undefined).papers[0]!.date).toBe('2025-08-27');
  });

  it('says what is wrong with a file that is not a list, or not JSON, and imports nothing from it', () => {
    expect(hfDailyPapers('{"error": "Invalid date"}', 'e.json', undefined)).toEqual({
      papers: [],
      problems: [
        {
          line: 1,
          message:
            'the file holds an error answer of the Hugging Face API, not a list of papers: "Invalid date"; save the answer of https://huggingface.co/api/daily_papers?date=YYYY-MM-DD, which is a list of `{ "paper": … }` items',
        },
      ],
    });
    expect(hfDailyPapers('{"papers": [], "date": "2025-08-27"}', 'o.json', undefined).problems[0]!.message).toBe(
      'not a list of daily papers: the file holds an object (with `papers`, `date`), so nothing was imported from it; save the answer of https://huggingface.co/api/daily_papers?date=YYYY-MM-DD, which is a list of `{ "paper": … }` items',
    );
    const broken = hfDailyPapers('[\n  {"paper": {"id": "2508.00001"}},\n  {"paper": }\n]', 'b.json', undefined);
    expect(broken.papers).toEqual([]);
    expect(broken.problems).toEqual([
      { line: 3, message: expect.stringMatching(/^not valid JSON \(nothing was imported from this file\): /) },
    ]);
  });

  it('skips an item without a usable id, title or day, naming the field, the value and the fix', () => {
    const { papers, problems } = read(
      [{ title: 'no paper' }, item({ id: undefined }), item({ id: 'arXiv 12' }), item({ title: '  ' }), item({ withdrawnAt: 'soon' })],
      undefined,
    );
    expect(papers).toEqual([]);
    expect(problems).toEqual([
      {
        line: 2,
        message:
          'item 1 has no `paper` object; skipped: each item of the daily list is `{ "paper": { "id": …, "title": … }, … }`, so save the API\'s answer again, whole',
      },
      { line: 5, message: 'item 2 has no `paper.id`; skipped: it is the paper\'s arXiv id, e.g. `"paper": { "id": "2508.18265", … }`' },
      // Said at the field's own line in its item, where the fix is.
      { line: 13, message: 'item 3: `paper.id` `arXiv 12` is not an arXiv id; skipped: write it as Hugging Face does, e.g. `2508.18265`' },
      { line: 21, message: "2508.00001 (item 4) has no `paper.title`; skipped: add the title, or save the API's answer again" },
      {
        line: 25,
        message:
          '2508.00001 (item 5): `paper.submittedOnDailyAt` `null` is not a date, so the day it was on the list is unknown; skipped: import it with --date YYYY-MM-DD',
      },
    ]);
    expect(read([item({ withdrawnAt: 'soon' })], '2025-08-27').problems[0]!.message).toBe(
      '2508.00001 (item 1): `paper.withdrawnAt` `soon` is not a date; skipped, so a withdrawn paper is not imported unmarked: write it as e.g. "2025-08-28T09:00:00.000Z"',
    );
  });

  it('takes the code an abstract names when the listing has no repository, as the other imports do', () => {
    const abstract = (summary: string, more = {}) => read([item({ summary, ...more })], '2025-08-27').papers[0]!.code;
    expect(abstract('We find heads. Code: https://github.com/ada/heads.')).toBe('https://github.com/ada/heads');
    expect(abstract('We build on https://github.com/other/base and find heads.')).toBeUndefined();
    expect(abstract('Code: https://github.com/ada/heads', { githubRepo: 'https://github.com/ada/real' })).toBe(
      'https://github.com/ada/real',
    );
  });

  it('imports an item with a bad optional value without that field, and says how to add it', () => {
    const { papers, problems } = read(
      [item({ publishedAt: '2025-02-30T10:00:00.000Z', githubRepo: 'github.com/a/b', upvotes: -3, authors: 'Ada Lovelace' })],
      '2025-08-27',
    );
    expect(papers).toEqual([{ title: 'A Paper', abstract: 'Text.', date: '2025-08-27', arxiv: '2508.00001', source: 'hf.json:2' }]);
    expect(problems.map((p) => p.line)).toEqual([10, 7, 8, 9]);
    expect(problems.map((p) => p.message)).toEqual([
      '2508.00001 (item 1): `paper.authors` `Ada Lovelace` is not a list of `{ "name": …, "hidden": … }`; imported without `authors`: fix it and import again to add it',
      '2508.00001 (item 1): `paper.publishedAt` `2025-02-30T10:00:00.000Z` is not a date (e.g. "2025-08-26T17:59:43.000Z"); imported without `published`: fix it and import again to add it',
      '2508.00001 (item 1): `paper.githubRepo` `github.com/a/b` is not an http(s) URL; imported without `code`: fix it and import again to add it',
      '2508.00001 (item 1): `paper.upvotes` `-3` is not a whole number; imported without `upvotes`: fix it and import again to add it',
    ]);
  });
});

describe('jsonListItemLines', () => {
  it('finds the line of each item, whatever brackets and quotes its strings hold', () => {
    expect(jsonListItemLines('[\n  {"a": "]} [{ \\" ,"},\n  "x",\n\n  [1, {"b": 2}], 3]')).toEqual([2, 3, 5, 5]);
    expect(jsonListItemLines('[]')).toEqual([]);
  });
});

describe('detectFormat', () => {
  it.each([
    ['[\n  {"paper": {}}]', 'hf'],
    ['[]', 'hf'],
    ['{"error": "x"}', 'hf'],
    ['[Skip to content](https://huggingface.co)\n\nAug 27\n', 'daily'],
  ])('%j is %s', (text, format) => expect(detectFormat(text)).toBe(format));
});

describe('keywordTags', () => {
  it("makes a keyword a tag through the vocabulary's ids, aliases and rules only, and lists the rest", () => {
    expect(
      keywordTags(
        ['Retrieval Heads', 'Mixture of Experts', 'block-sparse attention', 'near-linear time', 'FlashAttention', 'GradCAM', ' '],
        vocabulary,
      ),
    ).toEqual({
      // efficient-attention (from the rule "near-linear time") is left out: attention-kernels and sparse-attention imply it.
      tags: ['attention-heads', 'mixture-of-experts', 'sparse-attention', 'attention-kernels'],
      unmatched: ['GradCAM'],
    });
  });

  it('makes no tag at all without a vocabulary', () => {
    expect(keywordTags(['attention', 'rope'], undefined)).toEqual({ tags: [], unmatched: ['attention', 'rope'] });
  });
});

describe('tagByKeywords', () => {
  it("adds the keywords' tags after the paper's own, drops the keywords, and counts each unmatched keyword once a paper", () => {
    const base = { abstract: '', date: '2025-08-27', source: 's' };
    const { papers, unmatched } = tagByKeywords(
      [
        { ...base, title: 'A', tags: ['reasoning'], keywords: ['rope', 'World Models', 'world-models'] },
        { ...base, title: 'B', keywords: ['world models', 'YaRN'] },
        { ...base, title: 'C' },
      ],
      vocabulary,
    );
    expect(papers).toEqual([
      { ...base, title: 'A', tags: ['reasoning', 'positional-encoding'] },
      { ...base, title: 'B' },
      { ...base, title: 'C' },
    ]);
    expect(unmatched).toEqual([
      { keyword: 'World Models', papers: 2 },
      { keyword: 'YaRN', papers: 1 },
    ]);
  });
});

describe('withdrawn papers', () => {
  const papers = [
    { title: 'Kept', abstract: '', date: '2025-08-27', source: 's' },
    { title: 'Gone', abstract: '', date: '2025-08-27', source: 's', withdrawn: '2025-08-29' },
  ];

  it('are imported with their mark by default, and left out and returned with `skip`', () => {
    expect(applyWithdrawnPolicy(papers, withdrawnPolicy(undefined))).toEqual({ papers, marked: [papers[1]], skipped: [] });
    expect(applyWithdrawnPolicy(papers, withdrawnPolicy('skip'))).toEqual({ papers: [papers[0]], marked: [], skipped: [papers[1]] });
  });

  it('take only `mark` or `skip`', () => {
    expect(() => withdrawnPolicy('hide')).toThrow(
      'unknown --withdrawn `hide`; use `mark` (import a withdrawn paper with `withdrawn: <day>`, the default) or `skip` (leave it out, listed in the summary)',
    );
  });
});

describe('dayRange', () => {
  it('lists every day from the first to the last, across months and leap days', () => {
    expect(dayRange('2025-08-27', '2025-08-27')).toEqual(['2025-08-27']);
    expect(dayRange('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dayRange('2025-12-31', '2026-01-01')).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('names the flag of an impossible day, a range that runs backwards, and one too long', () => {
    expect(() => dayRange('2025-02-29', '2025-03-01')).toThrow(
      '--hf-date `2025-02-29` is not a real day; write it as YYYY-MM-DD, e.g. --hf-date 2025-08-27',
    );
    expect(() => dayRange('2025-08-27', '27.08.2025')).toThrow('--to `27.08.2025` is not a real day');
    expect(() => dayRange('2025-09-02', '2025-08-27')).toThrow(
      '--to 2025-08-27 is before --hf-date 2025-09-02; give the first day, then the last',
    );
    expect(() => dayRange('2025-01-01', '2026-01-02')).toThrow('2025-01-01 to 2026-01-02 is 367 days; fetch at most 366 days a run');
  });
});
