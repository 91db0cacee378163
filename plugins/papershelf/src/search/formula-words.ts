// Formulas as search words. Papers write a formula many ways: TeX between delimiters (`\(O(n \log n)\)`), TeX that
// lost its delimiters or backslashes in scraping (`O(n^{1.5}d)`, `Oleft(n^2dright)`), Unicode (`O(n²)`, `7×`), and
// readers type yet others (`O(nlogn)`, `x2`, `QK^T`). Each becomes one key of lower-case letters and digits, the same
// at build time (words added to the index beside the formula) and in the search box (the query's formula replaced by
// its key), so any spelling finds any other. Pagefind itself would split `O(n^2)` into its own, different words.

import { splitTex } from '../markdown/tex-segments.ts';

/** TeX commands that only style or space a formula: dropped, their argument kept (`\mathcal{O}` → `O`). */
const styleCommands =
  /\\(?:math[a-z]+|operatorname\*?|text[a-z]*|boldsymbol|bm|mbox|displaystyle|textstyle|scriptstyle|left|right|[bB]ig+[lr]?|[,;:!>]|quad|qquad|[lc]?dots[a-z]*|cdot|limits|nolimits)(?![a-zA-Z])/g;

/** TeX commands written as another spelling readers use. */
const commandSpellings: Record<string, string> = {
  times: 'x',
  top: 'T',
  intercal: 'T',
  transpose: 'T',
  infty: 'inf',
  to: ' ',
  rightarrow: ' ',
  leftarrow: ' ',
};

/** Unicode a formula may be written in, as TeX. */
const unicodeTex: Record<string, string> = {
  '×': '\\times ',
  '·': ' ',
  '⋅': ' ',
  '√': '\\sqrt ',
  '⊤': '^T',
  '∞': '\\infty ',
  '−': '-',
  '∑': '\\sum ',
  '∏': '\\prod ',
  '∫': '\\int ',
  '≤': '\\le ',
  '≥': '\\ge ',
  '≈': '\\approx ',
  '∈': '\\in ',
  '∇': '\\nabla ',
  '∂': '\\partial ',
  '⁰': '^0',
  '¹': '^1',
  '²': '^2',
  '³': '^3',
  '⁴': '^4',
  '⁵': '^5',
  '⁶': '^6',
  '⁷': '^7',
  '⁸': '^8',
  '⁹': '^9',
  ⁿ: '^n',
  '⁻': '^-',
  ᵀ: '^T',
  ᵗ: '^t',
  ᵈ: '^d',
  ᵏ: '^k',
  ᵢ: '_i',
  ⱼ: '_j',
  ₖ: '_k',
  ₙ: '_n',
  ₜ: '_t',
  '₀': '_0',
  '₁': '_1',
  '₂': '_2',
  '₃': '_3',
  '₄': '_4',
  '₅': '_5',
  '₆': '_6',
  '₇': '_7',
  '₈': '_8',
  '₉': '_9',
};

const greek = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'omicron',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'chi',
  'psi',
  'omega',
];
// α…ω and Α…Ω as their TeX names (ς, the final sigma, sits between ρ and σ).
for (let i = 0; i < 25; i++) {
  const name = greek[i < 17 ? i : i - 1]!;
  if (i === 17) continue;
  unicodeTex[String.fromCodePoint(0x3b1 + i)] = `\\${name} `;
  unicodeTex[String.fromCodePoint(0x391 + i)] = `\\${name} `;
}
unicodeTex['ϵ'] = '\\epsilon ';
unicodeTex['φ'] = '\\phi ';
unicodeTex['ϑ'] = '\\theta ';

const unicodeMath = new RegExp(`[${Object.keys(unicodeTex).join('')}]`, 'g');

/**
 * The key of a formula: its letters and digits in lower case, after TeX's
 * styling is dropped and every spelling of the same symbol is made one
 * (`\times`, `×` → `x`; `\top`, `⊤` → `T`; `²` → `^2`; `α` → `alpha`).
 * `O(n \log n)`, `O(n log n)` and `O(nlogn)` are all `onlogn`; `\sqrt{d_k}`
 * and `√d_k` are `sqrtdk`; `d^{-1/2}` is `d12`.
 */
export function formulaKey(formula: string): string {
  return spellOut(formula)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A formula with Unicode, styling and command spellings normalised, still with its structure (for splitting). */
function spellOut(formula: string): string {
  return (
    formula
      .replace(unicodeMath, (c) => unicodeTex[c]!)
      // Scraping drops backslashes: `Oleft(n^2dright)` is `O\left(n^2d\right)`.
      .replace(/(?<!\\)(?:left|right)(?=[()[\]|])/g, '')
      .replace(styleCommands, ' ')
      .replace(/\\([a-zA-Z]+)/g, (_, name: string) => ` ${commandSpellings[name] ?? name} `)
  );
}

/** What a function-like formula applies to: `O(n \log n)` → `n \log n`; undefined for other formulas. */
function argumentOf(formula: string): string | undefined {
  const spelled = spellOut(formula)
    .replace(/[{}\s]+/g, ' ')
    .trim();
  const call = /^[A-Za-z]{1,2}\s*[([](.+)[)\]]$/.exec(spelled);
  return call?.[1];
}

/**
 * The words a text adds to the search index for its formulas: for each one
 * its key, the key of what a function-like formula applies to (`O(n^2)` →
 * `on2`, `n2`), and its letters and numbers as separate words (`n`, `2`), so
 * that a reader's `n log n` finds `O(n \log n)`. Keys of one character are
 * left out: they would match every `x` in every abstract.
 */
export function formulaSearchWords(text: string): string[] {
  const words = new Set<string>();
  for (const formula of formulasIn(text)) {
    const key = formulaKey(formula);
    if (key.length < 2) continue;
    words.add(key);
    const inside = argumentOf(formula);
    if (inside !== undefined) {
      const innerKey = formulaKey(inside);
      if (innerKey.length >= 2) words.add(innerKey);
    }
    for (const part of spellOut(formula)
      .toLowerCase()
      .split(/[^a-z0-9]+/))
      if (part) words.add(part);
  }
  return [...words];
}

/**
 * The formulas in a text: TeX between delimiters, and runs outside them that
 * are shaped like formulas although nothing marks them (`O(n^2)`, `x_2`,
 * `QK^\top`, `7×`, `O(T log T)`), the way titles and scraped abstracts carry them.
 */
export function formulasIn(text: string): string[] {
  const formulas: string[] = [];
  let rest = '';
  const segments = splitTex(text);
  segments.forEach((segment, i) => {
    if (segment.type === 'math') {
      formulas.push(segment.value);
      // A formula written into a word (`S\(^2\)-Attn`, `\(\ell_1\)-norm`) is also that whole word, as a reader
      // types it (`S^2-Attn`, `S²-Attn`): its part alone (`^2`) says little.
      const before = segments[i - 1]?.type === 'text' ? (/[^\s]*$/.exec(segments[i - 1]!.value)?.[0] ?? '') : '';
      const after = segments[i + 1]?.type === 'text' ? (/^[^\s]*/.exec(segments[i + 1]!.value)?.[0] ?? '') : '';
      const word = trimPunctuation(`${before}${segment.value}${after}`);
      if (word !== segment.value) formulas.push(word);
    }
    rest += segment.type === 'math' ? ' ' : segment.value;
  });
  for (const run of formulaRuns(rest)) formulas.push(run.text);
  return formulas;
}

interface Run {
  text: string;
  start: number;
  end: number;
}

// A word with a formula's marks: a sub- or superscript, a TeX command, braces, or a Unicode math sign.
const formulaMark = new RegExp(`[\\^_\\\\{}]|${unicodeMath.source}`);
// A function of a formula applied to something, opened in this word: `O(n`, `\mathcal{O}(1)`, `f(x)`.
const opensCall = /^(?:\\[a-zA-Z]+\{?[A-Za-z]\}?|[A-Za-z]|[A-Z][a-z]?left)\(/;

/** Runs of formula-shaped words in plain text, each with where it starts and ends. */
function formulaRuns(text: string): Run[] {
  const runs: Run[] = [];
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const opened = opensCall.test(word.text) ? depth(word.text) : 0;
    if (opened > 0) {
      // A call that closes within a few words: `O(T log T)`, `O(n \log n)`.
      let open = opened;
      let j = i;
      while (open > 0 && j + 1 < words.length && j - i < 5) open += depth(words[++j]!.text);
      if (open <= 0) {
        const last = words[j]!;
        const text = trimPunctuation(`${text_(words, i, j)}`);
        runs.push({ text, start: word.start, end: last.start + last.text.length });
        i = j;
        continue;
      }
    }
    // Trimming only removes characters, so a word with no formula mark and no bracket cannot be one: most words.
    if (!word.text.includes('(') && !formulaMark.test(word.text)) continue;
    const bare = trimPunctuation(word.text);
    if (bare.includes('://') || !(formulaMark.test(bare) || (opensCall.test(bare) && depth(bare) === 0))) continue;
    runs.push({ text: bare, start: word.start, end: word.start + word.text.length });
  }
  return runs;
}

function text_(words: { text: string }[], from: number, to: number): string {
  return words
    .slice(from, to + 1)
    .map((w) => w.text)
    .join(' ');
}

/** Brackets a word opens, less those it closes. */
function depth(word: string): number {
  return (word.match(/[([{]/g)?.length ?? 0) - (word.match(/[)\]}]/g)?.length ?? 0);
}

/** A word without the sentence's punctuation around it, and without a closing bracket it never opened. */
function trimPunctuation(word: string): string {
  let bare = word.replace(/^["'“‘(]+(?=[^)]*$)/, '').replace(/[.,;:!?"'”’]+$/, '');
  while (/[)\]}]$/.test(bare) && depth(bare) < 0) bare = bare.slice(0, -1);
  while (/^[([{]/.test(bare) && depth(bare) > 0) bare = bare.slice(1);
  return bare;
}

/**
 * Prefixes that are no word of their own (`re-identification`, `bi-level`,
 * `multi-head`), or a short word that makes a term with the word after it
 * (`in-context`, `on-device`): split off, each would be read as the start of
 * every word it starts ("re" finds "regions" and "rely", "in" finds "input"
 * and "infinite"), and papers do not write the term apart.
 */
const boundPrefixes =
  /(?<![\p{L}\p{N}])(?:re|bi|co|de|in|on|pre|non|sub|un|mis|tri|uni|semi|anti|multi|inter|intra|post|quasi|pseudo)-(?=\p{L})/giu;

/**
 * A query as the index spells formulas: each formula-shaped run replaced by
 * its key, the other words kept as typed but for a hyphen between letters,
 * which becomes a space: Pagefind indexes `self-attention` as `self` and
 * `attention` too, but reads the query `self-attention` as one word, which
 * missed the papers that write "self attention". A word that starts with a
 * bound prefix (`re-identification`) stays whole, which Pagefind finds
 * written with the hyphen or without (`reidentification`). A quoted phrase
 * is left alone (Pagefind matches it exactly).
 */
export function searchQuery(query: string): string {
  if (/^\s*".+"\s*$/.test(query)) return query;
  // The hyphens a PDF pastes (U+2010, U+2011) are read as the one a keyboard types.
  const delimited = splitTex(query.replace(/[\u2010\u2011]/g, '-'))
    .map((segment) => (segment.type === 'math' ? ` ${formulaKey(segment.value)} ` : segment.value))
    .join('');
  let result = '';
  let at = 0;
  for (const run of formulaRuns(delimited)) {
    const key = formulaKey(run.text);
    result += `${delimited.slice(at, run.start)}${key || run.text}`;
    at = run.end;
  }
  return (
    `${result}${delimited.slice(at)}`
      // A private-use character marks the hyphens that stay while the others become spaces: none is ever typed.
      .replace(boundPrefixes, (prefix) => prefix.replace('-', '\uE000'))
      // A hyphen between words of two letters or more; one with a single letter (`top-k`, `k-means`, `x-ray`) stays,
      // as a lone letter would be dropped from the query and find nothing on its own.
      .replace(/(?<=\p{L}{2})-(?=\p{L}{2})/gu, ' ')
      .replace(/\uE000/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The other spellings of a quoted phrase, which the search page searches
 * too: its words joined by hyphens where the typed phrase has spaces, and
 * apart where it has hyphens (`"KV cache"` → `"KV-cache"`; `"KV-cache"` →
 * `"KV cache"`). Empty for a query that is not one quoted phrase, or one of
 * more than four words.
 */
export function phraseVariants(query: string): string[] {
  const phrase = /^\s*"(.+)"\s*$/.exec(query)?.[1]?.trim();
  if (!phrase) return [];
  const words = phrase.split(/\s+/);
  const variants = new Set<string>();
  if (phrase.includes('-')) variants.add(phraseWords(phrase));
  if (words.length >= 2 && words.length <= 4) {
    // Every way of joining neighbouring words with a hyphen, fewest joins first.
    for (let mask = 1; mask < 1 << (words.length - 1); mask++) {
      variants.add(words.reduce((joined, word, i) => (i === 0 ? word : `${joined}${mask & (1 << (i - 1)) ? '-' : ' '}${word}`), ''));
    }
  }
  variants.delete(phrase);
  return [...variants].map((variant) => `"${variant}"`);
}

/**
 * A phrase's words, without its quotes and apart at its hyphens (`"KV-cache"`
 * → `KV cache`): what the papers of every spelling of it have.
 */
export function phraseWords(phrase: string): string {
  return phrase.replace(/"/g, '').replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
}
