import katex from 'katex';
import { decodeTextEscapes, splitTex } from './tex-segments.ts';
import { katexOptions, type KatexMacros } from './katex-options.ts';
import { recordMathFailure } from './math-report.ts';
import { escapeHtml } from './escape-html.ts';
import { searchableMathHtml } from './searchable-math.ts';

/** Where a piece of plain text with math comes from, for the math report. */
export interface TexSource {
  file: string;
  line?: number | undefined;
}

/**
 * Renders plain text with formulas (a paper title) to HTML: the text is
 * escaped, so markup in it is shown and never executed; each formula goes
 * through KaTeX. A formula KaTeX rejects is reported and shown as its source.
 */
export function renderInlineTex(text: string, macros: KatexMacros = {}, source?: TexSource): string {
  return splitTex(text)
    .map((segment) => {
      if (segment.type === 'text') return escapeHtml(decodeTextEscapes(segment.value));
      try {
        return searchableMathHtml(katex.renderToString(segment.value, { ...katexOptions(macros), displayMode: false, throwOnError: true }), segment.value);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (source) recordMathFailure({ file: source.file, line: source.line, message });
        return `<span class="katex-error" title="${escapeHtml(message)}">${escapeHtml(segment.raw)}</span>`;
      }
    })
    .join('');
}
