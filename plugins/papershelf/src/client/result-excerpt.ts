import { formulaKey } from '../search/formula-words.ts';

// A search result's excerpt, taken from the paper's abstract only: Pagefind's own excerpt may start in the title
// (and repeat it), end mid-sentence with no sign of the cut, and mark a word's punctuation with the word.

/** What the excerpt needs of a Pagefind result (its fragment's text, the matched words and the page's ids). */
export interface ExcerptSource {
  content: string;
  /** Indexes of matched words in `content`, split as Pagefind splits it. */
  locations: readonly number[];
  anchors?: readonly { id: string; location: number }[] | undefined;
}

/** A run of excerpt text, marked when it is a matched word. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

// Pagefind's word boundaries (its `word_separators`), so that its word numbers index the same words.
const wordSeparators = /[^\S\uFEFF]+/;

/** Where the paper page marks its abstract's start and end (see the paper route). */
export const abstractAnchors = { start: 'abstract-text', end: 'formula-words' } as const;

/**
 * About `length` whole words of the abstract around its densest run of
 * matches, or its opening words when only the title or authors matched; an
 * ellipsis where the abstract goes on before or after. Only a matched word's
 * letters and digits are marked, not the punctuation around them. Formulas
 * are in the index as text already (`7×`, see searchable-math.ts).
 */
export function abstractExcerpt(source: ExcerptSource, length = 36): ExcerptPart[] {
  const words = source.content.split(wordSeparators);
  const anchor = (id: string) => source.anchors?.find((a) => a.id === id)?.location;
  const start = anchor(abstractAnchors.start) ?? 0;
  const end = Math.min(anchor(abstractAnchors.end) ?? words.length, words.length);
  if (end <= start) return [];
  let inside = [...new Set(source.locations)].filter((at) => at >= start && at < end).sort((a, b) => a - b);
  // Only formula keys matched (`onlogn`, in the hidden list after the abstract): the formula they are of is in the
  // abstract as readable text (`O(n log n)`), and the excerpt is taken around it.
  if (inside.length === 0)
    inside = formulaLocations(
      words,
      start,
      end,
      source.locations.filter((at) => at >= end),
    );
  let from = Math.max(start, Math.min(densestStart(inside, length), end - length));
  // Begin at a sentence's start when one begins between the window's start and its first match.
  const firstMatch = inside.find((at) => at >= from);
  if (firstMatch !== undefined) {
    for (let at = firstMatch - 1; at >= from; at--) {
      if (/[.!?]$/.test(words[at]!)) {
        from = at + 1;
        break;
      }
    }
  }
  const to = Math.min(end, from + length);
  const marked = new Set(inside);
  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked = false) => {
    const last = parts.at(-1);
    if (last && !last.marked && !isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (from > start) push('… ');
  for (let at = from; at < to; at++) {
    const word = words[at]!;
    if (at > from) push(' ');
    const core = marked.has(at) ? /^([^\p{L}\p{N}]*)(.*?[\p{L}\p{N}])([^\p{L}\p{N}]*)$/u.exec(word) : null;
    if (!core) push(word);
    else {
      if (core[1]) push(core[1]);
      push(core[2]!, true);
      if (core[3]) push(core[3]);
    }
  }
  if (to < end) push(/[.!?]$/.test(words[to - 1]!) ? ' …' : '…');
  return parts;
}

/**
 * The words of the abstract (`start` to `end`) that spell a matched formula
 * key of the hidden list: a run of up to eight words whose key is the key.
 * Keys of one character (a formula's single letters) are left out: they would
 * mark every `n`.
 */
function formulaLocations(words: readonly string[], start: number, end: number, keyLocations: readonly number[]): number[] {
  const keys = new Set(keyLocations.map((at) => words[at] ?? '').filter((key) => key.length > 1));
  const found = new Set<number>();
  for (let from = start; from < end && keys.size > 0; from++) {
    let text = '';
    for (let to = from; to < Math.min(end, from + 8); to++) {
      text += `${words[to]} `;
      if (!keys.has(formulaKey(text))) continue;
      for (let at = from; at <= to; at++) found.add(at);
      break;
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Where a window of `length` words holding the most matches starts, a few words before its first match. */
function densestStart(locations: readonly number[], length: number): number {
  if (locations.length === 0) return 0;
  let best = locations[0]!;
  let bestCount = 0;
  for (let i = 0, j = 0; i < locations.length; i++) {
    while (j < locations.length && locations[j]! < locations[i]! + length - 8) j++;
    if (j - i > bestCount) [best, bestCount] = [locations[i]!, j - i];
  }
  return Math.max(0, best - 8);
}
