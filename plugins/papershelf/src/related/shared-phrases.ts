import { proseOf, singular, stopWords } from './terms.ts';
import type { RelatedInput, RelatedPaper } from './related-papers.ts';

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
  return phrasesBetween(terms, phraseText(text), phraseText(other), limit);
}

/** A text made ready for `phrasesBetween`: its words, and every run of joined words it has, up to the longest phrase. */
interface PhraseText {
  text: string;
  words: Word[];
  phrases: Set<string>;
  /** Where each word occurs, by its key. */
  positions: Map<string, number[]>;
}

function phraseText(text: string): PhraseText {
  const words = wordsOf(text);
  const phrases = new Set<string>();
  const positions = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    const at = positions.get(words[i]!.key);
    if (at) at.push(i);
    else positions.set(words[i]!.key, [i]);
    let key = words[i]!.key;
    phrases.add(key);
    for (let j = i + 1; j < words.length && j < i + longestPhrase && words[j]!.joined; j++) {
      key += ` ${words[j]!.key}`;
      phrases.add(key);
    }
  }
  return { text, words, phrases, positions };
}

/** `sharedPhrases` of two prepared texts (a paper's text is prepared once for all its pairs). */
function phrasesBetween(terms: readonly string[], mine: PhraseText, theirs: PhraseText, limit: number): string[] {
  const text = mine.text;
  const found: { phrase: string; key: string }[] = [];
  for (const term of terms) {
    const best = longestAround(term.split(' '), mine, theirs.phrases);
    if (best) found.push({ phrase: text.slice(mine.words[best.from]!.start, mine.words[best.to]!.end), key: best.key });
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
  term: readonly string[],
  { words, positions }: PhraseText,
  theirs: ReadonlySet<string>,
): { from: number; to: number; key: string } | undefined {
  let best: { from: number; to: number; key: string } | undefined;
  for (const at of positions.get(term[0]!) ?? []) {
    if (at + term.length > words.length) break;
    if (!term.every((part, k) => words[at + k]!.key === part && (k === 0 || words[at + k]!.joined))) continue;
    const last = at + term.length - 1;
    for (let from = at; from >= 0 && at - from < longestPhrase; from--) {
      if (from < at && !words[from + 1]!.joined) break;
      if (stopWords.has(words[from]!.key)) continue;
      // The phrase from..to, grown one word at a time: its key, and whether an adverb is in it.
      let key = words[from]!.key;
      let adverb = isAdverb(key);
      for (let k = from + 1; k <= last; k++) {
        key += ` ${words[k]!.key}`;
        adverb ||= isAdverb(words[k]!.key);
      }
      for (let to = last; to < words.length && to - from < longestPhrase; to++) {
        if (to > last) {
          if (!words[to]!.joined) break;
          key += ` ${words[to]!.key}`;
          adverb ||= isAdverb(words[to]!.key);
        }
        // Every longer phrase holds the adverb too.
        if (adverb) break;
        if (stopWords.has(words[to]!.key)) continue;
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
  const prepared = new Map<string, PhraseText>();
  const prepare = (slug: string) => {
    let ready = prepared.get(slug);
    if (!ready) prepared.set(slug, (ready = phraseText(texts.get(slug) ?? '')));
    return ready;
  };
  const filled = new Map<string, RelatedPaper[]>();
  for (const [slug, list] of related) {
    filled.set(
      slug,
      list.map((r) => ({ ...r, phrases: known(slug, r) ?? phrasesBetween(r.shared, prepare(slug), prepare(r.slug), 3) })),
    );
  }
  return filled;
}
