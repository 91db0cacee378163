import { splitTex } from '../markdown/tex-segments.ts';
import { escapeHtml } from '../markdown/escape-html.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { renderTex } from '../markdown/render-tex.ts';

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
      const rendered = renderTex(segment.value, { macros, displayMode: segment.display, output: 'mathml' });
      return rendered.ok ? rendered.html.replace('<math ', `<math alttext="${escapeHtml(segment.value)}" `) : escapeHtml(segment.raw);
    })
    .join('');
  return `<p>${html}</p>`;
}
