import { proseOf, singular, stopWords } from './terms.ts';

/** A word of a text: where it is, its form for matching, and whether it joins the word before (a space or hyphen). */
interface Word {
  start: number;
  end: number;
  key: string;
  joined: boolean;
}

// Longest phrase a reason may grow to, in words.
const longestPhrase = 6;

/**
 * Why two papers are related, in words a reader recognises: each shared
 * term (`supervised fine`, `multi head`) grown into the longest phrase that
 * both texts contain word for word (`supervised fine-tuning`, `multi-head
 * attention`), as the first text writes it; phrases inside a longer one are
 * dropped; phrases come before single words, in a sentence's case. Formulas
 * and punctuation end a phrase; a phrase never starts or ends with a stop
 * word.
 */
export function sharedPhrases(terms: readonly string[], text: string, other: string, limit = 3): string[] {
  const mine = wordsOf(text);
  const theirs = wordsOf(other);
  const theirPhrases = new Set<string>();
  for (let i = 0; i < theirs.length; i++) {
    let key = theirs[i]!.key;
    theirPhrases.add(key);
    for (let j = i + 1; j < theirs.length && j < i + longestPhrase && theirs[j]!.joined; j++) {
      key += ` ${theirs[j]!.key}`;
      theirPhrases.add(key);
    }
  }
  const found: { phrase: string; key: string }[] = [];
  for (const term of terms) {
    const best = longestAround(term.split(' '), mine, theirPhrases);
    if (best) found.push({ phrase: text.slice(mine[best.from]!.start, mine[best.to]!.end), key: best.key });
  }
  const kept = found.filter(
    ({ key }, i) => !found.some((other, j) => j !== i && other.key !== key && ` ${other.key} `.includes(` ${key} `)),
  );
  const unique = [...new Map(kept.map((f) => [f.key, readerCase(f.phrase)])).values()];
  // Phrases of two words or more say more than a lone word ("object", "data"): they come first, each kind in term order.
  const isPhrase = (text: string) => /[\s-]/.test(text);
  return [...unique.filter(isPhrase), ...unique.filter((text) => !isPhrase(text))].slice(0, limit);
}

/**
 * A phrase as a sentence would write it: a title's capitalised words in
 * lower case (`Large Vision-Language Models`), acronyms and words with inner
 * capitals kept (`LVLMs`, `MMLU-Pro`).
 */
function readerCase(phrase: string): string {
  return phrase.replace(/(^|[^\p{L}\p{N}])(\p{Lu}\p{Ll}+)(?=$|[^\p{L}\p{N}])/gu, (whole, before: string, word: string, offset: number) => {
    const previous = /[\p{L}\p{N}]+-$/u.exec(phrase.slice(0, offset + before.length))?.[0];
    return previous && /\p{Lu}.*\p{Lu}/u.test(previous) ? whole : `${before}${word.toLowerCase()}`;
  });
}

/** The longest run of joined words around an occurrence of `term` that the other text also has; undefined if none. */
function longestAround(
  term: readonly string[],
  words: readonly Word[],
  theirs: ReadonlySet<string>,
): { from: number; to: number; key: string } | undefined {
  let best: { from: number; to: number; key: string } | undefined;
  for (let at = 0; at + term.length <= words.length; at++) {
    if (!term.every((part, k) => words[at + k]!.key === part && (k === 0 || words[at + k]!.joined))) continue;
    for (let from = at; from >= 0 && at - from < longestPhrase; from--) {
      if (from < at && !words[from + 1]!.joined) break;
      for (let to = at + term.length - 1; to < words.length && to - from < longestPhrase; to++) {
        if (to > at + term.length - 1 && !words[to]!.joined) break;
        if (stopWords.has(words[from]!.key) || stopWords.has(words[to]!.key)) continue;
        if (words.slice(from, to + 1).some((word) => isAdverb(word.key))) continue;
        const key = words
          .slice(from, to + 1)
          .map((w) => w.key)
          .join(' ');
        // Of equally long phrases the last found wins: the abstract's sentence case rather than the title's capitals.
        if (theirs.has(key) && (!best || to - from >= best.to - best.from)) best = { from, to, key };
      }
    }
  }
  return best;
}

// Words in -ly that are not adverbs, common in papers: "anomaly detection" is a phrase.
const lyNouns = new Set([
  'anomaly',
  'assembly',
  'family',
  'supply',
  'apply',
  'reply',
  'multiply',
  'monopoly',
  'poly',
  'ally',
  'rally',
  'early',
  'daily',
  'weekly',
  'friendly',
]);

/** An adverb makes a clause of a phrase ("models frequently fail", "typically rely"): no reason holds one. */
function isAdverb(word: string): boolean {
  return (word.length > 4 && word.endsWith('ly') && !lyNouns.has(word)) || word === 'often';
}

/** The words of a text, formulas left out (a formula ends a phrase). */
function wordsOf(text: string): Word[] {
  const prose = proseOf(text);
  const words: Word[] = [];
  let last = -1;
  for (const match of prose.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const start = match.index;
    const between = last < 0 ? '' : prose.slice(last, start);
    words.push({
      start,
      end: start + match[0].length,
      key: singular(
        match[0]
          .normalize('NFKC')
          .toLowerCase()
          .replace(/['’].*$/u, ''),
      ),
      joined: last >= 0 && /^[\s-]*$/u.test(between) && between.length > 0,
    });
    last = start + match[0].length;
  }
  return words;
}
