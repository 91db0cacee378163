import type { ImportedPaper } from './imported-paper.ts';

/** A record that could not be imported, at its line in the source file. */
export interface RecordProblem {
  line: number;
  message: string;
}

/** What a reader of an outside format found: the papers, and every record it could not use. */
export interface ImportResult {
  papers: ImportedPaper[];
  problems: RecordProblem[];
  /** What the reader says of the file as a whole that is no fault in it (an empty query, one page of many). */
  notes?: string[];
}

/** A function from a character offset of `text` to its 1-based line: line starts found once, then binary-searched. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * Text as one line: the line breaks and indentation a feed wraps long values
 * with, undone; composed Unicode (NFC), so "ü" is one character whatever the
 * source wrote, and compares and slugs the same.
 */
export function unwrap(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * An abstract as one line a paragraph: each paragraph (lines apart by a
 * blank line) unwrapped, the paragraphs apart by a blank line, as a paper
 * file's body keeps them.
 */
export function unwrapParagraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map(unwrap)
    .filter(Boolean)
    .join('\n\n');
}
