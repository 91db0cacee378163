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

/** How long an excerpt is, in words, and the query it is for (to mark only the part of a word the query matched). */
export interface ExcerptOptions {
  length?: number;
  query?: string;
}

/**
 * About `length` whole words of the abstract around its densest run of
 * matches, or its opening words when only the title or authors matched; an
 * ellipsis where the abstract goes on before or after. Only a matched word's
 * letters and digits are marked, not the punctuation around them, and of a
 * word with punctuation inside (`heads:(1)`, `KV-cache`) only the parts the
 * query matched. Formulas are in the index as text already (`7×`, see
 * searchable-math.ts).
 */
export function abstractExcerpt(source: ExcerptSource, { length = 36, query = '' }: ExcerptOptions = {}): ExcerptPart[] {
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
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  const wanted = queryWords(query);
  if (from > start) push('… ');
  for (let at = from; at < to; at++) {
    const word = words[at]!;
    if (at > from) push(' ');
    const core = marked.has(at) ? /^([^\p{L}\p{M}\p{N}]*)(.*?[\p{L}\p{M}\p{N}])([^\p{L}\p{M}\p{N}]*)$/u.exec(word) : null;
    if (!core) push(word);
    else {
      if (core[1]) push(core[1]);
      for (const part of matchedParts(core[2]!, wanted)) push(part.text, part.marked);
      if (core[3]) push(core[3]);
    }
  }
  if (to < end) {
    // Cut after a sentence: a spaced ellipsis. Cut mid-sentence: the ellipsis takes the place of a comma or a
    // semicolon the word had (`heads;…` reads as `heads…`).
    const last = parts.at(-1)!;
    if (/[.!?]$/.test(words[to - 1]!)) push(' …');
    else {
      if (!last.marked) last.text = last.text.replace(/[\s,;:([–—-]+$/u, '').replace(/[,;:]+([”’"')\]]+)$/u, '$1');
      if (!last.text.endsWith('…')) push('…');
    }
  }
  return parts;
}

/** The query's words, lowercased and without accents: what a matched word's parts are compared with. */
function queryWords(query: string): string[] {
  return plain(query)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** Lowercase, without accents (`Schrödinger` → `schrodinger`), as Pagefind compares words. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A matched word split where it has punctuation inside (`heads:(1`), the
 * parts the query matched marked, and the punctuation between two marked
 * parts (`KV-cache` for `kv cache`). A part matches a query word it begins
 * like (see `beginsLike`). The whole word is marked when the query has it
 * written as one (`gpt4o` for `GPT-4o`), or when no part matches (a
 * formula's key).
 */
function matchedParts(word: string, wanted: readonly string[]): ExcerptPart[] {
  const runs = word.match(/[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+/gu) ?? [word];
  const whole = [{ text: word, marked: true }];
  if (runs.length === 1 || wanted.length === 0) return whole;
  const isWord = (run: string) => /[\p{L}\p{N}]/u.test(run);
  const joined = plain(runs.filter(isWord).join(''));
  if (wanted.some((query) => query.length >= 3 && joined.startsWith(query) && query.length > plain(runs[0]!).length)) return whole;
  const hits = runs.map((run) => isWord(run) && wanted.some((query) => beginsLike(plain(run), query)));
  if (!hits.includes(true)) return whole;
  return runs.map((text, i) => ({ text, marked: hits[i]! || (!isWord(text) && hits[i - 1] === true && hits[i + 1] === true) }));
}

/**
 * Whether a part of a word is one the query word finds, roughly as Pagefind
 * does: a query word of one or two letters only itself; else a part that
 * begins with the query word's stem (`heads` finds `head`, `studies`
 * `study`), or the start of a word being typed (`atten` finds `attention`).
 */
function beginsLike(part: string, query: string): boolean {
  if (query.length <= 2) return part === query;
  const stem = query.length <= 4 ? query : query.slice(0, Math.max(4, query.length - 3));
  return part.startsWith(stem) || (part.length >= 3 && query.startsWith(part));
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
