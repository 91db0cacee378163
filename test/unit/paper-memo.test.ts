// The per-paper memo: a model built with values kept from the last build equals one built from scratch, after any
// kind of change, and the memo's file holds only the values of the papers of the last build.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperMemoFile } from '../../plugins/papershelf/src/archive/paper-memo.ts';
import { buildArchive, type ArchiveOptions } from '../../plugins/papershelf/src/archive/build-archive.ts';
import type { PaperInput } from '../../plugins/papershelf/src/paper/paper.ts';
import type { TagDefinition } from '../../plugins/papershelf/src/taxonomy/parse-vocabulary.ts';
import { paperData } from '../support/paper-data.ts';

const definitions = (efficient: string[]): TagDefinition[] => [
  { id: 'attention', label: 'Attention', aliases: [], match: [] },
  { id: 'efficient-attention', label: 'Efficient attention', parent: 'attention', aliases: [], match: efficient },
  { id: 'kv-cache', label: 'KV cache', aliases: [], match: ['kv cache', '/\\bkv[- ]?caching\\b/i'] },
];

const papers: PaperInput[] = [
  {
    id: 'a',
    filePath: 'content/papers/a.md',
    body: 'Efficient attention with a $\\mathbb{R}^n$ KV-cache. A second sentence.\n\nMore.',
    data: paperData({ title: 'Sparse $k$-attention', tags: ['attention'] }),
  },
  {
    id: 'b',
    filePath: 'content/papers/b.md',
    body: 'We study \\(\\R\\) and KV caching at scale, e.g. in chat.',
    data: paperData({ title: 'B' }),
  },
  { id: 'c', filePath: 'content/papers/c.md', body: 'Nothing to match here &amp; no formula.', data: paperData({ title: 'C' }) },
];

const options = (efficient: string[], macros: Record<string, string> = { '\\R': '\\mathbb{R}' }): ArchiveOptions => ({
  vocabulary: { file: 'tags.yml', definitions: definitions(efficient) },
  macros,
  related: false,
});

// What pages read of a model: each paper's fields and tags.
const shown = (inputs: PaperInput[], opts: ArchiveOptions) => buildArchive(inputs, opts).papers.map((p) => ({ ...p }));

describe('paperMemoFile', () => {
  it('gives the model a clean build gives, after a text edit, a macro change and a rule change', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'paper-memo-'));
    const build = (inputs: PaperInput[], opts: ArchiveOptions) => {
      const memo = paperMemoFile({ folder, code: 'v1' });
      const archive = shown(inputs, { ...opts, memo });
      memo.save();
      return { archive, counts: { ...memo.counts } };
    };
    const first = build(papers, options(['efficient attention']));
    expect(first.archive).toEqual(shown(papers, options(['efficient attention'])));
    expect(first.counts).toEqual({ derived: 6, kept: 0 });
    expect(first.archive.find((p) => p.slug === 'a')!.tags.map((t) => [t.id, t.source])).toEqual([
      ['attention', 'file'],
      ['efficient-attention', 'rule'],
      ['kv-cache', 'rule'],
    ]);

    const again = build(papers, options(['efficient attention']));
    expect(again.archive).toEqual(first.archive);
    expect(again.counts).toEqual({ derived: 0, kept: 6 });

    const edited = papers.map((p) => (p.id === 'c' ? { ...p, body: 'Now with a kv cache.' } : p));
    const afterEdit = build(edited, options(['efficient attention']));
    expect(afterEdit.archive).toEqual(shown(edited, options(['efficient attention'])));
    expect(afterEdit.counts).toEqual({ derived: 2, kept: 4 });
    expect(afterEdit.archive.find((p) => p.slug === 'c')!.tags.map((t) => t.id)).toEqual(['kv-cache']);

    // Another macro changes every snippet; another rule every match: neither may come from the memo.
    const otherMacro = options(['efficient attention'], { '\\R': '\\mathbf{R}' });
    expect(build(edited, otherMacro).archive).toEqual(shown(edited, otherMacro));
    const otherRule = options(['study']);
    const afterRule = build(edited, otherRule);
    expect(afterRule.archive).toEqual(shown(edited, otherRule));
    expect(afterRule.archive.find((p) => p.slug === 'b')!.tags.map((t) => t.id)).toContain('efficient-attention');
  });

  it('keeps only the last build’s values, and none made by other code', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'paper-memo-'));
    const save = (inputs: PaperInput[], code: string) => {
      const memo = paperMemoFile({ folder, code });
      buildArchive(inputs, { ...options(['efficient attention']), memo });
      memo.save();
      return memo.counts;
    };
    save(papers, 'v1');
    const stored = async () =>
      Object.keys((JSON.parse(await readFile(join(folder, 'paper-memo.json'), 'utf8')) as { values: object }).values);
    expect(await stored()).toHaveLength(6);
    save(papers.slice(0, 2), 'v1');
    expect(await stored()).toHaveLength(4);
    expect(save(papers.slice(0, 2), 'v2')).toEqual({ derived: 4, kept: 0 });
  });

  it('works everything out without a cache folder', () => {
    const memo = paperMemoFile(undefined);
    expect(shown(papers, { ...options(['efficient attention']), memo })).toEqual(shown(papers, options(['efficient attention'])));
    memo.save();
    expect(memo.counts).toEqual({ derived: 6, kept: 0 });
  });
});
