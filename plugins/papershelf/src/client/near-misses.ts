// Pagefind answers a word it has no match for with the words that share its longest indexed prefix (its issue #793):
// "atention" finds every "at", "retreival" every "re-". The search page shows such results as no match.

/** A query that is one phrase in double quotes, which Pagefind matches as typed. */
const quotedPhrase = /^\s*".+"\s*$/;

/** Pagefind's word boundaries in a result's content (its `word_separators`), as result-excerpt.ts splits them. */
const wordSeparators = /[^\S\uFEFF]+/;

/**
 * The words a result matched: its content's words at its `locations`,
 * lowercased, without the punctuation around them, and a hyphenated word
 * also as its parts (Pagefind indexes both).
 */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = content.split(wordSeparators);
  return locations.flatMap((at) => {
    const word = (words[at] ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return word.includes('-') ? [word, ...word.split('-')] : [word];
  });
}

/**
 * The query's words that none of the matched words begins like: a word of
 * four letters or more whose matches share fewer than its first three
 * letters with it was matched only by Pagefind's fallback. A stem or a
 * prefix shares more (`hallucinations` → `hallucination`, `atten` →
 * `attention`). A quoted phrase, numbers and formulas are left to Pagefind.
 */
export function nearMissWords(query: string, matched: readonly string[]): string[] {
  if (quotedPhrase.test(query)) return [];
  // A hyphenated word is one word written either way ("multi-modal", "multimodal", "bi-level", "bilevel"): such a word
  // is compared whole, hyphens taken out, and must begin the other (or the other it, but for an ending).
  const joined = matched.filter((word) => word.includes('-')).map((word) => word.replace(/-/g, ''));
  const sameWord = (other: string, word: string) =>
    other.startsWith(word) || (other.length >= 3 && word.startsWith(other) && word.length - other.length <= 3);
  return comparableWords(query).filter((word) => {
    const bare = word.replace(/-/g, '');
    if (word.includes('-')) return ![...matched.map((other) => other.replace(/-/g, '')), ...joined].some((other) => sameWord(other, bare));
    return !matched.some((other) => sharedPrefix(bare, other) >= 3) && !joined.some((other) => sameWord(other, bare));
  });
}

const spacedScriptWord = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{4,}$/u;

/**
 * A query's words, lower case, hyphenated ones whole, that are found or not
 * found comparably: four letters or more (a hyphenated word's taken
 * together) of a script that spaces its words; a Chinese or Japanese run is
 * one "word" of the content and not comparable.
 */
export function comparableWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}-]+/u))].filter((word) => spacedScriptWord.test(word.replace(/-/g, '')));
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
