// Related papers on corpora where the right neighbours are known, and authors whose spellings differ.
import { describe, expect, it } from 'vitest';
import { sharedPhrases } from '../../plugins/papershelf/src/related/shared-phrases.ts';
import { relatedPapers, termsOf } from '../../plugins/papershelf/src/related/index.ts';
import { authorKey, collectAuthors, cutAuthors, shortAuthors } from '../../plugins/papershelf/src/archive/authors.ts';
import type { Paper } from '../../plugins/papershelf/src/paper/paper.ts';

const doc = (slug: string, title: string, text: string) => ({ slug, title, text });

describe('termsOf', () => {
  it('keeps content words, singular, with bigrams of neighbours, and drops formulas and stop words', () => {
    expect(termsOf('Sparse attention for the KV-caches of $O(n^2)$ models.')).toEqual([
      'sparse',
      'attention',
      'sparse attention',
      'kv',
      'cache',
      'kv cache',
      'model',
    ]);
  });
});

describe('termsOf and generic words', () => {
  it('makes no term of a generic word alone, but keeps it in a bigram', () => {
    expect(termsOf('We explore long context in real time.')).toEqual(['explore long', 'context', 'long context', 'real time']);
  });

  it('relates no two papers by generic words alone, and gives no lone generic word as a reason', () => {
    const generic = relatedPapers([
      doc('hallucination', 'Exploring hallucination in video models', 'We explore several aspects of the world of video hallucination.'),
      doc('red-herrings', 'Fixated by red herrings', 'We explore several aspects of the world of misleading clues.'),
      doc('other', 'Image hallucination benchmarks', 'Benchmarks for image hallucination.'),
    ]);
    expect(generic.get('red-herrings')).toEqual([]);
    expect(generic.get('hallucination')!.map((r) => r.slug)).toEqual(['other']);
    for (const list of generic.values())
      for (const r of list) expect(r.shared.filter((t) => !t.includes(' ')).sort()).toEqual(['hallucination']);
  });
});

describe('relatedPapers', () => {
  const corpus = [
    doc('sparse-a', 'Sparse attention with routing', 'We make sparse attention fast with content based routing of queries to keys.'),
    doc('sparse-b', 'Routing transformers', 'Content based sparse attention routes queries with online k-means clustering.'),
    doc('sparse-c', 'Block sparse attention kernels', 'Block sparse attention on GPUs with fast kernels for long sequences.'),
    doc('vision-a', 'Vision transformers for images', 'Image classification with vision transformers and patch embeddings.'),
    doc('vision-b', 'Patch embeddings in vision transformers', 'How patch embeddings shape image classification in vision transformers.'),
    doc('speech', 'Speech recognition with recurrent networks', 'Recurrent networks transcribe speech audio into text.'),
  ];
  const related = relatedPapers(corpus);

  it('finds the papers on the same topic first, with the shared terms as the reason', () => {
    expect(related.get('vision-a')![0]).toMatchObject({ slug: 'vision-b', shared: expect.arrayContaining(['vision transformer']) });
    expect(
      related
        .get('sparse-a')!
        .map((r) => r.slug)
        .slice(0, 2),
    ).toEqual(['sparse-b', 'sparse-c']);
    expect(related.get('sparse-b')![0]).toMatchObject({ slug: 'sparse-a', shared: expect.arrayContaining(['sparse attention']) });
    expect(related.get('sparse-a')!.every((r) => !r.slug.startsWith('vision'))).toBe(true);
  });

  it('gives a paper that shares nothing no related papers, and never the paper itself', () => {
    expect(related.get('speech')).toEqual([]);
    for (const [slug, list] of related) expect(list.map((r) => r.slug)).not.toContain(slug);
  });

  it('is deterministic whatever the input order, ties going to the smaller slug', () => {
    expect(relatedPapers([...corpus].reverse())).toEqual(related);
    const identical = ['e', 'b', 'd', 'a', 'c', 'g', 'f'].map((slug) =>
      doc(slug, 'Same title', 'Exactly the same abstract about sparse attention.'),
    );
    const same = relatedPapers(identical);
    expect(same.get('a')!.map((r) => r.slug)).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(same.get('g')!.map((r) => [r.slug, r.score])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['d', 1],
      ['e', 1],
    ]);
  });

  it('has nothing to relate in an archive of one paper', () => {
    expect(relatedPapers([doc('only', 'Only paper', 'Alone.')])).toEqual(new Map([['only', []]]));
  });
});

describe('authors', () => {
  const paper = (slug: string, authors: string[]) => ({ slug, data: { authors } }) as unknown as Paper;

  it('folds accents, case, dots and spacing into one key', () => {
    expect(['Łukasz Kaiser', 'Lukasz  Kaiser', 'lukasz kaiser', 'Łukasz Kaiser'.normalize('NFD')].map(authorKey)).toEqual(
      Array(4).fill('lukasz kaiser'),
    );
    expect(authorKey('J.-P. Sartre')).toBe('j p sartre');
  });

  it('makes one author of the variants, named by the most frequent spelling, sorted by surname with letters', () => {
    const authors = collectAuthors([
      paper('p1', ['Łukasz Kaiser', 'Ada Lovelace']),
      paper('p2', ['Lukasz Kaiser']),
      paper('p3', ['Łukasz Kaiser', 'Alan Turing', 'Ada  Lovelace']),
      paper('p4', ['Émile Zola', '李 明']),
    ]);
    expect(authors.map((a) => [a.name, a.slug, a.letter, a.papers.map((p) => p.slug)])).toEqual([
      ['Łukasz Kaiser', 'lukasz-kaiser', 'K', ['p1', 'p2', 'p3']],
      ['Ada Lovelace', 'ada-lovelace', 'L', ['p1', 'p3']],
      ['Alan Turing', 'alan-turing', 'T', ['p3']],
      ['Émile Zola', 'emile-zola', 'Z', ['p4']],
      ['李 明', '李-明', '#', ['p4']],
    ]);
  });

  it('has no authors when no paper names one', () => {
    expect(collectAuthors([paper('p', [])])).toEqual([]);
  });
});

describe('shortAuthors', () => {
  it('names one or two authors, and the first of more with "et al."', () => {
    expect(shortAuthors([])).toBe('');
    expect(shortAuthors(['Ada Lovelace'])).toBe('Ada Lovelace');
    expect(shortAuthors(['Ada Lovelace', 'Alan Turing'])).toBe('Ada Lovelace and Alan Turing');
    expect(shortAuthors(['Ada Lovelace', 'Alan Turing', 'Grace Hopper'])).toBe('Ada Lovelace et al.');
  });
});

describe('cutAuthors', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`);

  it('keeps the first names of a long list and counts the rest', () => {
    expect(cutAuthors(names(300), 3)).toEqual({ shown: ['A1', 'A2', 'A3'], more: 297, kept: undefined });
    expect(cutAuthors(names(12), 10)).toEqual({ shown: names(10), more: 2, kept: undefined });
  });

  it('never writes "and 1 more" in place of the one name it would hide', () => {
    expect(cutAuthors(names(4), 3)).toEqual({ shown: names(4), more: 0 });
    expect(cutAuthors(names(3), 3)).toEqual({ shown: names(3), more: 0 });
    expect(cutAuthors([], 3)).toEqual({ shown: [], more: 0 });
  });

  it('names the kept author: among the first, next after them, or as one of those left out', () => {
    expect(cutAuthors(names(30), 3, (a) => a === 'A20')).toEqual({ shown: ['A1', 'A2', 'A3'], more: 27, kept: 'A20' });
    expect(cutAuthors(names(30), 3, (a) => a === 'A4')).toEqual({ shown: ['A1', 'A2', 'A3', 'A4'], more: 26, kept: undefined });
    expect(cutAuthors(names(30), 3, (a) => a === 'A2')).toEqual({ shown: ['A1', 'A2', 'A3'], more: 27, kept: undefined });
    expect(cutAuthors(names(5), 3, (a) => a === 'A5')).toEqual({ shown: ['A1', 'A2', 'A3'], more: 2, kept: 'A5' });
    // Showing the fourth in its place would leave one name out: the whole list is shown instead.
    expect(cutAuthors(names(5), 3, (a) => a === 'A4')).toEqual({ shown: names(5), more: 0 });
  });
});

describe('sharedPhrases', () => {
  const a =
    'Supervised Fine-Tuning for Chat Models. We study supervised fine-tuning of large vision-language models with multi-head attention, in \\(O(n)\\) time.';
  const b = 'Chat models after supervised fine-tuning: large vision-language models and their multi-head attention layers.';

  it('grows word fragments into the whole phrases both papers write', () => {
    expect(sharedPhrases(['fine tuning', 'supervised fine', 'large vision', 'multi head'], a, b, 5)).toEqual([
      'supervised fine-tuning',
      'large vision-language models',
      'multi-head attention',
    ]);
  });

  it('keeps a phrase found in one paper only at the term both share, and never across a formula or a stop word', () => {
    expect(sharedPhrases(['chat'], a, 'A chat system.')).toEqual(['chat']);
    expect(sharedPhrases(['time'], a, 'In time.')).toEqual(['time']);
    expect(sharedPhrases(['attention'], 'Attention, then heads.', 'The attention heads.')).toEqual(['attention']);
  });

  it("writes a title's capitals in a sentence's case, keeps acronyms, and puts phrases before single words", () => {
    const title = 'Alleviating Hallucinations in Large Vision-Language Models (LVLMs) on MMLU-Pro';
    const other = 'Hallucinations in large vision-language models are common; LVLMs fail on MMLU-Pro.';
    expect(sharedPhrases(['lvlm', 'hallucination', 'mmlu'], title, other, 3)).toEqual([
      'hallucinations in large vision-language models',
      'MMLU-Pro',
      'LVLMs',
    ]);
    // A page names two.
    expect(sharedPhrases(['lvlm', 'hallucination', 'mmlu'], title, other)).toEqual([
      'hallucinations in large vision-language models',
      'MMLU-Pro',
    ]);
  });
});

describe('sharedPhrases at its edges', () => {
  it('never lets an adverb into a phrase', () => {
    expect(sharedPhrases(['model frequently'], 'Models frequently fail.', 'Such models frequently fail.')).toEqual([]);
    expect(sharedPhrases(['rely'], 'They typically rely on data.', 'Most typically rely on labels.')).toEqual(['rely']);
    expect(sharedPhrases(['model'], 'Models frequently fail.', 'Such models frequently fail.')).toEqual(['models']);
  });

  it('stops at an adverb that is also a stop word (often, significantly), on either side of the term', () => {
    expect(sharedPhrases(['attention'], 'Attention often helps.', 'Attention often helps.')).toEqual(['attention']);
    expect(sharedPhrases(['baseline'], 'Models significantly outperform baselines.', 'Ours significantly outperform baselines.')).toEqual([
      'outperform baselines',
    ]);
  });
});

describe('sharedPhrases and words in -ly', () => {
  it('keeps nouns such as anomaly in a phrase', () => {
    expect(sharedPhrases(['anomaly detection'], 'Anomaly detection in logs.', 'Fast anomaly detection.')).toEqual(['anomaly detection']);
  });
});

describe('sharedPhrases and reasons that say nothing', () => {
  it('leaves out a lone verb in the past and a phrase that opens with a number, and keeps words such as speed', () => {
    const a = 'We introduce a design called RAT, with a 1 point gain and higher speed.';
    const b = 'A method called Titans gives a 1 point gain at the same speed.';
    expect(sharedPhrases(['called', 'point gain', 'speed'], a, b)).toEqual(['speed']);
  });
});
