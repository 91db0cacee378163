// A paper already in the archive gains what it lacks from an import; nothing else in its file changes.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrichPaperFile } from '../../plugins/papershelf/src/import/enrich-paper-file.ts';
import { writePapers } from '../../plugins/papershelf/src/import/write-papers.ts';
import { readFrontmatter } from '../../plugins/papershelf/src/content/read-frontmatter.ts';
import { validatePaperFile } from '../../plugins/papershelf/src/content/validate-paper.ts';
import type { ImportedPaper } from '../../plugins/papershelf/src/import/imported-paper.ts';

const shipped = new URL('../../content/papers/', import.meta.url);
const title = 'Retrieval Head Mechanistically Explains Long-Context Factuality';
const record: ImportedPaper = {
  title,
  abstract: 'Abstract text.',
  date: '2025-09-01',
  authors: ['Wenhao Wu', 'Yizhong Wang'],
  organization: 'Peking University',
  published: '2024-04-24',
  arxiv: '2404.15574',
  summary: 'Retrieval heads find facts in long contexts.',
  code: 'https://github.com/nightdessert/Retrieval_Head',
  tags: ['long-context'],
  upvotes: 41,
  source: 'hf.json:2',
};
const handWritten = [
  '---',
  '# A paper I keep an eye on',
  `title: "${title}" # as the page wrote it`,
  'date: 2025-08-27',
  '',
  "# mine, not the source's",
  'tags: [attention-heads] # checked by hand',
  'upvotes: 3',
  'rank: 2',
  'draft: false',
  '---',
  'Abstract text.',
  '',
  'My notes, with a [link](https://example.org).',
  '',
].join('\n');

describe('enrichPaperFile', () => {
  it("takes a file's versioned arXiv id and a record's unversioned one as the same, and says nothing of it", () => {
    const versioned = handWritten.replace('date: 2025-08-27', 'date: 2025-08-27\narxiv: 2404.15574v1');
    expect(enrichPaperFile(versioned, record, false).changes.kept).not.toContain('arxiv');
    expect(enrichPaperFile(versioned, { ...record, arxiv: '2404.15574v2' }, false).changes.kept).toContain('arxiv');
  });

  it("does not give a file that names one arXiv version another version's comment and PDF, unless forced to take that version", () => {
    const v3 = handWritten.replace('date: 2025-08-27', 'date: 2025-08-27\narxiv: 2404.15574v3');
    const v4: ImportedPaper = { ...record, arxiv: '2404.15574v4', comment: 'v4: 12 pages', pdf: 'https://arxiv.org/pdf/2404.15574v4' };
    const kept = enrichPaperFile(v3, v4, false);
    expect(kept.changes.kept).toEqual(expect.arrayContaining(['arxiv', 'comment', 'pdf']));
    expect(kept.changes.added).not.toContain('comment');
    expect(kept.changes.added).not.toContain('pdf');
    expect(kept.changes.added).toContain('authors');
    expect(readFrontmatter(kept.content)?.data).toMatchObject({ arxiv: '2404.15574v3' });
    expect(readFrontmatter(kept.content)?.data).not.toHaveProperty('comment');
    expect(readFrontmatter(kept.content)?.data).not.toHaveProperty('pdf');
    // The same version's, or an unversioned file's, are added; forced, the file takes v4 whole.
    expect(enrichPaperFile(v3, { ...v4, arxiv: '2404.15574v3' }, false).changes.added).toEqual(expect.arrayContaining(['comment', 'pdf']));
    expect(enrichPaperFile(handWritten, v4, false).changes.added).toEqual(expect.arrayContaining(['arxiv', 'comment', 'pdf']));
    const forced = enrichPaperFile(v3, v4, true);
    expect(readFrontmatter(forced.content)?.data).toMatchObject({ arxiv: '2404.15574v4', comment: 'v4: 12 pages', pdf: v4.pdf });
  });

  it('takes a year written as a YAML number and the same year from an import as the same, and says nothing of it', () => {
    const year = handWritten.replace('date: 2025-08-27', 'date: 2025-08-27\npublished: 2024');
    expect(enrichPaperFile(year, { ...record, published: '2024' }, false).changes.kept).not.toContain('published');
    expect(enrichPaperFile(year, { ...record, published: '2023' }, false).changes.kept).toContain('published');
  });

  it('takes out the hints `new` writes for the fields it adds, and keeps those of the fields still missing', () => {
    const started = [
      '---',
      `title: ${title}`,
      'date: 2025-09-01',
      '# authors: ["First Last", "Second Author"]',
      "# published: 2024-05-06          # the paper's own date; 2024-05 or 2024 when no more is known",
      '# doi: 10.1234/abc',
      '# draft: true                    # keeps the paper out of the build',
      '---',
      'My own abstract.',
      '',
    ].join('\n');
    const { content, changes } = enrichPaperFile(
      started,
      { title, abstract: 'Abstract text.', date: '2025-09-01', authors: ['Wenhao Wu'], published: '2024-04-24', source: 'x' },
      false,
    );
    expect(changes.added).toEqual(['authors', 'published']);
    expect(content).not.toMatch(/^# (?:authors|published):/m);
    expect(content).toMatch(/^# doi: 10\.1234\/abc$/m);
    expect(content).toMatch(/^# draft: true/m);
    expect(readFrontmatter(content)?.data).toMatchObject({ authors: ['Wenhao Wu'], published: '2024-04-24' });
    expect(content.endsWith('---\nMy own abstract.\n')).toBe(true);
  });

  it('adds the fields a file lacks where an import writes them, and keeps comments, order, other values and the body', () => {
    const { content, changes } = enrichPaperFile(handWritten, record, false);
    expect(changes).toEqual({
      added: ['authors', 'organization', 'published', 'arxiv', 'summary', 'code'],
      updated: [],
      kept: ['tags', 'upvotes', 'abstract'],
    });
    expect(content).toBe(
      [
        '---',
        '# A paper I keep an eye on',
        `title: "${title}" # as the page wrote it`,
        'authors:',
        '  - Wenhao Wu',
        '  - Yizhong Wang',
        'organization: Peking University',
        'date: 2025-08-27',
        'published: 2024-04-24',
        'arxiv: "2404.15574"',
        'summary: Retrieval heads find facts in long contexts.',
        'code: https://github.com/nightdessert/Retrieval_Head',
        '',
        "# mine, not the source's",
        'tags: [attention-heads] # checked by hand',
        'upvotes: 3',
        'rank: 2',
        'draft: false',
        '---',
        'Abstract text.',
        '',
        'My notes, with a [link](https://example.org).',
        '',
      ].join('\n'),
    );
    expect(validatePaperFile(content, 'content/papers/x.md', { vocabularyFile: 'tags.yml' }).problems).toEqual([]);
  });

  it('with force, takes the values the record gives and keeps every field it does not give, and the body', () => {
    const enriched = enrichPaperFile(handWritten, record, false).content;
    const { authors: _authors, organization: _organization, ...withoutAuthors } = record;
    const { content, changes } = enrichPaperFile(enriched, { ...withoutAuthors, upvotes: 57, abstract: 'Another abstract.' }, true);
    expect(changes).toEqual({ added: [], updated: ['tags', 'upvotes'], kept: ['abstract'] });
    const data = readFrontmatter(content)!.data;
    expect(data).toMatchObject({
      authors: ['Wenhao Wu', 'Yizhong Wang'],
      organization: 'Peking University',
      tags: ['long-context'],
      upvotes: 57,
    });
    // `date` is the day the paper joined this archive: no source changes it, not even with force.
    expect(data['date']).toBe('2025-08-27');
    expect(content).toContain('\ntags: [long-context] # checked by hand\n');
    expect(content.slice(content.indexOf('\n---\n'))).toBe(enriched.slice(enriched.indexOf('\n---\n')));
  });

  it('changes nothing, and says so, when the file already has all of it', () => {
    const file = `---\ntitle: ${title}\ndate: 2025-08-27\nupvotes: 41\n---\nAbstract text.\n`;
    expect(enrichPaperFile(file, { title, abstract: 'Abstract text.', date: '2025-08-30', upvotes: 41, source: 's' }, true)).toEqual({
      content: file,
      changes: { added: [], updated: [], kept: [] },
    });
  });

  it('fills an empty field where it stands, and keeps Windows line breaks', () => {
    const file = `---\r\ntitle: ${title}\r\nauthors: []\r\ndate: 2025-08-27\r\n---\r\nAbstract text.\r\n`;
    const { content, changes } = enrichPaperFile(file, { ...record, tags: [] }, false);
    expect(changes.added[0]).toBe('authors');
    expect(
      content.startsWith(
        `---\r\ntitle: ${title}\r\nauthors: [Wenhao Wu, Yizhong Wang]\r\norganization: Peking University\r\ndate: 2025-08-27\r\n`,
      ),
    ).toBe(true);
    expect(content.endsWith('\r\n---\r\nAbstract text.\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('reads a file that ends at its closing fence', () => {
    const { content } = enrichPaperFile(`---\ntitle: ${title}\ndate: 2025-08-27\n---`, { ...record, abstract: '' }, false);
    expect(readFrontmatter(content)!.data['arxiv']).toBe('2404.15574');
    expect(content.endsWith('\n---')).toBe(true);
  });

  it('leaves every byte of each shipped paper as it was but the one line it adds', async () => {
    const files = (await readdir(shipped)).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(59);
    for (const file of files) {
      const source = await readFile(new URL(file, shipped), 'utf8');
      const data = readFrontmatter(source)!.data;
      const { content, changes } = enrichPaperFile(
        source,
        { title: data['title'] as string, abstract: '', date: '2025-08-27', arxiv: '2501.00663', source: 's' },
        false,
      );
      expect(changes.added, file).toEqual(['arxiv']);
      const added = content.split('\n').findIndex((line) => line === 'arxiv: "2501.00663"');
      const lines = content.split('\n');
      lines.splice(added, 1);
      expect(lines.join('\n'), file).toBe(source);
      expect(content.split('\n')[added - 1], file).toBe('date: 2025-08-27');
    }
  });
});

describe('writePapers enriches what the archive has', () => {
  const base = { abstract: 'An abstract.', date: '2025-08-27', source: 'test' };

  it('matches by arXiv id before title, keeps two papers that share a title but not an id, and lists what each file gained', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papers-'));
    await writeFile(join(dir, 'attention.md'), '---\ntitle: Attention\ndate: 2025-01-01\narxiv: 2401.00001\n---\nAn abstract.\n');
    await writeFile(join(dir, 'renamed.md'), '---\ntitle: An Old Title\ndate: 2025-01-01\narxiv: 2401.00002v1\n---\nAn abstract.\n');
    const summary = await writePapers(
      [
        { ...base, title: 'Attention', arxiv: '2401.00009', upvotes: 4, source: 'feed.xml:3' },
        { ...base, title: 'A New Title', arxiv: '2401.00002v2', upvotes: 7, source: 'feed.xml:9' },
        { ...base, title: 'A new title!', upvotes: 7, source: 'feed.xml:15' },
      ],
      { dir, root: dir },
    );
    expect(summary).toEqual({
      created: ['attention-2.md'],
      unchanged: [],
      enriched: [{ file: 'renamed.md', added: ['upvotes'], updated: [], kept: ['title', 'arxiv'] }],
      exists: [],
      // The paper's new title, learnt from the second record, finds the same file for the third: the same paper again.
      repeated: ['feed.xml:15: the same paper as line 9 (renamed.md), imported once'],
      notWritten: [],
      problems: [],
      removedTemporary: [],
    });
    expect(readFrontmatter(await readFile(join(dir, 'attention.md'), 'utf8'))!.data).not.toHaveProperty('upvotes');
    expect(readFrontmatter(await readFile(join(dir, 'attention-2.md'), 'utf8'))!.data).toMatchObject({ arxiv: '2401.00009', upvotes: 4 });
    expect(readFrontmatter(await readFile(join(dir, 'renamed.md'), 'utf8'))!.data).toMatchObject({ title: 'An Old Title', upvotes: 7 });
    expect((await readdir(dir)).sort()).toEqual(['attention-2.md', 'attention.md', 'renamed.md']);
  });

  it('reports a file that differs and lacks nothing as existing, and writes nothing on a dry run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papers-'));
    const file = '---\ntitle: Kept\ndate: 2025-01-01\nupvotes: 2\n---\nMy own abstract.\n';
    await writeFile(join(dir, 'kept.md'), file);
    const exists = await writePapers([{ ...base, title: 'Kept', upvotes: 5 }], { dir, root: dir });
    expect(exists.exists).toEqual([{ file: 'kept.md', added: [], updated: [], kept: ['upvotes', 'abstract'] }]);
    const dry = await writePapers([{ ...base, title: 'Kept', arxiv: '2401.00003' }], { dir, root: dir, dryRun: true, force: true });
    expect(dry.enriched).toEqual([{ file: 'kept.md', added: ['arxiv'], updated: [], kept: ['abstract'] }]);
    expect(await readFile(join(dir, 'kept.md'), 'utf8')).toBe(file);
  });
});
