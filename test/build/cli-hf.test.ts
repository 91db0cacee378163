// `papershelf import <list>.json` and `add --hf-date` on a copy of the shipped archive, as a person runs them: the
// written files read back, stdout, and a local server that plays saved answers of Hugging Face's daily list, a page at a
// time. Nothing here runs `astro build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot, run } from '../support/fixture-site.ts';
import { readFrontmatter, linesBeforeBody } from '../../plugins/papershelf/src/content/read-frontmatter.ts';
import { validatePaperFile } from '../../plugins/papershelf/src/content/validate-paper.ts';
import { readVocabularyFile } from '../../plugins/papershelf/src/taxonomy/read-vocabulary-file.ts';
import { compileVocabulary } from '../../plugins/papershelf/src/taxonomy/compile-vocabulary.ts';

const cli = join(repoRoot, 'plugins', 'papershelf', 'dist', 'cli', 'index.js');
const fixtures = join(repoRoot, 'test', 'fixtures', 'import');
const saved = join(fixtures, 'hf-daily-2025-08-27.json');
const shippedPapers = join(repoRoot, 'content', 'papers');
const papershelf = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, [cli, ...args], root, env);

/** A site folder outside the repository with the shipped papers and vocabulary and no Astro config, so the defaults apply. */
async function shippedSite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'papershelf-hf-'));
  await mkdir(join(root, 'content'), { recursive: true });
  await cp(shippedPapers, join(root, 'content', 'papers'), { recursive: true });
  await cp(join(repoRoot, 'content', 'tags.yml'), join(root, 'content', 'tags.yml'));
  return root;
}

const paperPath = (root: string, slug: string) => join(root, 'content', 'papers', `${slug}.md`);
const fieldsOf = async (root: string, slug: string) => readFrontmatter(await readFile(paperPath(root, slug), 'utf8'))!.data;
const bodyOf = (source: string) => source.split('\n').slice(linesBeforeBody(source)).join('\n');

const retrievalHead = 'retrieval-head-mechanistically-explains-long-context';
const hyperAttention = 'hyperattention-long-context-attention-in-near-linear-time';
const enrichedSlugs = [
  retrievalHead,
  'titans-learning-to-memorize-at-test-time',
  hyperAttention,
  'agla-mitigating-object-hallucinations-in-large-vision',
  'seerattention-learning-intrinsic-sparse-attention-in-your',
];
const createdSlugs = [
  'sparse-frontiers-at-lodz-scale-head-wise-routing-for-million',
  'a-provably-optimal-attention-kernel-for-every-sequence',
];

describe('papershelf import of a saved Hugging Face list', () => {
  let root: string;
  let first: { code: number; output: string };

  beforeAll(async () => {
    root = await shippedSite();
    first = await papershelf(root, ['import', saved]);
  }, 60_000);

  it('detects the format, enriches the papers the archive has, creates the others, and says what it did', () => {
    expect(first.code, first.output).toBe(0);
    const withdrawnAt = `${relative(root, saved)}:463`;
    expect(first.output.trim()).toBe(
      [
        'created: 2',
        ...createdSlugs.map((slug) => `  content/papers/${slug}.md`),
        'unchanged: 0',
        'enriched: 5 files',
        `  content/papers/${retrievalHead}.md: added authors, published, arxiv, summary, code, tags, upvotes`,
        '  content/papers/titans-learning-to-memorize-at-test-time.md: added authors, organization, published, arxiv, summary, tags, upvotes',
        `  content/papers/${hyperAttention}.md: added authors, published, arxiv, summary, code, tags, upvotes; kept abstract as written`,
        '  content/papers/agla-mitigating-object-hallucinations-in-large-vision.md: added authors, published, arxiv, summary, tags, upvotes',
        '  content/papers/seerattention-learning-intrinsic-sparse-attention-in-your.md: added authors, organization, published, arxiv, summary, code, tags, upvotes',
        'exists (kept as written; --force takes the values of this source, never its abstract): 0',
        'withdrawn (written with `withdrawn: <day>`; --withdrawn skip leaves them out): 1',
        `  ${withdrawnAt}: 2508.18733 "A Provably Optimal Attention Kernel for Every Sequence Length", withdrawn 2025-08-29`,
        'keywords that match no tag (not made tags; add one to content/tags.yml as an alias or a rule to tag papers by it): 8',
        '  continual pretraining',
        '  neural long-term memory',
        '  test-time memorization (2 papers)',
        '  HyperAttention',
        '  locality sensitive hashing',
        '  GradCAM',
        '  million-token context',
        '  YaRN',
        'errors: 0',
      ].join('\n'),
    );
  });

  it("writes the source's fields into a shipped paper and keeps its own fields, order and body byte for byte", async () => {
    const before = await readFile(join(shippedPapers, `${retrievalHead}.md`), 'utf8');
    const after = await readFile(paperPath(root, retrievalHead), 'utf8');
    expect(bodyOf(after)).toBe(bodyOf(before));
    expect(Object.keys(readFrontmatter(after)!.data)).toEqual([
      'title',
      'authors',
      'date',
      'published',
      'arxiv',
      'summary',
      'code',
      'tags',
      'upvotes',
      'rank',
    ]);
    expect(readFrontmatter(after)!.data).toEqual({
      title: 'Retrieval Head Mechanistically Explains Long-Context Factuality',
      authors: ['Wenhao Wu', 'Yizhong Wang', 'Guangxuan Xiao', 'Hao Peng', 'Yao Fu'],
      date: '2025-08-27',
      published: '2024-04-24',
      arxiv: '2404.15574',
      summary:
        'Retrieval heads, a sparse set of attention heads, find information in long contexts; pruning them breaks retrieval and chain-of-thought reasoning.',
      code: 'https://github.com/nightdessert/Retrieval_Head',
      tags: ['attention-heads', 'long-context', 'reasoning'],
      upvotes: 41,
      rank: 2,
    });
    // The list's abstract of HyperAttention is another version's: the archive's text stays.
    expect(bodyOf(await readFile(paperPath(root, hyperAttention), 'utf8'))).toBe(
      bodyOf(await readFile(join(shippedPapers, `${hyperAttention}.md`), 'utf8')),
    );
  });

  it('leaves hidden authors and absent code out, keeps Unicode names, and marks the withdrawn paper', async () => {
    const titans = await fieldsOf(root, 'titans-learning-to-memorize-at-test-time');
    expect(titans).toMatchObject({
      authors: ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
      organization: 'Google',
      tags: ['attention', 'recurrent-models'],
    });
    expect(titans).not.toHaveProperty('code');
    expect(await fieldsOf(root, createdSlugs[0]!)).toEqual({
      title: 'Sparse Frontiers at Łódź Scale: Head-Wise Routing for Million-Token Contexts',
      authors: ['Łukasz Wróbel', 'Zoë Ødegård', 'José Müller-Ñúñez', '王芳'],
      organization: 'Łódź NLP Lab',
      date: '2025-08-27',
      published: '2025-08-26',
      arxiv: '2508.19205',
      summary: 'Head-wise routing to sparse patterns keeps dense accuracy on million-token inputs at a fraction of the cost.',
      code: 'https://github.com/lodz-nlp/sparse-frontiers',
      projectPage: 'https://lodz-nlp.github.io/sparse-frontiers/',
      tags: ['sparse-attention', 'mixture-of-experts'],
      upvotes: 9,
    });
    expect(await fieldsOf(root, createdSlugs[1]!)).toMatchObject({ withdrawn: '2025-08-29', published: '2025-08-26' });
  });

  it('leaves the other shipped papers untouched, and every paper passes the schema and the vocabulary', async () => {
    const vocabulary = compileVocabulary(readVocabularyFile(root, 'content/tags.yml').definitions!, 'content/tags.yml');
    const files = await readdir(join(root, 'content', 'papers'));
    expect(files).toHaveLength(61);
    for (const file of files) {
      const source = await readFile(join(root, 'content', 'papers', file), 'utf8');
      expect(
        validatePaperFile(source, `content/papers/${file}`, { vocabulary, vocabularyFile: 'content/tags.yml' }).problems,
        file,
      ).toEqual([]);
      const slug = file.slice(0, -3);
      if (!enrichedSlugs.includes(slug) && !createdSlugs.includes(slug))
        expect(source, file).toBe(await readFile(join(shippedPapers, file), 'utf8'));
    }
  });

  it('changes nothing when imported again, and a --force import from a source without authors removes none', async () => {
    const again = await papershelf(root, ['import', saved, '--format', 'hf']);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(
      /^created: 0\nunchanged: 6\n(?: {2}.*\n){6}enriched: 0 files\nexists \(.*\): 1\n {2}content\/papers\/hyperattention-long-context-attention-in-near-linear-time\.md: differs in abstract$/m,
    );

    const page = await papershelf(root, [
      'import',
      join(repoRoot, 'content', 'sources', '2025-08-27.txt'),
      '--date',
      '2025-08-27',
      '--force',
    ]);
    expect(page.output).toMatch(/^created: 0\nunchanged: 59$/m);

    const list = JSON.parse(await readFile(saved, 'utf8')) as { paper: Record<string, unknown> }[];
    delete list[0]!.paper['authors'];
    list[0]!.paper['upvotes'] = 99;
    const later = join(root, 'later.json');
    await writeFile(later, JSON.stringify(list));
    const forced = await papershelf(root, ['import', later, '--force']);
    expect(forced.output).toContain(`enriched: 1 file\n  content/papers/${retrievalHead}.md: updated upvotes (--force)\n`);
    expect(await fieldsOf(root, retrievalHead)).toMatchObject({
      upvotes: 99,
      authors: ['Wenhao Wu', 'Yizhong Wang', 'Guangxuan Xiao', 'Hao Peng', 'Yao Fu'],
    });
  });

  it('leaves a withdrawn paper out with --withdrawn skip, saying so, and writes nothing on a dry run', async () => {
    const site = await shippedSite();
    const result = await papershelf(site, ['import', saved, '--withdrawn', 'skip', '--dry-run']);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/^Dry run: nothing was written\.\ncreated: 1\n {2}content\/papers\/sparse-frontiers/);
    expect(result.output).toMatch(
      /^skipped \(withdrawn; --withdrawn mark writes them with a mark\): 1\n {2}\S+:463: 2508\.18733 "A Provably/m,
    );
    expect(await readdir(join(site, 'content', 'papers'))).toEqual(await readdir(shippedPapers));
    const bad = await papershelf(site, ['import', saved, '--withdrawn', 'hide']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('papershelf: unknown --withdrawn `hide`; use `mark`');
  });

  it('names the file, the line and the fix for a file that is not the list', async () => {
    const site = await shippedSite();
    await writeFile(join(site, 'error.json'), '{\n  "error": "Invalid date format"\n}\n');
    await writeFile(join(site, 'page.txt'), 'Daily Papers\n');
    const error = await papershelf(site, ['import', 'error.json']);
    expect(error.code).toBe(1);
    expect(error.output).toContain(
      'error.json:1: the file holds an error answer of the Hugging Face API, not a list of papers: "Invalid date format"; save the answer of https://huggingface.co/api/daily_papers?date=YYYY-MM-DD',
    );
    expect(error.output).toMatch(/^created: 0$/m);
    const forced = await papershelf(site, ['import', 'page.txt', '--format', 'hf']);
    expect(forced.output).toMatch(/^page\.txt:1: not valid JSON \(nothing was imported from this file\): /m);
  });
});

describe('papershelf add --hf-date', () => {
  let server: Server;
  let api = '';
  const requests: string[] = [];
  /** At most three items a page, whatever `limit` asks: a day must still come back whole. */
  const pageCap = 3;

  beforeAll(async () => {
    const days: Record<string, unknown[]> = {
      '2025-08-27': JSON.parse(await readFile(saved, 'utf8')) as unknown[],
      '2025-08-29': JSON.parse(await readFile(join(fixtures, 'hf-daily-2025-08-29.json'), 'utf8')) as unknown[],
    };
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const date = url.searchParams.get('date') ?? '';
      requests.push(`${date} limit=${url.searchParams.get('limit')} p=${url.searchParams.get('p')}`);
      if (date === '2025-01-01') {
        response.writeHead(429, { 'content-type': 'application/json' });
        response.end('{"error": "Too many requests"}');
        return;
      }
      const page = Number(url.searchParams.get('p') ?? 0);
      response.writeHead(200, { 'content-type': 'application/json' });
      // An empty day is an empty list, as the API answers it.
      response.end(JSON.stringify((days[date] ?? []).slice(page * pageCap, (page + 1) * pageCap)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/daily_papers`;
  }, 60_000);

  afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

  it('fetches each day of a range page after page, an empty day included, and writes what `import` writes', async () => {
    const site = await shippedSite();
    const env = { PAPERSHELF_HF_API: api, PAPERSHELF_HF_PAUSE_MS: '0' };
    const result = await papershelf(site, ['add', '--hf-date', '2025-08-27', '--to', '2025-08-29'], env);
    expect(result.code, result.output).toBe(0);
    expect(requests).toEqual([
      '2025-08-27 limit=100 p=0',
      '2025-08-27 limit=100 p=1',
      '2025-08-27 limit=100 p=2',
      '2025-08-27 limit=100 p=3',
      '2025-08-28 limit=100 p=0',
      '2025-08-29 limit=100 p=0',
      '2025-08-29 limit=100 p=1',
    ]);
    expect(result.output).toContain(
      'Hugging Face 2025-08-27: 7 papers\nHugging Face 2025-08-28: no papers\nHugging Face 2025-08-29: 1 paper\n',
    );
    expect(result.output).toMatch(/^created: 3$/m);
    expect(result.output).toMatch(/^enriched: 5 files$/m);
    expect(await fieldsOf(site, 'long-context-retrieval-heads-survive-quantization')).toMatchObject({
      date: '2025-08-29',
      authors: ['Amara Okafor', 'Søren Østergaard'],
      tags: ['attention-heads'],
    });
    // The day came in three pages and one empty one; its papers are exactly those of the saved answer, imported.
    const imported = await shippedSite();
    await papershelf(imported, ['import', saved]);
    for (const slug of [...enrichedSlugs, ...createdSlugs])
      expect(await readFile(paperPath(site, slug), 'utf8'), slug).toBe(await readFile(paperPath(imported, slug), 'utf8'));
  });

  it("stops with the API's status, and without a network says how to import a saved answer", async () => {
    const site = await shippedSite();
    const busy = await papershelf(site, ['add', '--hf-date', '2025-01-01'], { PAPERSHELF_HF_API: api, PAPERSHELF_HF_PAUSE_MS: '0' });
    expect(busy.code).toBe(2);
    expect(busy.output).toContain(
      `papershelf: the Hugging Face API answered 429 Too Many Requests for ${api}?date=2025-01-01&limit=100&p=0; wait a few minutes, or set PAPERSHELF_HF_PAUSE_MS higher`,
    );
    const offline = await papershelf(site, ['add', '--hf-date', '2025-08-27'], {
      PAPERSHELF_HF_API: 'http://127.0.0.1:9/api/daily_papers',
    });
    expect(offline.code).toBe(2);
    expect(offline.output).toContain('papershelf: cannot reach the Hugging Face API at http://127.0.0.1:9 (');
    expect(offline.output).toContain(
      '`add --hf-date` needs the network; without it, save the list of each day (https://huggingface.co/api/daily_papers?date=2025-08-27) to a file on a machine that has one, and run `papershelf import <file>`',
    );
    expect(await readdir(join(site, 'content', 'papers'))).toEqual(await readdir(shippedPapers));
  });

  it('names the flag that is wrong', async () => {
    const site = await shippedSite();
    const cases: [string[], string][] = [
      [['--to', '2025-09-02'], '--to needs --hf-date, the first day: papershelf add --hf-date 2025-08-27 --to 2025-09-02'],
      [['--hf-date', '2025-02-30'], '--hf-date `2025-02-30` is not a real day; write it as YYYY-MM-DD, e.g. --hf-date 2025-08-27'],
      [
        ['--hf-date', '2025-09-02', '--to', '2025-08-27'],
        '--to 2025-08-27 is before --hf-date 2025-09-02; give the first day, then the last',
      ],
      [['--hf-date', '2025-08-27', '2006.04768'], 'add takes arXiv ids or --hf-date, not both; run it once for each'],
      [
        ['--hf-date', '2025-08-27', '--date', '2025-08-28'],
        '--date does not go with --hf-date: papers from Hugging Face join the archive on the day they were listed',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await papershelf(site, ['add', ...args], { PAPERSHELF_HF_API: 'http://127.0.0.1:9/never-asked' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.output.trim()).toBe(`papershelf: ${message}`);
    }
  });
});
