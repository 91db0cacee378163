import { decodeTextEscapes, splitTex } from '../markdown/tex-segments.ts';

/**
 * Plain text from outside (an abstract) as Markdown that renders to exactly
 * that text: every character Markdown could read as markup is escaped, and
 * formulas are kept as written so they still render. Text like `<script>`,
 * `{x}`, `*` or a stray `$` ends up as text on the page; LaTeX's `\%` reads `%`.
 */
export function textToMarkdown(text: string): string {
  return splitTex(text)
    .map((segment) => (segment.type === 'math' ? segment.raw : escapeMarkdownText(decodeTextEscapes(segment.value))))
    .join('')
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+](?=[\s-]|$))/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function escapeMarkdownText(text: string): string {
  return text
    .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
    .replace(/[`*_\]<>$~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // `\[` would open display math, so an opening bracket is written as a character reference.
    .replace(/\[/g, '&#91;')
    .replace(/\s*\n\s*/g, ' ');
}
