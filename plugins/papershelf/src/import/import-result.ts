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
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Text as one line: the line breaks and indentation a feed wraps long values
 * with, undone; composed Unicode (NFC), so "ü" is one character whatever the
 * source wrote, and compares and slugs the same.
 */
export function unwrap(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' ').trim().normalize('NFC');
}
