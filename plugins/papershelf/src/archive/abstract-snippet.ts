import { splitTex } from '../markdown/tex-segments.ts';

/**
 * The start of an abstract as plain text with its formulas intact, cut at a
 * sentence (or else a word) end near `limit` characters, never inside a
 * formula. Markdown escapes are undone, so `\*` reads `*`.
 */
export function abstractSnippet(markdownBody: string, limit = 280): string {
  const paragraph = markdownBody.trim().split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, ' ') ?? '';
  let length = 0;
  let out = '';
  for (const segment of splitTex(paragraph)) {
    if (segment.type === 'math') {
      if (length > limit) break;
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
    out += cutText(segment.value, limit - length);
    return `${out.trimEnd()}…`;
  }
  return out.trim();
}

function cutText(text: string, room: number): string {
  const head = text.slice(0, Math.max(room, 0) + 1);
  const sentenceEnd = head.search(/[.!?]\s[^.!?]*$/);
  if (sentenceEnd > room * 0.5) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return space > 0 ? head.slice(0, space) : head;
}
