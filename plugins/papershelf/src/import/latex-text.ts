import { parse } from '@retorquere/bibtex-parser';
import { splitTex } from '../markdown/tex-segments.ts';

/** Anything LaTeX would read differently from plain text. */
const latexSyntax = /[\\{}~$%&#_^]|--|``|''/;
/** What only the parser reads right, once formulas and literals are set aside and `%`, `$` escaped. */
const parserSyntax = /[\\{}~&#_^]|--|``|''/;

/**
 * LaTeX source of a BibTeX title or abstract as text: formulas kept as
 * written (`$O(n^2)$`); accents, `{BERT}` protection, `\&` and `--` decoded
 * by @retorquere/bibtex-parser; `\url{…}` as the address and `\href{…}{text}`
 * as "text (address)"; a raw `%`, `<` or `>` as itself; a command the parser
 * does not know (`\ref{sec:x}`) as written; and a literal dollar escaped so
 * it stays text.
 */
export function latexToText(latex: string): string {
  if (!latex) return '';
  // Text with nothing LaTeX would change (most abstracts) skips the parser, which costs a fraction of a millisecond a field.
  if (!latexSyntax.test(latex)) return latex.normalize('NFC');
  const kept: string[] = [];
  const keep = (raw: string) => `PSKEPT${kept.push(raw) - 1}X`;
  const source = splitTex(latex)
    .map((segment) => (segment.type === 'math' ? keep(segment.raw) : keepLiterals(segment.value, keep)))
    .join('');
  const text = decodeWords(source, keep);
  const restore = (value: string): string => value.replace(/PSKEPT(\d+)X/g, (_, i: string) => restore(kept[Number(i)]!));
  return restore(composeDotlessAccents(text).replace(/\$/g, '\\$'));
}

/**
 * Text that is plain but may carry LaTeX accents, links and styling, as
 * arXiv's titles, names and abstracts do (`Schr\"odinger`, `\url{https://…}`,
 * `\emph{Optimistic}`, `R\&D`, ``` ``quoted'' ```, `Yang--Mills`, `vs.\ ALiBi`, `Fig.~3`): those decoded as
 * `latexToText` decodes them (styling as its text), everything else as
 * written. arXiv's `_` and `\%`, and a `~` that ties no words, are the author's plain text, so the
 * whole text never goes through the parser; formulas are never touched.
 */
export function decodeAccentsAndLinks(text: string): string {
  if (!/[\\`~]|--/.test(text)) return text;
  return splitTex(text)
    .map((segment) =>
      segment.type === 'math'
        ? segment.raw
        : withoutStyling(replaceLinks(segment.value, (url) => url))
            // Old font switches in a group (`{\em giant}`, `{\bf x}`) as their text.
            .replace(/\{\\(?:em|it|bf|sl|sc|tt|rm|sf)\s+([^{}]*)\}/g, '$1')
            .replace(accentPattern, (accent) => latexToText(accent))
            .replace(/\\&/g, '&')
            .replace(/``/g, '“')
            .replace(/''/g, '”')
            // TeX's dashes (`Yang--Mills`, `---`) and its spaces after a full stop that ends no sentence (`vs.\ ALiBi`).
            .replace(/(?<!-)---(?!-)/g, '—')
            .replace(/(?<!-)--(?!-)/g, '–')
            .replace(/\\ /g, ' ')
            // TeX's tie, a space no line breaks at (`fine-tuning~(SFT)`, `Fig.~3`), between a word and the next;
            // a web address's tilde (`…/~user`) follows a slash, and `~5%` a space.
            .replace(/(?<=[\p{L}\p{N}.,)\]])~(?=[\p{L}\p{N}([])/gu, (tie, at: number, whole: string) =>
              /https?:\/\/\S*$/.test(whole.slice(0, at)) ? tie : ' ',
            ),
    )
    .join('');
}

/** `\emph{x}`, `\textbf{x}`, `\texttt{x}` and the other text styles as `x`: a page, a file name and a search read the words. */
function withoutStyling(text: string): string {
  const styled =
    /\\(?:emph|textit|textbf|texttt|textsc|textrm|textsf|textsl|textup|textnormal|underline|mbox)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g;
  let previous;
  // Styles nest (`\textbf{\emph{x}}`): each pass takes off the outermost it can match.
  while (previous !== text) [previous, text] = [text, text.replace(styled, '$1')];
  return text;
}

/**
 * `ı` or `ȷ` under a combining accent (what `{\'\i}` decodes to) as `i` or `j`, then composed:
 * `Garc{\'\i}a` and `Garc{\'i}a` are then the same string, "García".
 */
export function composeDotlessAccents(text: string): string {
  return text
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .replace(/ȷ(?=[\u0300-\u036f])/g, 'j')
    .normalize('NFC');
}

const letter = String.raw`(?:\{\s*(?:\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|\\[ij](?![A-Za-z])|[A-Za-z])`;
const accent = String.raw`\\[\x60'^"~=.]\s*${letter}|\\[uvHcdkr](?![A-Za-z])\s*${letter}`;
const specialLetter = String.raw`\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L)(?![A-Za-z])`;
/** One accented or special letter as LaTeX writes it, braced or not: `\"o`, `{\'e}`, `\v{r}`, `\'{\i}`, `{\ss}`, `\l{}`. */
const accentPattern = new RegExp(String.raw`\{\s*(?:${accent}|${specialLetter})\s*\}|${accent}|${specialLetter}\{\}`, 'g');

/**
 * `\url{address}` as the address and `\href{address}{text}` as "text (address)",
 * the address given to `address` first (the parser would make them HTML).
 */
function replaceLinks(text: string, address: (url: string) => string): string {
  return text
    .replace(/\\url\{([^{}\s]*)\}/g, (_, url: string) => address(url))
    .replace(/\\href\{([^{}\s]*)\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, url: string, label: string) =>
      label.trim() === url ? address(url) : `${label} (${address(url)})`,
    );
}

/** Logos, and the tilde Mendeley writes as `{\~{}}`: their plain text (the parser gives `LᴬTEX` and a combining tilde). */
const plainWords: [RegExp, string][] = [
  [/\\LaTeXe(?![A-Za-z])(?:\{\})?/g, 'LaTeX2e'],
  [/\\(La|Bib)?TeX(?![A-Za-z])(?:\{\})?/g, '$1TeX'],
  [/\{?\\(?:~|textasciitilde)\s*\{\}\}?/g, '~'],
];
/** Old font switches (`{\bf x}`, `{\tt x}`) and underlining, which style text the archive keeps plain. */
const fontSwitches =
  /\\(?:bf|it|sl|sc|tt|rm|sf|em|bfseries|mdseries|itshape|upshape|slshape|scshape|ttfamily|sffamily|rmfamily|normalfont)(?![A-Za-z])\s*/g;
/** Citations and cross-references: kept as written, as the parser would leave only the key (`smith2020`) as a word. */
const keptAsWritten = new Set([
  'cite',
  'citep',
  'citet',
  'citealp',
  'citealt',
  'citeauthor',
  'citeyear',
  'parencite',
  'textcite',
  'autocite',
  'nocite',
]);

/**
 * Hides from the parser what a BibTeX field means literally: link addresses,
 * citations, and `<`, `>` (which it would typeset in the OT1 encoding, as `¡`
 * and `¿`). A raw `%` is escaped, as the parser would read it as a comment and
 * drop the rest of the field, and so is a dollar that opens no formula
 * (`costs $5 and $10`), which it would read as one.
 */
function keepLiterals(text: string, keep: (raw: string) => string): string {
  let plain = keepCommands(replaceLinks(text, keep), keptAsWritten, keep);
  for (const [pattern, word] of plainWords) plain = plain.replace(pattern, (...match) => keep(word.replace('$1', match[1] ?? '')));
  return (
    plain
      .replace(fontSwitches, '')
      .replace(/\\u(?:nder)?line\s*\{/g, '{')
      // TeX's control space after a full stop that ends no sentence (`vs.\ RNNs`, `J.\ Mach.`) is a space.
      .replace(/\\[\s\S]|[%$]/g, (token) => (token.length === 1 ? `\\${token}` : /^\\\s$/.test(token) ? ' ' : token))
      .replace(/[<>]/g, keep)
  );
}

/** Each use of a command the parser does not know, with the `[…]` and `{…}` groups right after it, kept as written. */
function keepCommands(text: string, names: Set<string>, keep: (raw: string) => string): string {
  const escaped = [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const command = new RegExp(String.raw`\\(?:${escaped.join('|')})(?![A-Za-z])`, 'g');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(command)) {
    if (match.index < last) continue;
    const end = argumentsEnd(text, match.index + match[0].length);
    out += text.slice(last, match.index) + keep(text.slice(match.index, end));
    last = end;
  }
  return out + text.slice(last);
}

/** Where the `[…]` and balanced `{…}` groups that directly follow `from` end. */
function argumentsEnd(text: string, from: number): number {
  let end = from;
  for (;;) {
    const close = text[end] === '{' ? '}' : text[end] === '[' ? ']' : undefined;
    if (!close) return end;
    let depth = 0;
    let i = end;
    for (; i < text.length; i++) {
      if (text[i] === '\\') i += 1;
      else if (text[i] === text[end]) depth += 1;
      else if (text[i] === close && --depth === 0) break;
    }
    if (i >= text.length) return end;
    end = i + 1;
  }
}

/**
 * The parser's reading of `source`, asking it only about the words that need
 * it. The parser reads about 0.06 ms a word, so an abstract of 250 words with
 * one `M{\"u}ller` took 15 ms, most of a BibTeX import's time; the words
 * with LaTeX in them go to it together, in one call, and the others stay as
 * they are. A word is cut at spaces outside braces, and a command keeps the
 * space after it (`\ss e`), as LaTeX reads them; should the parser's answer
 * not split back into those words, it reads the whole text instead.
 */
function decodeWords(source: string, keep: (raw: string) => string): string {
  const plain = (word: string) => word.replace(/\\([%$])/g, '$1');
  const words = latexWords(source);
  const needing = words.filter((word) => parserSyntax.test(word.text.replace(/\\[%$]/g, '')));
  if (needing.length === 0) return plain(source);
  const decoded = decodeWhole(needing.map((word) => word.text).join(' PSWORD '), keep).split(/\s*PSWORD\s*/);
  if (decoded.length !== needing.length) return decodeWhole(source, keep);
  const byWord = new Map(needing.map((word, i) => [word, decoded[i]!]));
  return words.map((word) => (byWord.get(word) ?? plain(word.text)) + word.space).join('');
}

/** Source cut into words at whitespace outside braces, each with the whitespace after it. */
function latexWords(source: string): { text: string; space: string }[] {
  const words: { text: string; space: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i += 1;
    else if (c === '{') depth += 1;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(c)) {
      const text = source.slice(start, i);
      // A command takes the space after it (`\ss e` is "ße", `\" o` is "ö"): the word goes on.
      if (/\\(?:[A-Za-z]+|[^A-Za-z\s])$/.test(text)) continue;
      let end = i;
      while (end < source.length && /\s/.test(source[end]!)) end++;
      words.push({ text, space: source.slice(i, end) });
      start = end;
      i = end - 1;
    }
  }
  words.push({ text: source.slice(start), space: '' });
  return words;
}

/** The parser's reading of the whole of `source`, commands it does not know kept as written. */
function decodeWhole(source: string, keep: (raw: string) => string): string {
  let decoded = decodeLatex(source);
  if (decoded.unknownCommands.size > 0) decoded = decodeLatex(keepCommands(source, decoded.unknownCommands, keep));
  return decoded.text === undefined ? source : stripMarkup(decoded.text);
}

/** The parser's reading of a field's LaTeX, and the names of the commands it did not know. */
function decodeLatex(source: string): { text: string | undefined; unknownCommands: Set<string> } {
  const unknownCommands = new Set<string>();
  const library = parse(`@misc{x, title = {${source}}}`, {
    sentenceCase: false,
    english: false,
    unsupported: (node, tex) => {
      if (node.type === 'macro') unknownCommands.add(node.content);
      return tex;
    },
  });
  const title = library.entries[0]?.fields.title;
  return { text: typeof title === 'string' ? title : undefined, unknownCommands };
}

/** The parser marks emphasis and case protection with a few HTML elements; the archive keeps plain text. */
function stripMarkup(text: string): string {
  return text
    .replace(/<\/?(?:i|b|em|strong|sup|sub|sc|span|code|u|tt)(?:\s[^>]*)?>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
