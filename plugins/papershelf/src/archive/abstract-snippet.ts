import { splitTex } from '../markdown/tex-segments.ts';
import { endsSentence, lastSentenceEnd, lastWordEnd, withEllipsis } from './text-cut.ts';

/**
 * The start of an abstract (its first paragraph as `abstractParagraphs` reads
 * it, markup gone) as plain text with its formulas intact, near
 * `limit` characters and never cut inside a formula. It ends at a sentence
 * end when one falls in the second half of the room (then no ellipsis), else
 * at a word with "…" right after it. Markdown escapes are undone, so `\*` reads `*`.
 */
export function abstractSnippet(markdownBody: string, limit = 280): string {
  const paragraph =
    markdownBody
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s*\n\s*/g, ' ') ?? '';
  let length = 0;
  let out = '';
  for (const segment of splitTex(paragraph)) {
    if (segment.type === 'math') {
      if (length > limit) return endAfter(out);
      out += segment.raw;
      length += segment.value.length;
      continue;
    }
    const text = segment.value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    if (length + text.length <= limit) {
      out += segment.value;
      length += text.length;
      continue;
    }
    const room = Math.max(limit - length, 0);
    const sentenceEnd = lastSentenceEnd(segment.value, room + 1);
    if (sentenceEnd > 0 && sentenceEnd > room * 0.5) return `${out}${segment.value.slice(0, sentenceEnd)}`.trim();
    const wordEnd = lastWordEnd(segment.value, room);
    // No word of this text fits: end after what came before it (a formula), or mid-word if nothing did.
    if (wordEnd < 0 && out.trim() === '') return withEllipsis(segment.value.slice(0, room));
    return endAfter(`${out}${segment.value.slice(0, Math.max(wordEnd, 0))}`);
  }
  return out.trim();
}

/** Text that stops before the rest of the abstract: as it is at a sentence end, else with "…". */
function endAfter(text: string): string {
  const trimmed = text.trimEnd();
  return endsSentence(trimmed, '') ? trimmed : withEllipsis(trimmed);
}
