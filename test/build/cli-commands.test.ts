// `papershelf import` (arXiv and BibTeX), `add`, `check` and `new`, run as a person runs them, then built and read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';

const cli = join(repoRoot, 'plugins', 'papershelf', 'dist', 'cli', 'index.js');
const fixtures = join(repoRoot, 'test', 'fixtures', 'import');
const papershelf = (root: string, ...args: string[]) => run(process.execPath, [cli, ...args], root);

let root: string;
let server: Server;
let api = '';

beforeAll(async () => {
  root = await writeFixture('cli-commands', { 'content/papers/.keep': '' });
  const saved = await readFile(join(fixtures, 'arxiv-query.xml'), 'utf8');
  server = createServer((request, response) => {
    const ids = new URL(request.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
    response.writeHead(200, { 'content-type': 'application/atom+xml' });
    // The saved response holds 2006.04768 and math/0211159; any other id gets arXiv's empty feed.
    response.end(ids.includes('2006.04768') ? saved : '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/query`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

describe('papershelf import, add and a build of the result', () => {
  it('imports an arXiv response (format detected), reporting the bad entry by line and keeping the rest', async () => {
    const result = await papershelf(root, 'import', join(fixtures, 'arxiv-query.xml'), '--date', '2025-09-01');
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/^created: 3$/m);
    expect(result.output).toContain(
      'arxiv-query.xml:40: entry has no arXiv id in <id> (found `nothing`); skipped: fetch the record again from the arXiv API, whose entries name the paper as http://arxiv.org/abs/<id>',
    );
    expect(result.output).toMatch(/^errors: 1 /m);
  });

  it('imports a .bib file: accents, protected capitals, names, a broken entry between two good ones', async () => {
    const result = await papershelf(root, 'import', join(fixtures, 'library.bib'), '--date', '2025-09-02');
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/^created: 2$/m);
    expect(result.output).toContain('library.bib:12: entry not read: Unterminated brace-value');
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await readdir(join(root, 'content', 'papers'));
    const arxiv = await papershelf(root, 'import', join(fixtures, 'arxiv-query.xml'), '--date', '2025-09-01');
    const bib = await papershelf(root, 'import', join(fixtures, 'library.bib'), '--format', 'bibtex', '--date', '2025-09-02');
    expect(arxiv.output).toMatch(/^created: 0\nunchanged: 3$/m);
    expect(bib.output).toMatch(/^created: 0\nunchanged: 2$/m);
    expect(await readdir(join(root, 'content', 'papers'))).toEqual(before);
  });

  it('adds papers by id from the arXiv API, reporting ids arXiv does not have', async () => {
    const env = { PAPERSHELF_ARXIV_API: api, PAPERSHELF_ARXIV_PAUSE_MS: '0' };
    const known = await run(
      process.execPath,
      [cli, 'add', '2006.04768', 'https://arxiv.org/abs/math/0211159v2', '--date', '2025-09-01'],
      root,
      env,
    );
    expect(known.code, known.output).toBe(1); // the saved response also holds an entry without an id
    expect(known.output).toMatch(/^created: 0\nunchanged: 3$/m);
    const unknown = await run(process.execPath, [cli, 'add', '2501.99999', '--date', '2025-09-03'], root, env);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('2501.99999: arXiv has no such paper (check the id)');
    const offline = await run(process.execPath, [cli, 'add', '2006.04768'], root, { PAPERSHELF_ARXIV_API: 'http://127.0.0.1:9/api/query' });
    expect(offline.code).toBe(2);
    expect(offline.output).toContain('cannot reach the arXiv API at http://127.0.0.1:9');
    expect(offline.output).toContain('run `papershelf import <file> --format arxiv`');
    const bad = await run(process.execPath, [cli, 'add', 'not-an-id'], root);
    expect(bad.output).toContain('not arXiv ids: `not-an-id`');
  });

  it('builds pages that show outside text as text and math as math', async () => {
    const build = await run(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
    expect(build.code, build.output).toBe(0);
    const read = async (slug: string) => load(await readFile(join(root, 'dist', 'papers', slug, 'index.html'), 'utf8'));
    const slugs = (await readdir(join(root, 'content', 'papers'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    const linformer = await read(slugs.find((s) => s.startsWith('linformer'))!);
    expect(linformer('h1.paper-title .katex annotation').text()).toBe('O(n)');
    expect(linformer('h1.paper-title').text()).toContain('Time & Space for <script> Lovers');
    expect(linformer('h1 script').length).toBe(0);
    expect(linformer('.abstract p').text()).toContain('Costs 5% less, see `code` and {x}.');
    expect(linformer('.abstract .katex annotation').text()).toBe('O(n^2)');
    expect(linformer('meta[name=citation_arxiv_id]').attr('content')).toBe('2006.04768v3');
    expect(linformer('meta[name=citation_doi]').attr('content')).toBe('10.48550/arXiv.2006.04768');
    expect(linformer('.paper-links a[href^="https://github.com/"]').attr('href')).toBe('https://github.com/tatp22/linformer-pytorch');
    const perelman = await read(slugs.find((s) => s.startsWith('the-entropy-formula'))!);
    expect(perelman('meta[name=citation_arxiv_id]').attr('content')).toBe('math/0211159v2');
    expect(
      perelman('dd')
        .map((_, d) => perelman(d).text())
        .get(),
    ).toContain('math.DG');
    const uber = await read(slugs.find((s) => s.startsWith('uber-lodz'))!);
    expect(uber('.paper-header .authors').text()).toBe('Łukasz Kaiser, José Müller-Ñúñez');
    const bert = await read(slugs.find((s) => s.startsWith('bert'))!);
    expect(bert('h1').text()).toBe('BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    expect(bert('.paper-header .authors').text()).toBe('Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova');
    expect(
      bert('dd')
        .map((_, d) => bert(d).text())
        .get(),
    ).toContain('Proceedings of NAACL-HLT');
    const mueller = await read(slugs.find((s) => s.startsWith('uber-sparse'))!);
    mueller('h1 .math-search-text').remove();
    mueller('h1 .katex').replaceWith('[math]');
    expect(mueller('h1').text()).toBe('Über sparse attention in [math]: café & Łódź – a 5% study');
    expect(
      load(
        await readFile(
          join(
            root,
            'dist',
            'papers',
            slugs.find((s) => s.startsWith('uber-sparse'))!,
            'index.html',
          ),
          'utf8',
        ),
      )('h1 .katex annotation').text(),
    ).toBe('O(n \\log n)');
    expect(mueller('meta[name=citation_arxiv_id]').attr('content')).toBe('2303.01234');
  }, 240_000);
});

describe('papershelf check and new', () => {
  it('finds each planted problem with its file and line, and passes a clean archive', async () => {
    const site = await writeFixture('cli-check', {
      'content/tags.yml': '- id: reasoning\n  label: Reasoning\n',
      'content/papers/good.md': paperFile('title: Good\ndate: 2025-01-01\narxiv: 2401.00001', 'Fine \\(x^2\\).'),
      'content/papers/bad-date.md': paperFile('title: Bad date\ndate: 2025-02-30', 'Text.'),
      'content/papers/bad-tag.md': paperFile('title: Bad tag\ndate: 2025-01-01\ntags:\n  - reasonin', 'Text.'),
      'content/papers/twin.md': paperFile('title: Twin\ndate: 2025-01-01\narxiv: 2401.00001v2', 'Text.'),
      'content/papers/bad-math.md': paperFile(
        'title: Bad $\\frac{1}{$ math\ndate: 2025-01-01',
        'Line one.\n\nBroken \\(\\frac{1}{\\) here.',
      ),
      'content/papers/typo.md': paperFile('title: Typo\ndate: 2025-01-01\nauthor: [Ada]', 'Text.'),
      // Display math inside a paragraph renders in display mode, and a \gdef holds for the formulas after it, as in the build.
      'content/papers/display.md': paperFile(
        'title: Display\ndate: 2025-01-01',
        'So \\[\\begin{align} e &= f \\end{align}\\] and $$x \\tag{1}$$ hold.\n\nLet \\(\\gdef\\Foo{\\mathbb{F}}\\) and \\(\\Foo^n\\).',
      ),
      'content/papers/unclosed.md': '---\ntitle: Unclosed\ndate: 2025-01-01\n\nThe body.\n',
      'content/papers/folder.md/notes.txt': 'A folder named like a paper.',
    });
    const result = await papershelf(site, 'check');
    expect(result.code).toBe(1);
    const lines = result.output.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^content\/papers\/bad-date\.md:3: `date` "?`?2025-02-30`?"? is not a real day; write date as YYYY-MM-DD/),
      expect.stringMatching(/^content\/papers\/bad-math\.md:2: formula `\$\\frac\{1\}\{\$` in the title: KaTeX parse error/),
      expect.stringMatching(/^content\/papers\/bad-math\.md:7: formula `\\frac\{1\}\{`: KaTeX parse error/),
      'content/papers/bad-tag.md:5: tag `reasonin` is not in content/tags.yml; did you mean `reasoning`?',
      'content/papers/folder.md: is a folder, not a paper file; rename it so it does not end in .md or .mdx',
      'content/papers/twin.md: arXiv 2401.00001 is also in content/papers/good.md; keep one file per paper',
      'content/papers/typo.md:4: `author` is not a paper field; did you mean `authors`?',
      'content/papers/unclosed.md:1: the frontmatter opened on line 1 is never closed; end the fields with a line `---`',
      'checked 9 papers: 8 problems',
    ]);
  });

  it('says when tags could not be checked: a --tags file that is not there, a vocabulary with problems', async () => {
    const site = await writeFixture('cli-check-tags', {
      'content/tags.yml': '- id: reasoning\n  label: Reasoning\n  parent: nowhere\n',
      'content/papers/tagged.md': paperFile('title: Tagged\ndate: 2025-01-01\ntags: [no-such-tag]', 'Text.'),
    });
    const missing = await papershelf(site, 'check', '--tags', 'content/tag.yml');
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('content/tag.yml: there is no such file, so no tag could be checked; pass your vocabulary file');
    const broken = await papershelf(site, 'check');
    expect(broken.code).toBe(1);
    const lines = broken.output.trim().split('\n');
    expect(lines[0]).toMatch(/^content\/tags\.yml:\d+: .*nowhere/);
    expect(lines.at(-2)).toBe("note: the papers' tags were not checked, as content/tags.yml has problems; fix them and check again");
    // Without its vocabulary a site takes any tag: said, with the file of another spelling that is most likely the one meant.
    await rename(join(site, 'content', 'tags.yml'), join(site, 'content', 'tags.yaml'));
    const renamed = await papershelf(site, 'check');
    await rename(join(site, 'content', 'tags.yaml'), join(site, 'content', 'tags.yml'));
    expect(renamed.code).toBe(0);
    expect(renamed.output.trim().split('\n')).toEqual([
      'note: there is no content/tags.yml, so any tag is taken as written and no rule tags a paper; content/tags.yaml is there: rename it to content/tags.yml to use it',
      'checked 1 paper: no problems',
    ]);
  });

  it('starts a paper with `new` that passes `check` as written, and never overwrites one', async () => {
    const site = await writeFixture('cli-new', { 'content/tags.yml': '- id: reasoning\n  label: Reasoning\n', 'content/papers/.keep': '' });
    const created = await papershelf(site, 'new', 'Sparse $k$-Attention: A <Study>', '--date', '2025-05-05');
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain('created content/papers/sparse-k-attention-a-study.md');
    const file = await readFile(join(site, 'content/papers/sparse-k-attention-a-study.md'), 'utf8');
    expect(file).toMatch(/^---\ntitle: "Sparse \$k\$-Attention: A <Study>"\ndate: 2025-05-05\n# authors: /);
    for (const field of [
      'authors',
      'published',
      'arxiv',
      'category',
      'doi',
      'venue',
      'journalRef',
      'comment',
      'url',
      'pdf',
      'code',
      'tags',
      'upvotes',
      'rank',
      'draft',
    ])
      expect(file).toContain(`\n# ${field}: `);
    // It passes, with a note that the abstract is still the placeholder, which would be published as it is.
    const check = await papershelf(site, 'check');
    const placeholderLine = file.split('\n').findIndex((line) => line.startsWith('Write the abstract here.')) + 1;
    expect(check.output.trim().split('\n')).toEqual([
      `note: content/papers/sparse-k-attention-a-study.md:${placeholderLine}: the abstract is still the placeholder \`papershelf new\` wrote, and would be published as it is; write the abstract in its place, or import the paper to fill it in`,
      'checked 1 paper: no problems',
    ]);
    expect(check.code).toBe(0);
    // A draft is not published, so there is nothing to note.
    await writeFile(join(site, 'content/papers/sparse-k-attention-a-study.md'), file.replace('# draft: true', 'draft: true'));
    expect((await papershelf(site, 'check')).output.trim()).toBe('checked 1 paper: no problems');
    await writeFile(join(site, 'content/papers/sparse-k-attention-a-study.md'), file.replace(/^Write the abstract here\..*$/m, 'Edited.'));
    const again = await papershelf(site, 'new', 'Sparse $k$-Attention: A <Study>');
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists; it was left as it is');
    expect(await readFile(join(site, 'content/papers/sparse-k-attention-a-study.md'), 'utf8')).toContain('Edited.');
    // A title whose name is reserved for the archive's pages (`newest`) gets the next name, which `check` takes.
    const newest = await papershelf(site, 'new', 'Newest', '--date', '2025-05-05');
    expect(newest.output).toContain('created content/papers/newest-2.md');
    const both = await papershelf(site, 'check');
    expect(both.code).toBe(0);
    expect(both.output.trim().split('\n').at(-1)).toBe('checked 2 papers: no problems');
    expect(both.output).toContain('note: content/papers/newest-2.md:');
    expect(both.output).not.toContain('note: content/papers/sparse-k-attention-a-study.md');
  });
});
