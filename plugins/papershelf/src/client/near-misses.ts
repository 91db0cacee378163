// Pagefind answers a word it has no match for with the words that share its longest indexed prefix (its issue #793):
// "atention" finds every "at", "retreival" every "re-". The search page shows such results as no match.

/** A query that is one phrase in double quotes, which Pagefind matches as typed. */
const quotedPhrase = /^\s*".+"\s*$/;

/** Pagefind's word boundaries in a result's content (its `word_separators`), as result-excerpt.ts splits them. */
const wordSeparators = /[^\S\uFEFF]+/;

/**
 * The words a result matched: its content's words at its `locations`,
 * lowercased, without the punctuation around them, and a hyphenated or
 * camel-case word also as its parts (Pagefind indexes both: `LongLoRA` as
 * `longlora`, `long`, `lo` and `ra`).
 */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = content.split(wordSeparators);
  return locations.flatMap((at) => {
    const written = (words[at] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const word = written.toLowerCase();
    const humps = written.split(/(?<=\p{Ll})(?=\p{Lu})/u).map((part) => part.toLowerCase());
    const parts = [...(word.includes('-') ? word.split('-') : []), ...(humps.length > 1 ? humps : [])];
    return [word, ...parts];
  });
}

/**
 * The query's words that none of the matched words begins like, which
 * Pagefind's fallback alone matched. A word of four letters or more is
 * matched by a word that shares its first three letters or more (a stem or a
 * prefix: `hallucinations` → `hallucination`, `atten` → `attention`), or
 * that it is that word with an ending (`learning` → `learn`), but not by a
 * shorter word it merely starts with (`protein` → `pro`). A shorter word
 * (`RAG`, `KV`) is matched only by a word that starts with it: the
 * fallback gives its first letters (`ra` of `LoRA`), when the reader typed
 * it (`typed`, the query before formulas became their keys). A quoted
 * phrase, numbers and formulas are left to Pagefind.
 */
export function nearMissWords(query: string, matched: readonly string[], typed = query): string[] {
  if (quotedPhrase.test(query)) return [];
  // A short word of the query sent that the reader did not type is a formula's key (`QK^T` is `qkt`): Pagefind's
  // nearest words for it (`qk`) are the formula's.
  const typedWords = new Set(queryWords(typed, 2));
  // A hyphenated word is one word written either way ("multi-modal", "multimodal", "bi-level", "bilevel"): such a word
  // is compared whole, hyphens taken out, and must begin the other (or the other it, but for an ending).
  const joined = matched.filter((word) => word.includes('-')).map((word) => word.replace(/-/g, ''));
  const sameWord = (other: string, word: string) =>
    other.startsWith(word) || (other.length >= 3 && word.startsWith(other) && word.length - other.length <= 3);
  const begins = (word: string, other: string) => {
    const shared = sharedPrefix(word, other);
    if (word.length < 4) return shared === word.length;
    if (shared === other.length) return sameWord(other, word);
    return shared >= 3;
  };
  return queryWords(query, 2).filter((word) => {
    const bare = word.replace(/-/g, '');
    if (bare.length < 4 && !typedWords.has(word)) return false;
    if (word.includes('-')) return ![...matched.map((other) => other.replace(/-/g, '')), ...joined].some((other) => sameWord(other, bare));
    return !matched.some((other) => begins(bare, other)) && !joined.some((other) => sameWord(other, bare));
  });
}

/**
 * A query's words, lower case, hyphenated ones whole, that are found or not
 * found comparably: four letters or more (a hyphenated word's taken
 * together) of a script that spaces its words; a Chinese or Japanese run is
 * one "word" of the content and not comparable. These are the words a
 * search page offers other spellings of.
 */
export function comparableWords(query: string): string[] {
  return queryWords(query, 4);
}

/** The query's words of `fewest` letters or more (a hyphenated word's taken together) of a script that spaces its words. */
function queryWords(query: string, fewest: number): string[] {
  const letters = new RegExp(`^[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]{${fewest},}$`, 'u');
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}-]+/u))].filter((word) => letters.test(word.replace(/-/g, '')));
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The query without its words of one letter or digit (`T log T` → `log`):
 * Pagefind matches each word as the start of words, so a lone `T` finds
 * every word that starts with a t, the whole archive. A quoted phrase is
 * left as typed, and so is a character of a script that does not space its
 * words (a Chinese or Japanese query may be one character).
 */
export function withoutLoneCharacters(query: string): string {
  if (quotedPhrase.test(query)) return query;
  return query
    .split(/\s+/)
    .filter((word) => !/^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]$/u.test(word))
    .join(' ')
    .trim();
}

/**
 * Spellings one common slip away from a word, the likeliest first: a letter
 * doubled (`atention` → `attention`), two neighbours swapped (`retreival` →
 * `retrieval`), a letter too many taken out (`attenntion` → `attention`).
 * The words a search page tries when a word is found nowhere, to offer the
 * one that is. A letter missing but for a double (`retrival`) is not tried:
 * any letter at any place is too many searches.
 */
export function oneSlipAway(word: string): string[] {
  const spellings = new Set<string>();
  for (let i = 0; i < word.length; i++) spellings.add(word.slice(0, i + 1) + word.slice(i));
  for (let i = 0; i + 1 < word.length; i++) spellings.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) spellings.add(word.slice(0, i) + word.slice(i + 1));
  spellings.delete(word);
  return [...spellings].filter((spelling) => spelling.length >= 3);
}
