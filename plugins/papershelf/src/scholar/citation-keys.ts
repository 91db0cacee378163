import { foldLatin } from '../text/latin-fold.ts';

/** What a citation key is made of. */
export interface KeyedPaper {
  slug: string;
  /** The day the paper joined the archive: earlier papers keep the plain key. */
  date: string;
  /** Year of publication; empty when unknown (the key then has no year). */
  year: string;
  authors: readonly string[];
  /** Title as plain text. */
  title: string;
}

const stopWords = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'towards',
  'toward',
  'via',
  'is',
  'are',
  'do',
  'does',
  'can',
  'how',
  'what',
  'why',
  'when',
  'from',
  'by',
  'at',
  'as',
  'be',
  'not',
]);
const nameSuffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Lower-case ASCII letters and digits only: `Łukasz` → `lukasz`. */
export function asciiWord(text: string): string {
  return foldLatin(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * `surname` + `year` + first word of the title that is not a stop word:
 * `vaswani2017attention`; without authors, the word then the year: `agla2025`.
 */
export function baseCitationKey(paper: Omit<KeyedPaper, 'slug' | 'date'>): string {
  const name =
    paper.authors[0]
      ?.trim()
      .split(/\s+/)
      .filter((part) => !nameSuffixes.has(asciiWord(part)))
      .at(-1) ?? '';
  const words = paper.title
    .split(/[\s\-–—:/]+/)
    .map(asciiWord)
    .filter(Boolean);
  const word = words.find((w) => !stopWords.has(w)) ?? words[0] ?? 'paper';
  const surname = asciiWord(name);
  return surname ? `${surname}${paper.year}${word}` : `${word}${paper.year}`;
}

/**
 * A unique citation key for every paper. Papers that share a key keep it in
 * the order they joined the archive (`date`, then slug): the first has the
 * plain key, later ones `b`, `c`, … So a key never changes when a newer
 * paper arrives.
 */
export function citationKeys(papers: readonly KeyedPaper[]): Map<string, string> {
  const ordered = [...papers].sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
  const used = new Set<string>();
  const keys = new Map<string, string>();
  for (const paper of ordered) {
    const base = baseCitationKey(paper);
    let key = base;
    for (let n = 1; used.has(key); n++) key = n < 26 ? `${base}${String.fromCharCode(97 + n)}` : `${base}${n + 1}`;
    used.add(key);
    keys.set(paper.slug, key);
  }
  return keys;
}
