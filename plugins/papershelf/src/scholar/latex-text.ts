import { renderTex } from '../markdown/render-tex.ts';
import { decodeTextEscapes, splitTex } from '../markdown/tex-segments.ts';

const specials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // BibTeX counts every brace, escaped or not, to find a field's end: braces are written as commands.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Plain text as LaTeX text: every character LaTeX would read as markup is escaped. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}#$%&_~^<>]/g, (c) => specials[c]!);
}

/**
 * A title for a BibTeX field: text escaped for LaTeX, formulas kept as
 * `$…$` (when their braces balance), and words with a capital after their
 * first letter (`LLMs`, `ViT`, `KV-Cache`) braced so bibliography styles
 * do not lower-case them.
 */
export function latexTitle(title: string): string {
  return latexText(title, protectCapitals);
}

/** Text with formulas for a BibTeX field: text escaped for LaTeX, formulas kept as `$…$` when their braces balance. */
export function latexText(text: string, escapeText: (text: string) => string = escapeLatex): string {
  return splitTex(text)
    .map((segment) => {
      if (segment.type === 'math') return safeMath(segment.value) ? `$${segment.value}$` : escapeLatex(segment.raw);
      return escapeText(decodeTextEscapes(segment.value));
    })
    .join('');
}

function protectCapitals(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      const escaped = escapeLatex(word);
      return /^\S\S*$/u.test(word) && /.\p{Lu}/u.test(word.replace(/^[^\p{L}\p{N}]+/u, '')) && !escaped.includes('\\')
        ? `{${escaped}}`
        : escaped;
    })
    .join('');
}

/**
 * A formula is kept as math only when BibTeX sees its braces balanced
 * (BibTeX counts `\{` too) and KaTeX renders it: KaTeX knows no `\input`
 * or `\write18`, so TeX from outside cannot run commands in someone's LaTeX.
 */
function safeMath(tex: string): boolean {
  let depth = 0;
  for (const c of tex) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  if (depth !== 0) return false;
  // No site macros on purpose: the entry is read by someone else's LaTeX, which knows none of them,
  // so a formula that needs them stays text rather than breaking their document.
  return renderTex(tex, { macros: {} }).ok;
}
