import type { MathMark } from './math-marks.ts';

/**
 * The build's math report as lines: each failed formula once as
 * `file:line: message` (a title's formula is on many pages; it is one
 * failure), sorted by file and line, then a count.
 */
export function formatMathReport(marks: readonly MathMark[]): string[] {
  const unique = [...new Map(marks.map((mark) => [`${mark.source}\n${mark.message}`, mark])).values()];
  const place = (mark: MathMark) => /^(.*?)(?::(\d+))?$/.exec(mark.source)!;
  const sorted = unique.sort((a, b) => place(a)[1]!.localeCompare(place(b)[1]!) || Number(place(a)[2] ?? 0) - Number(place(b)[2] ?? 0));
  const lines = sorted.map((mark) => `${mark.source}: ${mark.message}`);
  const count = unique.length;
  lines.push(
    count === 0
      ? 'math: every formula rendered'
      : `math: ${count} formula${count === 1 ? '' : 's'} failed to render; ${count === 1 ? 'it shows' : 'they show'} as TeX source on the page, so fix the TeX at the lines above`,
  );
  return lines;
}
