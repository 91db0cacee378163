import { decodeTextEscapes, splitTex } from './tex-segments.ts';
import type { KatexMacros } from './katex-options.ts';
import { renderTex } from './render-tex.ts';
import { markSource, mathMarkAttributes } from './math-marks.ts';
import { escapeHtml } from './escape-html.ts';
import { searchableMathHtml } from './searchable-math.ts';

/** Where a piece of plain text with math comes from, for the mark a failed formula carries. */
export interface TexSource {
  /** The file, relative to where the build runs. */
  file: string;
  line?: number | undefined;
}

/**
 * Renders plain text with formulas (a paper title) to HTML: the text is
 * escaped, so markup in it is shown and never executed; each formula goes
 * through KaTeX. A formula KaTeX rejects is shown as its source, marked with
 * KaTeX's message and its `source` for the build's math report.
 */
export function renderInlineTex(text: string, macros: KatexMacros = {}, source?: TexSource): string {
  return splitTex(text)
    .map((segment) => {
      if (segment.type === 'text') return escapeHtml(decodeTextEscapes(segment.value));
      const rendered = renderTex(segment.value, { macros });
      if (rendered.ok) return searchableMathHtml(rendered.html, segment.value);
      const mark = source ? mathMarkAttributes({ message: rendered.message, source: markSource(source.file, source.line) }) : '';
      return `<span class="katex-error" title="${escapeHtml(rendered.message)}"${mark}>${escapeHtml(segment.raw)}</span>`;
    })
    .join('');
}
