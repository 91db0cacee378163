// The taxonomy's pure parts: slugs, folding, rules, vocabulary checks and the per-paper result.
import { describe, expect, it } from 'vitest';
import {
  buildTaxonomy,
  compileRule,
  compileVocabulary,
  foldTag,
  freeLabel,
  parseVocabulary,
  tagSlug,
  VocabularyError,
  type TagDefinition,
  type TaxonomyPaper,
} from '../../plugins/papershelf/src/taxonomy/index.ts';

const tag = (id: string, more: Partial<TagDefinition> = {}): TagDefinition => ({ id, label: id, aliases: [], match: [], ...more });
const paper = (slug: string, tags: string[] = [], text = ''): TaxonomyPaper => ({ slug, file: `content/papers/${slug}.md`, tags, text });
const problems = (definitions: TagDefinition[]) => {
  try {
    compileVocabulary(definitions, 'tags.yml');
    return [];
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    return error.problems.map((p) => p.message);
  }
};

describe('tagSlug', () => {
  it.each([
    ['sparse-attention', 'sparse-attention'],
    ['Sparse Attention', 'sparse-attention'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['C', 'c'],
    ['R&D', 'r-and-d'],
    ['注意力', '注意力'],
    ['Ünïcode', 'ünïcode'],
    ['a b/c', 'a-b-c'],
    ['  --weird__  ', 'weird'],
    ['ﬁne-tuning', 'fine-tuning'],
    ['x'.repeat(100), 'x'.repeat(80)],
  ])('%j → %j', (id, slug) => {
    expect(tagSlug(id)).toBe(slug);
  });

  it('has no slug for an id without a letter or digit', () => {
    expect(tagSlug('!!!')).toBeUndefined();
  });

  it('keeps a decomposed and a composed spelling on one URL', () => {
    expect(tagSlug('U\u0308nicode')).toBe(tagSlug('Ünicode'));
  });
});

describe('foldTag', () => {
  it.each([
    ['Large-Language Models', 'large language models'],
    ['large_language__models', 'large language models'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['ＬＬＭ', 'llm'],
  ])('%j → %j', (text, folded) => {
    expect(foldTag(text)).toBe(folded);
  });
});

describe('compileRule', () => {
  const matches = (rule: string, text: string) => {
    const compiled = compileRule(rule);
    if ('error' in compiled) throw new Error(compiled.error);
    return compiled.rule.pattern.test(text);
  };

  it.each([
    ['kv cache', 'shrinks the KV-cache', true],
    ['kv cache', 'many KV caches', true],
    ['kv cache', 'KV\u2011cache', true],
    ['attention sink', 'attention sinks appear', true],
    ['attention', 'retention', false],
    ['attention', 'attentional', false],
    ['vision transformer', 'Vision Transformers (ViTs)', true],
    ['c++', 'written in C++ code', true],
    ['ViT', 'ViTs', true],
    ['ViT', 'ViTamin', false],
    ['/top-?k attention/i', 'Top-K Attention', true],
    ['/LoRA\\b/', 'lora', false],
    ['/LoRA\\b/', 'SinkLoRA', true],
  ])('%j in %j: %s', (rule, text, expected) => {
    expect(matches(rule, text)).toBe(expected);
  });

  it('rejects an invalid expression and stateful flags, with the reason', () => {
    expect(compileRule('/(x/i')).toEqual({ error: expect.stringMatching(/^is not a valid regular expression: .*Unterminated group/) });
    expect(compileRule('/x/g')).toEqual({ error: 'flag `g` cannot be used; a rule takes only `i`, `m`, `s` and `u`' });
    expect(compileRule('  ')).toEqual({ error: 'is empty; write a phrase or a `/regular expression/`' });
    expect(compileRule('//')).toEqual({ error: 'is an empty regular expression; write a phrase or a `/regular expression/`' });
  });

  it('rejects an expression that matches empty text, which would tag every paper', () => {
    for (const rule of ['/x*/', '/^/', '/(?:)/i'])
      expect(compileRule(rule), rule).toEqual({ error: expect.stringMatching(/^matches empty text, so it would tag every paper/) });
  });

  it('rejects a repeated group that repeats inside, whose failures take exponential time, and keeps other repetitions', () => {
    for (const rule of ['/(\\w+\\s?)+:/', '/(a+)+b/', '/(?:x*y)+/i', '/(\\d{1,}-)+z/'])
      expect(compileRule(rule), rule).toEqual({ error: expect.stringMatching(/^repeats a group that repeats inside/) });
    for (const rule of ['/(ab)+/', '/(?:kv|key-value) cach(?:e|ing)/i', '/x{2,}/', '/(?:foo|bar)+baz/'])
      expect(compileRule(rule), rule).toHaveProperty('rule');
  });
});

describe('parseVocabulary', () => {
  it('reads a YAML list, scalars as written, one alias or rule as a list', () => {
    const tags = parseVocabulary('- id: 2025\n  label: no\n  aliases: yes\n  match: "kv cache"\n', 'tags.yml');
    expect(tags).toEqual([{ id: '2025', label: 'no', aliases: ['yes'], match: ['kv cache'], line: 1 }]);
  });

  it('names the line, the tag and the field of each problem', () => {
    expect(() => parseVocabulary('- id: a\n  label: A\n- id: b\n  parnet: a\n', 'tags.yml')).toThrow(
      'The tag vocabulary tags.yml has 2 problems:\ntags.yml:3: tag `b`: `label` is missing; write `label: Sparse attention`\ntags.yml:4: tag `b`: `parnet` is not a tag field; did you mean `parent`?',
    );
    expect(() => parseVocabulary('tags:\n  - id: a\n', 'tags.yml')).toThrow(
      'tags.yml:1: the vocabulary must be a YAML list of tags, each starting with `- id: …`',
    );
    expect(() => parseVocabulary('- id: llm\n  label: LLMs\n  aliases: large language model, llms\n', 'tags.yml')).toThrow(
      'tags.yml:3: tag `llm`: `aliases` `large language model, llms` is one alias with a comma in it; write several as a list: `aliases: [large language model, llms]`',
    );
    // What a UTF-8 reading makes of Latin-1's "é".
    expect(() => parseVocabulary('- id: a\n  label: A\n- id: cafe\n  label: Caf\uFFFD\n', 'tags.yml')).toThrow(
      'tags.yml:4: is not UTF-8: this line has a byte UTF-8 cannot read, as Latin-1 or Windows-1252 writes an accent; save the file as UTF-8',
    );
  });
});

describe('compileVocabulary', () => {
  it('orders tags as a tree and records ancestors and children', () => {
    const vocabulary = compileVocabulary([tag('leaf', { parent: 'mid' }), tag('root'), tag('mid', { parent: 'Root' })], 'tags.yml');
    expect(vocabulary.tags.map((t) => [t.id, t.parent, t.ancestors, t.children])).toEqual([
      ['root', undefined, [], ['mid']],
      ['mid', 'root', ['root'], ['leaf']],
      ['leaf', 'mid', ['root', 'mid'], []],
    ]);
  });

  it('resolves ids and aliases in any case, width and separator', () => {
    const vocabulary = compileVocabulary([tag('large-language-models', { aliases: ['LLM'] })], 'tags.yml');
    expect(['Large Language Models', 'large_language-models', 'llm', 'ＬＬＭ', 'LLMs'].map((s) => vocabulary.resolve(s))).toEqual([
      'large-language-models',
      'large-language-models',
      'large-language-models',
      'large-language-models',
      undefined,
    ]);
  });

  it.each([
    [
      'a cycle',
      [tag('a', { parent: 'c' }), tag('b', { parent: 'a' }), tag('c', { parent: 'b' })],
      'tag `a`: its parents form a cycle: `a` → `c` → `b` → `a`; one of these tags must have no parent or another one',
    ],
    ['its own parent', [tag('a', { parent: 'A' })], 'tag `a`: is its own parent; remove the `parent` line'],
    [
      'a missing parent',
      [tag('reasoning'), tag('cot', { parent: 'reasonin' })],
      'tag `cot`: parent `reasonin` is not a tag id; did you mean `reasoning`?',
    ],
    [
      'a parent named by its alias or label',
      [
        tag('language-models', { label: 'Language models', aliases: ['llm'] }),
        tag('cot', { parent: 'llm' }),
        tag('rag', { parent: 'language models' }),
      ],
      'tag `cot`: parent `llm` is not a tag id but names tag `language-models`; write its id: `parent: language-models`',
    ],
    [
      'a shared alias',
      [tag('a', { aliases: ['X'] }), tag('b', { aliases: ['x'] })],
      'tag `b`: alias `x` is also an alias of tag `a`; a spelling can mean only one tag, so remove it from one of them',
    ],
    [
      'an alias that is another id',
      [tag('llm'), tag('b', { aliases: ['LLM'] })],
      'tag `b`: alias `LLM` is the id of tag `llm`; a spelling can mean only one tag, so remove it from one of them',
    ],
    ['a bad rule', [tag('a', { match: ['/[/'] })], expect.stringMatching(/^tag `a`: rule `\/\[\/` is not a valid regular expression: /)],
    [
      'one URL for two ids',
      [tag('C++'), tag('c plus plus')],
      'tag `c plus plus`: has the same URL `tags/c-plus-plus/` as tag `C++`; rename one of the ids',
    ],
    [
      'two ids folded alike',
      [tag('Fine-Tuning'), tag('fine tuning')],
      'tag `fine tuning`: is the same tag as `Fine-Tuning` (ids match ignoring case, spaces and hyphens); remove one or merge them',
    ],
    [
      'an id without letters',
      [tag('???')],
      'tag `???`: the id has no letter or digit to make its URL from; use a word, e.g. `id: c-plus-plus`',
    ],
    [
      'one label for two tags',
      [tag('theory-a', { label: 'Theory' }), tag('theory-b', { label: 'theory', parent: 'theory-a' })],
      'tag `theory-b`: label `theory` is also the label of tag `theory-a`; readers and the search filter could not tell them apart, so give one a longer label (e.g. `theory (theory-a)`)',
    ],
  ])('stops on %s', (_, definitions, message) => {
    expect(problems(definitions)).toEqual([message]);
  });
});

describe('buildTaxonomy', () => {
  const vocabulary = compileVocabulary(
    [
      tag('attention'),
      tag('efficient-attention', { parent: 'attention', match: ['efficient attention'] }),
      tag('sparse-attention', { parent: 'efficient-attention', aliases: ['sparse attn'], match: ['sparse attention'] }),
      tag('kv-cache', { match: ['kv cache'] }),
      tag('reasoning', { aliases: ['chain of thought'] }),
      tag('empty'),
    ],
    'tags.yml',
  );

  it('gives each paper its file tags, rule tags and ancestors, with their source', () => {
    const taxonomy = buildTaxonomy(vocabulary, [
      paper('p', ['Sparse Attn', 'reasoning', 'sparse-attention'], 'Sparse attention shrinks the KV cache'),
    ]);
    expect(taxonomy.paperTags.get('p')).toEqual([
      { id: 'sparse-attention', source: 'file' },
      { id: 'reasoning', source: 'file' },
      { id: 'kv-cache', source: 'rule', rule: 'kv cache' },
      { id: 'attention', source: 'parent' },
      { id: 'efficient-attention', source: 'parent' },
    ]);
  });

  it('counts a paper under every ancestor once and keeps the given paper order', () => {
    const taxonomy = buildTaxonomy(vocabulary, [paper('new', ['sparse-attention']), paper('old', ['efficient-attention']), paper('none')]);
    expect(taxonomy.papersOf.get('attention')).toEqual(['new', 'old']);
    expect(taxonomy.papersOf.get('sparse-attention')).toEqual(['new']);
    expect(taxonomy.papersOf.get('empty')).toEqual([]);
  });

  it("counts co-occurring tags, leaving out a tag's own ancestors and descendants", () => {
    const taxonomy = buildTaxonomy(vocabulary, [
      paper('a', ['sparse-attention', 'kv-cache']),
      paper('b', ['sparse-attention', 'kv-cache', 'reasoning']),
      paper('c', ['sparse-attention', 'reasoning']),
      paper('d', ['kv-cache', 'reasoning']),
    ]);
    expect(taxonomy.related.get('sparse-attention')).toEqual([
      { id: 'kv-cache', count: 2 },
      { id: 'reasoning', count: 2 },
    ]);
    expect(taxonomy.related.get('kv-cache')).toEqual([
      { id: 'attention', count: 2 },
      { id: 'efficient-attention', count: 2 },
      { id: 'sparse-attention', count: 2 },
      { id: 'reasoning', count: 2 },
    ]);
  });

  it('reports unknown tags with suggestions, or makes them free tags when asked', () => {
    const strict = buildTaxonomy(vocabulary, [paper('p', ['reasonin'])]);
    expect(strict.unknown).toEqual([{ slug: 'p', file: 'content/papers/p.md', tag: 'reasonin', suggestions: ['reasoning'] }]);
    // A tag's label written as a tag means that tag: it was told to add itself to the vocabulary.
    const labelled = compileVocabulary([tag('attention', { label: 'Attention mechanisms' })], 'tags.yml');
    expect(labelled.suggest('attention Mechanisms')).toEqual(['attention']);
    // An alias nearer than any id names its tag first: `flash-attention-3` is the alias `flashattention` and a digit.
    const kernels = compileVocabulary(
      [
        tag('attention-kernels', { aliases: ['flashattention'] }),
        tag('sparse-attention'),
        tag('cross-attention'),
        tag('reasoning', { label: 'Chain of thought' }),
      ],
      'tags.yml',
    );
    expect(kernels.suggest('flash-attention-3')[0]).toBe('attention-kernels');
    expect(kernels.suggest('chain-of-thougth')).toEqual(['reasoning']);
    const free = buildTaxonomy(vocabulary, [paper('p', ['Chain-of-Thought', 'quantum-computing', 'Quantum Computing'])], {
      freeTags: true,
    });
    expect(free.unknown).toEqual([]);
    expect(free.paperTags.get('p')).toEqual([
      { id: 'reasoning', source: 'file' },
      { id: 'quantum-computing', source: 'file' },
    ]);
    expect(free.byId.get('quantum-computing')).toMatchObject({ label: 'Quantum computing', slug: 'quantum-computing', free: true });
  });

  it('without a vocabulary, every written tag is a free tag; clashing URLs are reported', () => {
    const taxonomy = buildTaxonomy(undefined, [paper('a', ['C++', 'LLM']), paper('b', ['c-plus-plus', 'LLM'])]);
    expect(taxonomy.tags.map((t) => [t.id, t.label])).toEqual([
      ['C++', 'C++'],
      ['LLM', 'LLM'],
    ]);
    expect(taxonomy.papersOf.get('LLM')).toEqual(['a', 'b']);
    expect(taxonomy.clashes).toEqual([
      { tags: ['C++', 'c-plus-plus'], files: ['content/papers/a.md', 'content/papers/b.md'], slug: 'c-plus-plus' },
    ]);
  });

  it("names a free tag by its most used spelling, then the oldest paper's, whatever order papers arrive in", () => {
    // Papers come newest first: `new` is the newest.
    const named = (papers: TaxonomyPaper[]) => buildTaxonomy(undefined, papers).tags.map((t) => t.id);
    expect(named([paper('new', ['LLM']), paper('old', ['llm'])])).toEqual(['llm']);
    expect(named([paper('new', ['LLM']), paper('mid', ['LLM']), paper('old', ['llm'])])).toEqual(['LLM']);
  });

  it('reports empty and single tags, unused aliases, rule-only and untagged papers', () => {
    const taxonomy = buildTaxonomy(vocabulary, [
      paper('by-rule', [], 'efficient attention'),
      paper('by-file', ['sparse attn']),
      paper('bare'),
    ]);
    expect(taxonomy.report).toEqual({
      emptyTags: ['kv-cache', 'reasoning', 'empty'],
      singleTags: ['sparse-attention'],
      unusedAliases: [{ id: 'reasoning', alias: 'chain of thought' }],
      ruleOnlyPapers: ['by-rule'],
      untaggedPapers: ['bare'],
    });
  });

  it.each([
    ['sparse-attention', 'Sparse attention'],
    ['LLM', 'LLM'],
    ['chain_of_thought', 'Chain of thought'],
    ['ünïcode', 'Ünïcode'],
  ])('labels a free tag %j as %j', (id, label) => {
    expect(freeLabel(id)).toBe(label);
  });
});
