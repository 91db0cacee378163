/** A run of plain text or one formula within a line of plain text. */
export type TexSegment = { type: 'text'; value: string } | { type: 'math'; value: string; display: boolean; raw: string };

/**
 * Splits plain text (a title, an imported abstract) into text and formulas
 * with the same rules as the Markdown constructs: `\(…\)`, `\[…\]`, `$$…$$`,
 * and Pandoc's `$…$` (non-space inside both dollars, no digit after the
 * closing one). A backslash takes the next character with it, so `\$` and
 * `\\(` are text; an opener without a closer is text.
 */
export function splitTex(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let textStart = 0;
  let i = 0;
  // Only a backslash or a dollar can open a formula or escape a character: the loop jumps from one to the next.
  const opener = /[\\$]/g;
  while (i < text.length) {
    opener.lastIndex = i;
    if (!opener.test(text)) break;
    i = opener.lastIndex - 1;
    const formula = formulaAt(text, i);
    if (formula) {
      if (i > textStart) segments.push({ type: 'text', value: text.slice(textStart, i) });
      segments.push(formula.segment);
      i = formula.end;
      textStart = i;
    } else {
      i += text[i] === '\\' ? 2 : text.startsWith('$$', i) ? 2 : 1;
    }
  }
  if (textStart < text.length) segments.push({ type: 'text', value: text.slice(textStart) });
  return segments;
}

/** Whether any formula stands in the text. */
export function hasTex(text: string): boolean {
  return splitTex(text).some((s) => s.type === 'math');
}

/**
 * LaTeX's text escapes that sources such as arXiv leave in plain text
 * (`5\%`): outside math they mean the character itself.
 */
export function decodeTextEscapes(text: string): string {
  return text.replace(/\\([%&#_$])/g, '$1');
}

/** The text with each formula as its bare TeX source: readable in `<title>`, meta tags and feeds. */
export function texToPlainText(text: string): string {
  return splitTex(text)
    .map((s) => (s.type === 'math' ? s.value : decodeTextEscapes(s.value)))
    .join('');
}

function formulaAt(text: string, at: number): { segment: TexSegment; end: number } | undefined {
  const next = text[at + 1];
  if (text[at] === '\\' && (next === '(' || next === '[')) {
    return closeAt(text, at, 2, next === '(' ? '\\)' : '\\]', next === '[', () => true);
  }
  if (text[at] !== '$') return undefined;
  // As in Markdown, a `$` right after an unescaped `$` does not open math (`$a$$b$` has one formula).
  if (at > 0 && text[at - 1] === '$' && text[at - 2] !== '\\') return undefined;
  if (next === '$') return closeAt(text, at, 2, '$$', true, () => true);
  if (next === undefined || isMarkdownSpace(next)) return undefined;
  return closeAt(text, at, 1, '$', false, (end, afterSpace) => !afterSpace && !/[0-9]/.test(text[end + 1] ?? ''));
}

const blankLineAt = /^\r?\n[ \t]*\r?\n/;

function closeAt(
  text: string,
  at: number,
  openLength: number,
  closer: string,
  display: boolean,
  mayClose: (closerIndex: number, afterSpace: boolean) => boolean,
): { segment: TexSegment; end: number } | undefined {
  let i = at + openLength;
  let afterSpace = false;
  while (i < text.length) {
    // A blank line ends the paragraph, and a formula with it (only a line break can start one).
    if ((text[i] === '\n' || text[i] === '\r') && blankLineAt.test(text.slice(i, i + 8))) return undefined;
    if (text.startsWith(closer, i) && mayClose(i, afterSpace)) {
      const end = i + closer.length;
      const raw = text.slice(at, end);
      return { segment: { type: 'math', value: text.slice(at + openLength, i).trim(), display, raw }, end };
    }
    // Tracked as Markdown does: an escaped pair is never white space, a lone space or line break is.
    afterSpace = text[i] !== '\\' && isMarkdownSpace(text[i]!);
    i += text[i] === '\\' ? 2 : 1;
  }
  return undefined;
}

/** Markdown's white space: space, tab and line endings (not NBSP, which is text there). */
function isMarkdownSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
