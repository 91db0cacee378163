import { splitTex } from '../markdown/tex-segments.ts';

/** Words too common in any paper to say what it is about. */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above across after again against all almost also although always am among an and another any are around as at be
  because been before being below between both but by can could did do does doing done down during each either else enough
  especially etc even ever every few for from further had has have having here how however i if in into is it its itself
  just least less like made make makes making many may might more most much must namely near neither no nor not now of off
  often on once one only onto or other others otherwise our ours out over own per perhaps rather same several shall she
  should show shows shown significant significantly since so some such than that the their them themselves then there
  these they this those though through thus to together too toward towards under until up upon us use used uses using very
  via was we well were what when where whereas whether which while who whom whose why will with within without would yet
  you your new propose proposed present paper approach method methods results result work based novel existing achieve
  achieves demonstrate first two three however extensive experiments state art`.split(/\s+/),
);

/**
 * Words every kind of paper writes, which say what a paper is about only
 * beside another word: "long" in "long context", "space" in "latent space",
 * "real time".
 * They make no term alone (two papers that both "explore" several "aspects"
 * of the "world" are not related by it), but they do make bigrams.
 */
export const genericWords: ReadonlySet<string> = new Set(
  `ability able account actual addition additional address advance advantage aim allow already alternative aspect assess
  available best better beyond broad build built capability capable case cause central challenge challenging change claim
  clear closely common compare comparison complete complex complexity comprehensive concern consider consistent
  consistently contrast contribute contribution core correct cost critical crucial current currently deal degree depend
  dependency describe design despite detail determine develop development difference different difficult direct directly
  discuss diverse due easily effect effective effectively effectiveness effort emerge enable enhance ensure entire
  essential establish evaluate evidence example examine exhibit exist expected explain explore exploring express extend
  extent facilitate fact factor fail far field find finding focus follow form full fully fundamental furthermore future
  gain general generally give given goal good great greatly grow growing help high highly hold identify impact importance
  important improve improved improvement include including increase increasingly indeed insight instead introduce
  investigate involve issue key kind known lack large largely lead leading level leverage likely limit limitation limited
  little long look low main mainly maintain major manner mean measure moreover nature necessary need next notably number
  observe obtain offer open order overall part particular particularly perform play point possible potential practical
  practice previous previously primarily problem process produce promising property provide purpose question range rate
  real reason recent recently reduce refine regard relate relative relatively rely remain require requirement research
  respect respectively reveal rich rise role round see seek serve set setting simple simply single size small solution
  solve source space specific specifically standard step still strategy strong strongly study substantial substantially
  success successful suggest support take target term therefore third time type typical typically understand unique
  unlike usually value variety various vary way whole wide widely world worse following top paradigm concept abstract
  natural word overview`.split(/\s+/),
);

/** A term of a paper: a word or a pair of neighbouring words. */
export type Term = string;

/**
 * The terms of a text for similarity: formulas dropped, words lower-cased
 * (NFKC), stop words left out, a plural `s` taken off, generic words kept
 * for bigrams only, and every pair of neighbouring kept words as a bigram
 * ("sparse attention", "long context"). Words on either
 * side of a dropped word are not neighbours.
 */
export function termsOf(text: string): Term[] {
  const prose = proseOf(text);
  const terms: Term[] = [];
  let previous: string | undefined;
  for (const token of prose
    .normalize('NFKC')
    .toLowerCase()
    .split(/([\p{L}\p{N}]+(?:['’][\p{L}]+)?)/u)) {
    if (!/^[\p{L}\p{N}]/u.test(token)) {
      if (/[^\s-]/u.test(token)) previous = undefined; // punctuation ends a phrase; spaces and hyphens do not
      continue;
    }
    const word = singular(token.replace(/['’].*$/u, ''));
    if (word.length < 2 || stopWords.has(word) || /^\d+$/.test(word)) {
      previous = undefined;
      continue;
    }
    if (!genericWords.has(word)) terms.push(word);
    // Two generic words may make a term together ("mean field", "real time", "step size").
    if (previous) terms.push(`${previous} ${word}`);
    previous = word;
  }
  return terms;
}

/**
 * A text with each formula replaced by a full stop padded to the formula's
 * length: a formula ends a phrase, and every word keeps its position, so a
 * phrase found in the prose can be cut from the text as written.
 */
export function proseOf(text: string): string {
  if (!/[$\\]/.test(text)) return text;
  return splitTex(text)
    .map((s) => (s.type === 'math' ? '.'.padEnd(s.raw.length, ' ') : s.value))
    .join('');
}

/** A word without a plural `s` (`heads` → `head`, `studies` → `study`), as terms are counted. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}
