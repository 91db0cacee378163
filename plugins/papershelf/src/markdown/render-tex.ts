import katex from 'katex';
import { katexOptions, type KatexMacros } from './katex-options.ts';

/** What rendering one formula gave: its HTML, or KaTeX's message. */
export type TexResult = { ok: true; html: string } | { ok: false; message: string };

/** How to render one formula. */
export interface RenderTexOptions {
  /** The site's macros. Required, so that every caller says which macros apply. */
  macros: KatexMacros;
  displayMode?: boolean;
  /** KaTeX's output: HTML and MathML (pages), or MathML alone (feeds). Default both. */
  output?: 'htmlAndMathml' | 'mathml';
  /** Render with `macros` itself, not a copy, so a `\gdef` holds for the formulas rendered after it with the same object. */
  shareMacros?: boolean;
}

/**
 * The one call to KaTeX outside rehype-katex: the archive's KaTeX options
 * (`katexOptions`) with the given macros, and an error as a value, never
 * a throw. Titles, snippets, feeds, `check` and BibTeX all render through it.
 */
export function renderTex(tex: string, options: RenderTexOptions): TexResult {
  try {
    const html = katex.renderToString(tex, {
      ...katexOptions(options.macros),
      ...(options.shareMacros ? { macros: options.macros } : {}),
      displayMode: options.displayMode ?? false,
      output: options.output ?? 'htmlAndMathml',
      throwOnError: true,
    });
    return { ok: true, html };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
