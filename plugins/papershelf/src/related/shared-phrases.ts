import { proseOf, singular, stopWords } from './terms.ts';
import type { RelatedInput, RelatedPaper } from './related-papers.ts';

// Longest phrase a reason may grow to, in words.
const longestPhrase = 6;
// Phrases a reason names: two say why as well as three did, in a third less of every related line of every page.
const phrasesPerReason = 2;

/**
 * Why two papers are related, in words a reader recognises: each shared
 * term (`supervised fine`, `multi head`) grown into the longest phrase that
 * both texts contain word for word (`supervised fine-tuning`, `multi-head
 * attention`), as the first text writes it; phrases inside a longer one are
 * dropped; phrases come before single words, in a sentence's case. Formulas
 * and punctuation end a phrase; a phrase never starts or ends with a stop
 * word.
 */
export function sharedPhrases(terms: readonly string[], text: string, other: string, limit = phrasesPerReason): string[] {
  const words = new WordKeys();
  return phrasesBetween(terms, phraseText(text, words), phraseText(other, words), words, limit);
}

/**
 * The words of many texts, each spelling (as matched: lower case, singular) a number, so a prepared text is a few
 * typed arrays. Preparing every text of a large archive as strings and objects took gigabytes at 20,000 papers.
 */
class WordKeys {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Per id, as bits: 1 for a stop word, 2 for an adverb (see `isAdverb`); a word can be both (`often`). */
  private kinds: Uint8Array = new Uint8Array(1024);

  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.names.push(key) - 1;
      this.ids.set(key, id);
      if (id >= this.kinds.length) {
        const grown = new Uint8Array(this.kinds.length * 2);
        grown.set(this.kinds);
        this.kinds = grown;
      }
      this.kinds[id] = (stopWords.has(key) ? 1 : 0) | (isAdverb(key) ? 2 : 0);
    }
    return id;
  }
  /** The id of a word as written (`Heads`, `heads’`): its matched spelling worked out once per spelling seen. */
  ofWritten(word: string): number {
    let id = this.written.get(word);
    if (id === undefined) {
      id = this.id(
        singular(
          word
            .normalize('NFKC')
            .toLowerCase()
            .replace(/['’].*$/u, ''),
        ),
      );
      this.written.set(word, id);
    }
    return id;
  }
  private readonly written = new Map<string, number>();
  find(key: string): number | undefined {
    return this.ids.get(key);
  }
  isStop(id: number): boolean {
    return (this.kinds[id]! & 1) !== 0;
  }
  isAdverb(id: number): boolean {
    return (this.kinds[id]! & 2) !== 0;
  }
  phrase(ids: ArrayLike<number>, from: number, to: number): string {
    let key = this.names[ids[from]!]!;
    for (let k = from + 1; k <= to; k++) key += ` ${this.names[ids[k]!]!}`;
    return key;
  }
}

/** A text made ready for `phrasesBetween`: its words as numbers, where each is in the text, and which join the one before. */
interface PhraseText {
  text: string;
  /** Each word's spelling as matched (a `WordKeys` id). */
  keys: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where a word follows the one before with only spaces or hyphens between: the two can be in one phrase. */
  joined: Uint8Array;
  /** Word positions ordered by key, then position: where each word occurs, found by binary search. */
  byKey: Int32Array;
}

function phraseText(text: string, words: WordKeys): PhraseText {
  const prose = proseOf(text);
  const keys: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const joined: number[] = [];
  let last = -1;
  for (const match of prose.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const start = match.index;
    keys.push(words.ofWritten(match[0]));
    starts.push(start);
    ends.push(start + match[0].length);
    joined.push(last >= 0 && start > last && onlySpacesOrHyphens(prose, last, start) ? 1 : 0);
    last = start + match[0].length;
  }
  const byKey = Int32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return {
    text,
    keys: Int32Array.from(keys),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    joined: Uint8Array.from(joined),
    byKey,
  };
}

/** Whether `text` between `from` and `to` holds only white space and hyphens (words there can join in one phrase). */
function onlySpacesOrHyphens(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A single space, the usual case, is tested before the regular expression.
    if (c !== 32 && c !== 45 && !/[\s-]/u.test(text[i]!)) return false;
  }
  return true;
}

/** The positions of a word in a prepared text, in order. */
function positionsOf(text: PhraseText, key: number): Int32Array {
  const { byKey, keys } = text;
  let low = 0;
  let high = byKey.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[byKey[mid]!]! < key) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < byKey.length && keys[byKey[end]!] === key) end++;
  return byKey.subarray(low, end);
}

/**
 * The longest run of joined words starting at `from` in `mine` that `theirs` also has as a run of joined words,
 * in words (at most `longestPhrase`); 0 when `theirs` lacks even the first word.
 */
function longestCommonRun(mine: PhraseText, from: number, theirs: PhraseText): number {
  let longest = 0;
  for (const at of positionsOf(theirs, mine.keys[from]!)) {
    let length = 1;
    while (
      length < longestPhrase &&
      from + length < mine.keys.length &&
      at + length < theirs.keys.length &&
      mine.joined[from + length] === 1 &&
      theirs.joined[at + length] === 1 &&
      mine.keys[from + length] === theirs.keys[at + length]
    )
      length++;
    if (length > longest) longest = length;
  }
  return longest;
}

/** `sharedPhrases` of two prepared texts (a paper's text is prepared once for all its pairs). */
function phrasesBetween(terms: readonly string[], mine: PhraseText, theirs: PhraseText, words: WordKeys, limit: number): string[] {
  const text = mine.text;
  const found: { phrase: string; key: string }[] = [];
  for (const term of terms) {
    const ids = term.split(' ').map((part) => words.find(part));
    if (ids.some((id) => id === undefined)) continue;
    const best = longestAround(ids as number[], mine, theirs, words);
    if (best)
      found.push({ phrase: text.slice(mine.starts[best.from]!, mine.ends[best.to]!), key: words.phrase(mine.keys, best.from, best.to) });
  }
  const kept = found.filter(
    ({ key }, i) => !isWeakReason(key) && !found.some((other, j) => j !== i && other.key !== key && ` ${other.key} `.includes(` ${key} `)),
  );
  const unique = [...new Map(kept.map((f) => [f.key, readerCase(f.phrase)])).values()];
  // Phrases of two words or more say more than a lone word ("object", "data"): they come first, each kind in term order.
  const isPhrase = (text: string) => /[\s-]/.test(text);
  return [...unique.filter(isPhrase), ...unique.filter((text) => !isPhrase(text))].slice(0, limit);
}

/**
 * A phrase that says nothing of what two papers share: a lone verb in the
 * past (`called`, `proposed`; `speed` and `embed` are not), or a phrase
 * that opens with a number (`1 point`, `4 points`).
 */
function isWeakReason(key: string): boolean {
  const words = key.split(' ');
  return /^\d+$/.test(words[0]!) || (words.length === 1 && /^\p{L}{3,}[^e]ed$/u.test(words[0]!));
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
  term: readonly number[],
  mine: PhraseText,
  theirs: PhraseText,
  words: WordKeys,
): { from: number; to: number } | undefined {
  const { keys, joined } = mine;
  let best: { from: number; to: number } | undefined;
  for (const at of positionsOf(mine, term[0]!)) {
    if (at + term.length > keys.length) break;
    if (!term.every((part, k) => keys[at + k] === part && (k === 0 || joined[at + k] === 1))) continue;
    const last = at + term.length - 1;
    for (let from = at; from >= 0 && at - from < longestPhrase; from--) {
      if (from < at && joined[from + 1] !== 1) break;
      if (words.isStop(keys[from]!)) continue;
      // The longest phrase from here that the other text has; the phrase must still reach past the term's end.
      const common = longestCommonRun(mine, from, theirs);
      if (from + common - 1 < last) continue;
      // Whether an adverb is in the phrase from..to, grown one word at a time.
      let adverb = false;
      for (let k = from; k < last; k++) adverb ||= words.isAdverb(keys[k]!);
      for (let to = last; to < keys.length && to - from < longestPhrase; to++) {
        if (to > last && joined[to] !== 1) break;
        adverb ||= words.isAdverb(keys[to]!);
        // Every longer phrase holds the adverb too.
        if (adverb) break;
        if (to - from + 1 > common) break;
        if (words.isStop(keys[to]!)) continue;
        // Of equally long phrases the last found wins: the abstract's sentence case rather than the title's capitals.
        if (!best || to - from >= best.to - best.from) best = { from, to };
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

/** A paper's text as its related papers' reasons read it: the title, then the abstract. */
export function reasonText(paper: Pick<RelatedInput, 'title' | 'text'>): string {
  return `${paper.title}. ${paper.text}`;
}

/**
 * Related lists with each related paper's phrases filled in, so that they
 * can be kept with the lists between builds (finding them for 10,000 papers
 * takes longer than restoring every page).
 */
export function withPhrases(
  related: ReadonlyMap<string, RelatedPaper[]>,
  inputs: readonly RelatedInput[],
  /** Phrases already known for a pair (from an earlier build, for the same texts and terms), else undefined. */
  known: (slug: string, related: RelatedPaper) => string[] | undefined = () => undefined,
): Map<string, RelatedPaper[]> {
  const texts = new Map(inputs.map((input) => [input.slug, reasonText(input)]));
  const words = new WordKeys();
  const prepared = new Map<string, PhraseText>();
  const prepare = (slug: string) => {
    let ready = prepared.get(slug);
    if (!ready) prepared.set(slug, (ready = phraseText(texts.get(slug) ?? '', words)));
    return ready;
  };
  const filled = new Map<string, RelatedPaper[]>();
  for (const [slug, list] of related) {
    filled.set(
      slug,
      list.map((r) => ({
        ...r,
        phrases: known(slug, r) ?? phrasesBetween(r.shared, prepare(slug), prepare(r.slug), words, phrasesPerReason),
      })),
    );
  }
  return filled;
}
