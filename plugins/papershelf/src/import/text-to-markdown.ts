import { decodeTextEscapes, splitTex, type TexSegment } from '../markdown/tex-segments.ts';

/**
 * Plain text from outside (an abstract) as Markdown that renders to exactly
 * that text: every character Markdown could read as markup is escaped, and
 * formulas are kept as written so they still render. Text like `<script>`,
 * `{x}`, `*` or a stray `$` ends up as text on the page; LaTeX's `\%` reads `%`.
 */
export function textToMarkdown(text: string): string {
  // A blank line parts paragraphs (an abstract's second one); any other line break is a wrap, read as a space.
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(paragraphToMarkdown)
    .join('\n\n');
}

function paragraphToMarkdown(text: string): string {
  return formulasOf(text)
    .map((segment) => (segment.type === 'math' ? segment.raw : escapeMarkdownText(decodeTextEscapes(segment.value))))
    .join('')
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=[\s-]|$))/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * The text's formulas, with a dollar sign that only looked like a formula's
 * opener read as a dollar: a formula between `$`s never holds another `$`,
 * so in "costs $5 and $10 a query of $p = c_i$ tokens" the first two are
 * prices and `$p = c_i$` is the formula (as written they made one formula
 * from `5` to `c_i`, which no renderer can read).
 */
function formulasOf(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let rest = text;
  for (;;) {
    const found = splitTex(rest);
    const at = found.findIndex((s) => s.type === 'math' && /^\$(?!\$)/.test(s.raw) && /(?:^|[^\\])\$/.test(s.value));
    if (at < 0) return [...segments, ...found];
    segments.push(...found.slice(0, at), { type: 'text', value: '$' });
    rest = found
      .slice(at)
      .map((s) => (s.type === 'math' ? s.raw : s.value))
      .join('')
      .slice(1);
  }
}

/** Web addresses, without the sentence punctuation that may follow them. */
const urlPattern = /https?:\/\/[^\s<>]+?(?=[.,;:!?)\]'"]*(?:\s|$))/g;

/**
 * Escapes a run of text. Web addresses become `<…>` autolinks instead: GFM
 * takes a backslash inside a bare URL as part of the URL, so escaping
 * `Retrieval_Head` there would break both the link and its text.
 */
function escapeMarkdownText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    if (match.index < last) continue;
    let url = match[0];
    // `…/Attention_(machine_learning)`: a closing parenthesis the address opened is the address's, not the sentence's.
    while (text[match.index + url.length] === ')' && (url.match(/\(/g) ?? []).length > (url.match(/\)/g) ?? []).length) url += ')';
    out += escapeRun(text.slice(last, match.index)) + `<${url}>`;
    last = match.index + url.length;
  }
  return out + escapeRun(text.slice(last));
}

function escapeRun(text: string): string {
  return (
    text
      .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
      .replace(/[`*_\]<>$~|]/g, (c) => `\\${c}`)
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // `\[` would open display math, so an opening bracket is written as a character reference.
      .replace(/\[/g, '&#91;')
      .replace(/\s*\n\s*/g, ' ')
  );
}
