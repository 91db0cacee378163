// Formulas as search words: every spelling of a formula, in a page or in the search box, comes to one key.
import { describe, expect, it } from 'vitest';
import {
  formulaKey,
  formulaSearchWords,
  formulasIn,
  phraseVariants,
  searchQuery,
} from '../../plugins/papershelf/src/search/formula-words.ts';

describe('formulaKey', () => {
  it('gives every spelling of one formula the same key', () => {
    const spellings: [string[], string][] = [
      [['O(n \\log n)', 'O(n log n)', 'O(nlogn)', '\\mathcal{O}(n\\log n)', 'O\\left(n \\log n\\right)'], 'onlogn'],
      [['x_2', 'x_{2}', 'x₂', 'x2'], 'x2'],
      [['a^{b}', 'a^b'], 'ab'],
      [['\\sqrt{d_k}', '√d_k', '√dₖ', 'sqrt(d_k)', '\\sqrt{d_{k}}'], 'sqrtdk'],
      [['QK^\\top', 'QK^T', 'QK^{\\top}', 'QK⊤', 'QKᵀ', 'QK^\\intercal'], 'qkt'],
      [['L_2', 'L2', 'l_2'], 'l2'],
      [['W_{q}', 'W_q', 'W_{\\mathrm{q}}'], 'wq'],
      [['\\mathcal{O}(1)', 'O(1)', '\\mathcal O(1)'], 'o1'],
      [['d^{-1/2}', 'd^-1/2', 'd^(-1/2)', 'd⁻¹/²'], 'd12'],
      [['7\\times', '7×', '7x'], '7x'],
      [['O(n^2)', 'O(n²)', 'O(n^{2})'], 'on2'],
      [['Oleft(n^{1.5}dright)', 'O\\left(n^{1.5}d\\right)', 'O(n^1.5 d)'], 'on15d'],
      [['\\alpha_t', 'α_t', 'alpha_t'], 'alphat'],
    ];
    for (const [forms, key] of spellings) for (const form of forms) expect(formulaKey(form), form).toBe(key);
  });

  it('tells different formulas apart', () => {
    expect(formulaKey('O(n^2)')).not.toBe(formulaKey('O(n^3)'));
    expect(formulaKey('x_2')).not.toBe(formulaKey('x_3'));
  });
});

describe('formulasIn', () => {
  it('finds TeX between every delimiter, and formula-shaped runs that nothing marks', () => {
    expect(formulasIn('a \\(7\\times\\) speedup, $x_2$ and \\[a^b\\] and $$\\sum_i$$')).toEqual(['7\\times', 'x_2', 'a^b', '\\sum_i']);
    expect(formulasIn('Reducing the O(n^2) Cost of Self Attention')).toEqual(['O(n^2)']);
    // A formula written into a word is also the whole word; one set off by spaces or punctuation is not.
    expect(formulasIn('we propose S\\(^2\\)-Attn, the \\(\\ell_1\\)-norm and \\(O(n)\\), and $x$.')).toEqual([
      '^2',
      'S^2-Attn',
      '\\ell_1',
      '\\ell_1-norm',
      'O(n)',
      'x',
    ]);
    expect(formulasIn('from O(T^2) to O(T log T) and the space')).toEqual(['O(T^2)', 'O(T log T)']);
    expect(formulasIn('attention to Oleft(n^{1.5}dright) from Oleft(n^2dright) for s')).toEqual([
      'Oleft(n^{1.5}dright)',
      'Oleft(n^2dright)',
    ]);
    expect(formulasIn('scaled by √d_k, with QK^T.')).toEqual(['√d_k', 'QK^T']);
  });

  it('leaves words, hyphens, acronyms in brackets and links alone', () => {
    expect(formulasIn('Multi-Head Attention (MHA) with GPT-4 and LLMs (e.g. ours), see https://x.org/a_b')).toEqual([]);
  });
});

describe('formulaSearchWords', () => {
  it('adds the key, the key of what a function applies to, and the separate letters and numbers', () => {
    expect(formulaSearchWords('Reducing the O(n^2) Cost')).toEqual(expect.arrayContaining(['on2', 'n2', 'n', '2']));
    expect(formulaSearchWords('in \\(O(n \\log n)\\) time')).toEqual(expect.arrayContaining(['onlogn', 'nlogn', 'log']));
  });

  it('adds nothing for text without formulas, or for a formula of one letter', () => {
    expect(formulaSearchWords('Plain words about attention.')).toEqual([]);
    expect(formulaSearchWords('a set \\(x\\) of tokens')).toEqual([]);
  });
});

describe('searchQuery', () => {
  it('replaces each formula in a query by its key and keeps the other words', () => {
    expect(searchQuery('O(n log n) attention')).toBe('onlogn attention');
    expect(searchQuery('sparse O(nlogn)')).toBe('sparse onlogn');
    expect(searchQuery('x_2')).toBe('x2');
    expect(searchQuery('QK^\\top scaling')).toBe('qkt scaling');
    expect(searchQuery('\\(d^{-1/2}\\)')).toBe('d12');
    expect(searchQuery('7× speedup')).toBe('7x speedup');
  });

  it('leaves plain words and quoted phrases as typed, but for a hyphen between letters', () => {
    expect(searchQuery('attention sink')).toBe('attention sink');
    // Written either way, the words find the same papers.
    expect(searchQuery('KV-cache self-attention')).toBe('KV cache self attention');
    // A prefix that is no word of its own stays on its word, or it would find every word it starts.
    expect(searchQuery('person re-identification with Bi-Level multi-head self-attention')).toBe(
      'person re-identification with Bi-Level multi-head self attention',
    );
    // So does a short word that makes a term with the next: "in" alone would find "input" and "infinite".
    expect(searchQuery('in-context learning on-device')).toBe('in-context learning on-device');
    // A word of one letter keeps its hyphen: alone, the letter would be dropped.
    expect(searchQuery('top-k k-means x-ray')).toBe('top-k k-means x-ray');
    // A hyphen pasted from a PDF (U+2010) is read as the one a keyboard types.
    expect(searchQuery('self\u2010attention re\u2010identification')).toBe('self attention re-identification');
    expect(searchQuery('"KV-cache"')).toBe('"KV-cache"');
    expect(searchQuery('"O(n^2) cost"')).toBe('"O(n^2) cost"');
  });
});

describe('phraseVariants', () => {
  it('joins a quoted phrase with hyphens, or splits it at them', () => {
    expect(phraseVariants('"KV cache"')).toEqual(['"KV-cache"']);
    expect(phraseVariants('"KV-cache"')).toEqual(['"KV cache"']);
    expect(phraseVariants('"long context window"')).toEqual(['"long-context window"', '"long context-window"', '"long-context-window"']);
  });

  it('offers nothing for words that are not one quoted phrase', () => {
    expect(phraseVariants('KV cache')).toEqual([]);
    expect(phraseVariants('"attention"')).toEqual([]);
  });
});
