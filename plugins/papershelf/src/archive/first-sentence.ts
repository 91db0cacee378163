import { splitTex } from '../markdown/tex-segments.ts';

/** Words after which a period does not end a sentence. */
const abbreviations = /(?:^|[\s(])(?:e\.g|i\.e|et al|vs|cf|etc|fig|figs|eq|eqs|sec|no|approx|resp|ca|dr|prof|mr|ms|st|[A-Z])\.$/i;

/**
 * The first sentence of plain text (formulas kept whole), for descriptions
 * and link previews; cut at a word near `limit` characters, with "…",
 * when the sentence is longer.
 */
export function firstSentence(text: string, limit = 300): string {
  let out = '';
  for (const segment of splitTex(text.trim())) {
    if (segment.type === 'math') {
      out += segment.raw;
      continue;
    }
    const value = segment.value;
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      out += c;
      if ((c === '.' || c === '!' || c === '?') && /^\s+[\p{Lu}\p{N}("“\\$]/u.test(value.slice(i + 1)) && !(c === '.' && abbreviations.test(out))) {
        return cut(out, limit);
      }
    }
  }
  return cut(out.trim(), limit);
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit);
  return `${text.slice(0, space > limit / 2 ? space : limit).trimEnd()}…`;
}
