/** The formats `papershelf import` reads. */
export const importFormats = ['daily', 'arxiv', 'bibtex'] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * The format of a file from its content: an Atom `<feed>` is an arXiv API
 * response, a file whose first non-comment line opens an `@entry{` is
 * BibTeX, anything else a daily-papers page.
 */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?<feed[\s>]/.test(start)) return 'arxiv';
  if (/^(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]/.test(start)) return 'bibtex';
  return 'daily';
}
