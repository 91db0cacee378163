import { splitTex } from '../markdown/tex-segments.ts';
import { cutAtWord, endsSentence } from './text-cut.ts';

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
      if (
        (c === '.' || c === '!' || c === '?') &&
        /^\s+[\p{Lu}\p{N}("“\\$]/u.test(value.slice(i + 1)) &&
        endsSentence(out, value.slice(i + 1))
      ) {
        return cut(out, limit);
      }
    }
  }
  return cut(out.trim(), limit);
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : cutAtWord(text, limit);
}
