// Related papers kept between builds: after an edit, the lists and their phrases equal those a clean build finds,
// although the phrases of pairs the edit did not touch come from the last build.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedRelatedPapers, hasPhrasesFor } from '../../plugins/papershelf/src/archive/related-cache.ts';
import { relatedPapers, type RelatedInput } from '../../plugins/papershelf/src/related/related-papers.ts';
import { withPhrases } from '../../plugins/papershelf/src/related/shared-phrases.ts';
import { findsPhrasesAfresh, relatedInputOf, workerFits } from '../../plugins/papershelf/src/archive/related-precompute.ts';
import { buildArchive, withRelatedPapers, type Archive } from '../../plugins/papershelf/src/archive/build-archive.ts';
import { paperData } from '../support/paper-data.ts';

const topics = ['sparse attention kernels', 'linear attention recurrence', 'vision transformers patches', 'speech recognition models'];
const inputs: RelatedInput[] = Array.from({ length: 24 }, (_, i) => ({
  slug: `p${String(i).padStart(2, '0')}`,
  title: `A study of ${topics[i % 4]} number ${i}`,
  text: `We study ${topics[i % 4]} with supervised fine-tuning and ${topics[(i + 1) % 4]}. Results on long-context benchmarks improve.`,
}));

describe('cachedRelatedPapers', () => {
  it('equals a clean computation after an edit, reusing the phrases of untouched pairs', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'related-cache-'));
    const related = cachedRelatedPapers({ folder, code: 'v1' });
    expect(related(inputs)).toEqual(withPhrases(relatedPapers(inputs), inputs));
    const cached = JSON.parse(await readFile(join(folder, 'related-papers.json'), 'utf8')) as { texts: Record<string, string> };
    expect(Object.keys(cached.texts)).toHaveLength(24);

    // The edit keeps the terms p03 shares but changes how it writes a phrase ("speech-recognition models").
    const edited = inputs.map((input, i) =>
      i === 3 ? { ...input, text: input.text.replace('speech recognition models with', 'speech-recognition models with') } : input,
    );
    const fresh = withPhrases(relatedPapers(edited), edited);
    expect(related(edited)).toEqual(fresh);
    // The same inputs again: the lists come back as they were stored.
    expect(related(edited)).toEqual(fresh);
    expect(fresh.get('p03')![0]!.phrases).toContain('study speech-recognition models with supervised');
  });

  it('says whether the kept lists were made by this code, so a worker is counted as a rebuild only then', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'related-cache-'));
    expect(hasPhrasesFor({ folder, code: 'v1' })).toBe(false);
    cachedRelatedPapers({ folder, code: 'v1' })(inputs);
    expect(hasPhrasesFor({ folder, code: 'v1' })).toBe(true);
    // After an upgrade the file is there, but its phrases are not reused: the worker does a cold build's work.
    expect(hasPhrasesFor({ folder, code: 'v2' })).toBe(false);
    expect(findsPhrasesAfresh({ folder, code: 'v1' }, 24, 1)).toBe(false);
    expect(findsPhrasesAfresh({ folder, code: 'v2' }, 24, 1)).toBe(true);
    // An import of many papers finds the phrases of every pair it touches afresh too.
    expect(findsPhrasesAfresh({ folder, code: 'v1' }, 24, 3)).toBe(true);
  });

  it('never takes phrases found by other code', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'related-cache-'));
    cachedRelatedPapers({ folder, code: 'v1' })(inputs);
    const stored = JSON.parse(await readFile(join(folder, 'related-papers.json'), 'utf8')) as { code: string };
    expect(stored.code).toBe('v1');
    const edited = inputs.map((input, i) => (i === 0 ? { ...input, title: `${input.title}, revised` } : input));
    expect(cachedRelatedPapers({ folder, code: 'v2' })(edited)).toEqual(withPhrases(relatedPapers(edited), edited));
  });
});

describe('relatedInputOf', () => {
  // The papers loader starts related papers from these inputs before the model exists; the model reuses the
  // worker's lists only when its own inputs are the same, so a difference would silently cost the whole gain.
  it('makes the inputs the archive model computes related papers from', () => {
    const files = [
      {
        id: 'tex',
        title: 'Sparse $k$-attention in \\(O(n)\\)',
        body: 'We bound $\\sum_i x_i$ by 5\\%.\n\nSecond paragraph with **bold** text.',
      },
      { id: 'plain', title: 'A plain title', body: 'One sentence. Another [link](https://example.org) here.\n' },
      // TeX that reads otherwise as text: the model's titles read `O(n log n)` and `α²`, and so must the worker's.
      { id: 'symbols', title: 'Attention in $\\mathcal{O}(n \\log n)$ with $\\alpha^2$', body: 'Fast.' },
      { id: 'draft', title: 'Not built', body: 'Drafts are left out.', draft: true },
    ];
    let modelInputs: readonly RelatedInput[] = [];
    const compute = (inputs: readonly RelatedInput[]) => ((modelInputs = inputs), new Map());
    // As a build makes the model: everything else first, while the worker may still run, then related papers.
    const withoutRelated = buildArchive(
      files.map((f) => ({
        id: f.id,
        filePath: `content/papers/${f.id}.md`,
        body: f.body,
        data: paperData({ title: f.title, draft: f.draft ?? false }),
      })),
      { related: false, computeRelated: compute },
    );
    expect(modelInputs).toEqual([]);
    withRelatedPapers(withoutRelated, compute);
    const ours = files.filter((f) => !f.draft).map((f) => relatedInputOf(f.id, f.title, f.body));
    const bySlug = (a: RelatedInput, b: RelatedInput) => a.slug.localeCompare(b.slug);
    expect([...modelInputs].sort(bySlug)).toEqual(ours.sort(bySlug));
    expect(ours.find((input) => input.slug === 'tex')!.title).toBe('Sparse k-attention in O(n)');
    expect(ours.find((input) => input.slug === 'symbols')!.title).toBe('Attention in O(n log n) with α²');
  });
});

describe('withRelatedPapers', () => {
  it('gives the model built in two steps the related papers and everything else of one built at once', () => {
    const papers = inputs.map((input) => ({
      id: input.slug,
      filePath: `content/papers/${input.slug}.md`,
      body: input.text,
      data: paperData({ title: input.title }),
    }));
    const atOnce = buildArchive(papers);
    const inTwo = withRelatedPapers(buildArchive(papers, { related: false }));
    expect(atOnce.related.size).toBe(24);
    // Every field but the functions, which toEqual cannot compare (they read only the fields compared here).
    const data = (archive: Archive) => Object.fromEntries(Object.entries(archive).filter(([, value]) => typeof value !== 'function'));
    expect(Object.keys(data(atOnce))).toContain('citationKeys');
    expect(data(inTwo)).toEqual(data(atOnce));
  });
});

describe('workerFits', () => {
  // The benchmark's sizes and heaps: a rebuild's peak must stay within a 3 GB host at 20,000 papers.
  it('starts a second thread where it fits beside the build in the heap Node was given', () => {
    expect(workerFits(10_000, 2304)).toBe(true);
    expect(workerFits(20_000, 2304)).toBe(true);
    expect(workerFits(25_000, 2304)).toBe(false);
    expect(workerFits(25_000, 4096)).toBe(true);
    expect(workerFits(50_000, 8192)).toBe(true);
  });

  // A cold build's worker grows to its heap cap (about 750 MB for the benchmark's 10,000 papers, 1,230 MB for 20,000).
  it('counts a cold build worker at its heap cap', () => {
    expect(workerFits(10_000, 2304, 750)).toBe(true);
    expect(workerFits(16_000, 2304, 1100)).toBe(true);
    expect(workerFits(20_000, 2304, 1230)).toBe(false);
    expect(workerFits(50_000, 8192, 2740)).toBe(true);
    // The cap, not the rebuild's estimate, decides: a worker capped higher than the room left does not start.
    expect(workerFits(10_000, 2304, 1700)).toBe(false);
  });
});
