import type { KatexOptions } from 'katex';

/** KaTeX macros a site defines once, e.g. `{ '\\R': '\\mathbb{R}' }`. */
export type KatexMacros = Record<string, string>;

/**
 * The one set of KaTeX options for paper bodies and titles. `strict: 'ignore'`
 * keeps KaTeX's LaTeX-compatibility warnings off the console: they are not
 * failures and would drown the math report. KaTeX mutates `macros` when a
 * formula uses `\gdef`, so every call gets its own copy.
 */
export function katexOptions(macros: KatexMacros = {}): KatexOptions {
  return { macros: { ...macros }, strict: 'ignore', output: 'htmlAndMathml', trust: false };
}
