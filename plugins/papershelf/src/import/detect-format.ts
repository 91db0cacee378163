/** The formats `papershelf import` reads. */
export const importFormats = ['daily', 'arxiv', 'bibtex', 'hf'] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * The format of a file from its content: an Atom `<feed>` is an arXiv API
 * response, a file whose first non-comment line opens an `@entry{` is
 * BibTeX, JSON (a `[` or `{` first) is Hugging Face's daily list, anything
 * else a daily-papers page.
 */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?<feed[\s>]/.test(start)) return 'arxiv';
  // A JSON object is not the list either, but the list's reader says so better than the page's would.
  if (/^(?:\[\s*[{\]]|\{\s*["}])/.test(start)) return 'hf';
  if (/^(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]/.test(start)) return 'bibtex';
  return 'daily';
}
