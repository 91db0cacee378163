// Formulas in search results: Pagefind holds their TeX source, and the search page shows what a reader can read.
import { describe, expect, it } from 'vitest';
import { readableTex } from '../../plugins/papershelf/src/client/readable-tex.ts';
import { abstractExcerpt } from '../../plugins/papershelf/src/client/result-excerpt.ts';

describe('readableTex', () => {
  it.each([
    ['7\\times', '7×'],
    ['O(n^2)', 'O(n²)'],
    ['\\mathcal{O}(n \\log n)', 'O(n log n)'],
    ['\\mathbb{R}^d', 'ℝᵈ'],
    ['x_{t+1}', 'xₜ₊₁'],
    ['QK^T', 'QKᵀ'],
    ['e^{-x}', 'e⁻ˣ'],
    ['\\frac{1}{\\sqrt{d_k}}', '1/√dₖ'],
    ['\\frac{n+1}{2}', '(n+1)/2'],
    ['\\alpha=0.5, \\Omega(n)', 'α=0.5, Ω(n)'],
    ['\\left(x\\right) \\leq \\epsilon', '(x) ≤ ε'],
    ['\\text{softmax}(x)', 'softmax(x)'],
    ['5\\%', '5%'],
  ])('reads %s as %s', (tex, shown) => {
    expect(readableTex(tex)).toBe(shown);
  });

  it('keeps what has no plain form: a script Unicode lacks, an unknown command', () => {
    expect(readableTex('O(n^{1.5}d)')).toBe('O(n^(1.5)d)');
    expect(readableTex('W_{Q}')).toBe('W_Q');
    expect(readableTex('the \\rat layer')).toBe('the \\rat layer');
  });

  it('leaves text that is not TeX as it is: names with underscores, addresses, C++', () => {
    for (const text of [
      'snake_case and file_name',
      'C++ and GPT-4',
      'code at https://github.com/a/model_v2 and www.x.org/a_1',
      'plain words',
    ])
      expect(readableTex(text)).toBe(text);
  });
});

describe("an excerpt's formulas", () => {
  it('read as Unicode, with the matched word still marked', () => {
    const content = 'Title. the RAT layer achieves a 7\\times improvement with O(n^2) memory.';
    const words = content.split(' ');
    const parts = abstractExcerpt({ content, locations: [words.indexOf('improvement')], anchors: [{ id: 'abstract-text', location: 1 }] });
    expect(parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('')).toBe(
      'the RAT layer achieves a 7× [improvement] with O(n²) memory.',
    );
  });
});
