// Formulas where KaTeX cannot render them (titles in <title> and meta tags, feeds, the search index and results).
import { describe, expect, it } from 'vitest';
import { readableTex, texToReadableText } from '../../plugins/papershelf/src/text/readable-tex.ts';

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
    ['\\tilde{O}(\\sqrt{T})', 'Õ(√T)'],
    ['\\hat{y} and \\bar{x}', 'ŷ and x̄'],
    ['\\ell_{\\infty}', 'ℓ_∞'],
    ['d_{\\text{model}}', 'd_model'],
    ['\\|\\nabla_\\theta \\mathcal{L}\\|_2', '‖∇_θ L‖₂'],
    ['\\lVert x \\rVert and \\lvert y \\rvert', '‖ x ‖ and | y |'],
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

describe('texToReadableText', () => {
  it('reads the formulas of a title and leaves its text as written, snake_case and all', () => {
    expect(texToReadableText('Sparse top_k routing in $O(n^2)$ with a \\(7\\times\\) speedup')).toBe(
      'Sparse top_k routing in O(n²) with a 7× speedup',
    );
  });
});
