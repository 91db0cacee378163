import { countOf } from '../text/count-of.ts';

/**
 * The body `papershelf new` writes, for the author to replace. An import
 * fills a file still holding it with the record's abstract; `check` notes a
 * file still holding it and the build's log names it, without failing: `new`
 * writes a file that passes `check` as written.
 */
export const newPaperPlaceholder = 'Write the abstract here. Formulas render: \\(x^2\\) or $x^2$ inline, \\[ \\sum_i x_i \\] on their own.';

/** The index (from 0) of the first line of `source`, from `fromLine` on, that is still the placeholder; -1 if none is. */
export function placeholderLineIndex(source: string, fromLine = 0): number {
  return source.split(/\r?\n/).findIndex((line, i) => i >= fromLine && line.trim() === newPaperPlaceholder);
}

/** The build log's line for papers published with the placeholder as their abstract, if any are. */
export function placeholderReport(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  return [
    `papers: ${countOf(files.length, 'paper')} published with the placeholder abstract \`papershelf new\` wrote: ${files.join(', ')}; write the abstract in its place, or set \`draft: true\` until then`,
  ];
}
