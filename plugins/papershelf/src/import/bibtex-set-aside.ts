// Long free-text fields taken out of a .bib file before it is parsed, and given back after.

/** What `setAsideAbstracts` leaves the parser, and how to have a value back. */
export interface SetAside {
  /** The file with each abstract's value replaced by a short mark, with the value's line breaks. */
  text: string;
  /** A field's value with any mark in it replaced by the text it stands for. */
  restore: (value: string) => string;
}

const mark = /PSABSTRACT(\d+)X/g;

/**
 * Takes each `abstract = {…}` (or `"…"`) value out of the file. The parser
 * (@retorquere/bibtex-parser) runs every field, verbatim ones too, through a
 * LaTeX grammar at about 0.06 ms a word: a library's abstracts, 200 words
 * each, were 12 of the 13 ms an entry took to read (150 s for 10,000
 * entries). The abstract is read afterwards by `latexToText` as before. Each
 * mark keeps the line breaks of the value it stands for, so every line
 * number the parser and the import report stays right. A value whose braces
 * never close is left to the parser, which reports it.
 */
export function setAsideAbstracts(text: string): SetAside {
  const values: string[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/\babstract\s*=\s*([{"])/gi)) {
    const open = match.index + match[0].length; // just after the opening brace or quote
    if (open <= last) continue;
    const close = valueEnd(text, open, match[1] === '"');
    if (close === undefined) continue;
    const value = text.slice(open, close);
    out += `${text.slice(last, open)}PSABSTRACT${values.push(value) - 1}X${value.replace(/[^\n]/g, '')}`;
    last = close;
  }
  return {
    text: out + text.slice(last),
    restore: (value) => value.replace(mark, (_, i: string) => values[Number(i)] ?? ''),
  };
}

/** Where a field's value that starts at `from` ends (its closing brace or quote), as BibTeX counts braces. */
function valueEnd(text: string, from: number, quoted: boolean): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    // BibTeX counts every brace, escaped or not: `\{` too must be balanced.
    if (c === '{') depth += 1;
    else if (c === '}') {
      if (depth === 0) return quoted ? undefined : i;
      depth -= 1;
    } else if (c === '"' && quoted && depth === 0) return i;
    else if (c === '@' && depth === 0 && text[i - 1] === '\n') return undefined; // the next entry: this value never closed
  }
  return undefined;
}
