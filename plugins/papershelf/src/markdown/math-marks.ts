import { escapeHtml } from './escape-html.ts';

/**
 * How a failed formula carries its own report on the page it appears on:
 * KaTeX's message and where the formula is written (`file:line`, the file
 * relative to where the build runs). The build's math report reads these
 * marks from the built pages (`readMathMarks`), so a page restored from a
 * cache reports exactly what a fresh render would, and nothing is kept in
 * memory between the renderer and the report.
 */
export interface MathMark {
  /** KaTeX's message. */
  message: string;
  /** `file` or `file:line`. */
  source: string;
}

/** The mark's attributes as hast properties (for rehype plugins). */
export function mathMarkProperties(mark: MathMark): Record<string, string> {
  return { dataMathError: mark.message, dataMathSource: mark.source };
}

/** The mark's attributes as HTML (for formulas rendered outside Markdown, such as titles). */
export function mathMarkAttributes(mark: MathMark): string {
  return ` data-math-error="${escapeHtml(mark.message)}" data-math-source="${escapeHtml(mark.source)}"`;
}

/** Every mark on a page, in page order. */
export function readMathMarks(html: string): MathMark[] {
  const marks: MathMark[] = [];
  for (const [tag] of html.matchAll(/<[a-z]+\s[^>]*data-math-error="[^"]*"[^>]*>/g)) {
    const message = /\sdata-math-error="([^"]*)"/.exec(tag)?.[1];
    const source = /\sdata-math-source="([^"]*)"/.exec(tag)?.[1];
    if (message !== undefined && source !== undefined) marks.push({ message: decodeAttribute(message), source: decodeAttribute(source) });
  }
  return marks;
}

/** A source written as `file:line`, or the file alone when the line is not known. */
export function markSource(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

function decodeAttribute(text: string): string {
  return text.replace(/&#x([0-9a-f]+);|&#(\d+);|&quot;|&amp;|&lt;|&gt;/gi, (entity, hex?: string, dec?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' } as Record<string, string>)[entity.toLowerCase()]!;
  });
}
