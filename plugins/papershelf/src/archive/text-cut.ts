/** Words after which a period does not end a sentence ("e.g.", "et al.", an initial). */
const abbreviation = /(?:^|[\s(])(?:e\.g|i\.e|et al|vs|cf|etc|fig|figs|eq|eqs|sec|no|approx|resp|ca|dr|prof|mr|ms|st|[A-Z])\.$/i;

/** Characters that may not stand right before an ellipsis: it goes right after a word. */
const trailingPunctuation = /[\s,;:.!?([{'"“‘\-–—/…]+$/u;

/**
 * Whether the `.`, `!` or `?` that ends `before` ends a sentence, given the
 * text `after` it: a space or the end follows, and a period is not an abbreviation's.
 */
export function endsSentence(before: string, after: string): boolean {
  if (!/[.!?]$/.test(before) || !/^(?:\s|$)/.test(after)) return false;
  return !(before.endsWith('.') && abbreviation.test(before));
}

/** The index just after the last sentence end within `text`'s first `room` characters, or -1. */
export function lastSentenceEnd(text: string, room: number): number {
  for (let i = Math.min(room, text.length) - 1; i >= 0; i--) {
    if ('.!?'.includes(text[i]!) && endsSentence(text.slice(0, i + 1), text.slice(i + 1))) return i + 1;
  }
  return -1;
}

/** The index of the last space within `text`'s first `room + 1` characters, where a cut leaves whole words; -1 if none. */
export function lastWordEnd(text: string, room: number): number {
  return text.slice(0, room + 1).lastIndexOf(' ');
}

/**
 * Text that was cut short, with "…" right after its last word: trailing
 * punctuation and a closing abbreviation are dropped, so never ".…", ",…" or "e.g.…".
 */
export function withEllipsis(text: string): string {
  let head = text.trimEnd();
  head = head.replace(abbreviation, '');
  return `${head.replace(trailingPunctuation, '')}…`;
}

/** Text cut at the last word end within `limit` characters (mid-word only when it has no space), with "…". */
export function cutAtWord(text: string, limit: number): string {
  const space = lastWordEnd(text, limit);
  return withEllipsis(space > 0 ? text.slice(0, space) : text.slice(0, limit));
}
