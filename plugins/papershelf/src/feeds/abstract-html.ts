import katex from 'katex';
import { splitTex } from '../markdown/tex-segments.ts';
import { escapeHtml } from '../markdown/escape-html.ts';
import { katexOptions, type KatexMacros } from '../markdown/katex-options.ts';

/**
 * An abstract (plain text, formulas with their delimiters) as HTML for feed
 * readers: text escaped, each formula as MathML only (no KaTeX CSS exists in
 * a reader), with its TeX in `alttext` and in the MathML annotation, so a
 * reader without MathML can still show the source. A formula KaTeX rejects
 * stays as its TeX.
 */
export function abstractFeedHtml(abstract: string, macros: KatexMacros = {}): string {
  const html = splitTex(abstract)
    .map((segment) => {
      if (segment.type === 'text') return escapeHtml(segment.value);
      try {
        const mathml = katex.renderToString(segment.value, { ...katexOptions(macros), displayMode: segment.display, output: 'mathml', throwOnError: true });
        return mathml.replace('<math ', `<math alttext="${escapeHtml(segment.value)}" `);
      } catch {
        return escapeHtml(segment.raw);
      }
    })
    .join('');
  return `<p>${html}</p>`;
}
