import { termsOf, type Term } from './terms.ts';

/** What related papers are computed from. */
export interface RelatedInput {
  slug: string;
  title: string;
  /** The abstract as plain text (formulas are ignored). */
  text: string;
}

/** A related paper and why: the terms the two share that weigh most. */
export interface RelatedPaper {
  slug: string;
  /** Cosine similarity of the two TF-IDF vectors, 0–1. */
  score: number;
  /** Up to six shared terms, heaviest first; a shared bigram stands for its words (pages show phrases made from them). */
  shared: string[];
  /** The shared terms as whole phrases both papers write (`sharedPhrases`), when computed with the lists (see `withPhrases`). */
  phrases?: string[];
}

/** Options of `relatedPapers`. */
export interface RelatedOptions {
  /** Related papers per paper (default 5). */
  limit?: number;
  /** Terms of each paper used to look for neighbours, its heaviest first (default 24). */
  queryTerms?: number;
  /** Skip terms in more than this share of papers when looking (never fewer than 50 papers): they say little and cost most (default 0.1). */
  maxDocumentShare?: number;
  /** Leave out neighbours below this similarity (default 0.05). */
  minScore?: number;
  /** Papers kept per term when looking, those the term weighs most in (default 150). */
  postingsPerTerm?: number;
}

/**
 * Related papers for every paper: TF-IDF over words and bigrams of title
 * (counted twice) and abstract, cosine similarity, through an inverted
 * index. Each paper looks only through its heaviest terms, the commonest
 * terms are skipped, and each term keeps only the papers it weighs most in,
 * so the cost grows with the number of papers, not with its square. The
 * best candidates are then ranked by their full cosine. Deterministic: ties
 * go to the smaller slug.
 *
 * How far an edit ripples: a paper's list depends on its own terms, on the
 * papers that share them, and on those terms' document frequencies; the
 * archive's size counts only as a power of two. So editing, adding or
 * removing one paper can change only the lists of papers that share a term
 * with it (old or new text), and an incremental build re-renders just those.
 */
export function relatedPapers(inputs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedPaper[]> {
  const limit = options.limit ?? 5;
  const queryTerms = options.queryTerms ?? 24;
  const minScore = options.minScore ?? 0.05;
  const keep = options.postingsPerTerm ?? 150;
  const papers = [...inputs].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // The archive's size enters the weights only as a power of two, so a paper added or removed changes no other
  // paper's weights except through the terms it shares with them, until the archive doubles (see `sizeClass`).
  const n = sizeClass(papers.length);

  // Terms become numbers once, so vectors are typed arrays and dot products are merges.
  const termIds = new Map<Term, number>();
  const termNames: Term[] = [];
  const idOf = (term: Term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termNames.push(term) - 1;
      termIds.set(term, id);
    }
    return id;
  };
  const counts = papers.map((p) => {
    const terms = new Map<number, number>();
    const count = (term: Term, times: number) => {
      const id = idOf(term);
      terms.set(id, (terms.get(id) ?? 0) + times);
    };
    // The title counts twice.
    for (const term of termsOf(p.title)) count(term, 2);
    for (const term of termsOf(p.text)) count(term, 1);
    return terms;
  });
  // A bigram's two words, known by id: terms too (`termsOf` gives each word before the bigram it ends), but for a
  // generic word ("long" of "long context"), which is none (-1).
  const bigramWords = termNames.map((term) => {
    const space = term.indexOf(' ');
    return space < 0 ? undefined : ([termIds.get(term.slice(0, space)) ?? -1, termIds.get(term.slice(space + 1)) ?? -1] as const);
  });
  const documentFrequency = new Int32Array(termNames.length);
  for (const terms of counts) for (const id of terms.keys()) documentFrequency[id]!++;
  const maxDf = Math.max(50, Math.floor(n * (options.maxDocumentShare ?? 0.1)));

  // Smoothed idf: a term in every paper still weighs a little, so identical papers are each other's neighbours.
  const idf = Float64Array.from(documentFrequency, (df) => Math.log(1 + n / df));
  const vectors = counts.map((terms) => vectorOf(terms, documentFrequency, idf));
  const postings = buildPostings(vectors, documentFrequency, maxDf, keep, termNames.length);

  const related = new Map<string, RelatedPaper[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, doc) => {
    const query = Math.min(queryTerms, vector.byWeight.length);
    for (let q = 0; q < query; q++) {
      const at = vector.byWeight[q]!;
      const list = postings[vector.ids[at]!];
      if (!list) continue;
      const weight = vector.weights[at]!;
      for (let i = 0; i < list.docs.length; i++) {
        const other = list.docs[i]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * list.weights[i]!;
      }
    }
    // The search saw only the heaviest terms and postings; the best candidates are ranked again by their full cosine.
    const best = topCandidates(touched, scores, limit * 3)
      .map((other) => ({ other, score: round(dot(vector, vectors[other]!)) }))
      .filter(({ score }) => score >= minScore)
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, limit);
    related.set(
      papers[doc]!.slug,
      best.map(({ other, score }) => ({
        slug: papers[other]!.slug,
        score,
        shared: sharedTerms(vector, vectors[other]!, termNames, bigramWords),
      })),
    );
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
  });
  return related;
}

/** A unit-length TF-IDF vector: term ids ascending, their weights, and positions heaviest first. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  byWeight: Int32Array;
}

/**
 * The archive size the weights use: the number of papers rounded up to a
 * power of two. Idf would otherwise shift every weight whenever any paper is
 * added, and one new paper would re-rank (and re-render) every paper page.
 */
export function sizeClass(papers: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(papers, 2)));
}

function vectorOf(terms: ReadonlyMap<number, number>, documentFrequency: Int32Array, idf: Float64Array): Vector {
  // A term in one paper only can never be shared, so it is left out.
  const kept: number[] = [];
  for (const id of terms.keys()) if (documentFrequency[id]! >= 2) kept.push(id);
  const ids = Int32Array.from(kept).sort();
  const weights = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = (1 + Math.log(terms.get(ids[i]!)!)) * idf[ids[i]!]!;
  let norm = 0;
  for (const w of weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  const byWeight = Int32Array.from(ids.keys()).sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!);
  return { ids, weights, byWeight };
}

/**
 * For each term, the papers it weighs most in (impact-ordered pruning): at
 * most `keep` per term, none for terms in more than `maxDf` papers. This
 * bounds a paper's search by query terms × `keep` however large the archive.
 */
function buildPostings(vectors: readonly Vector[], documentFrequency: Int32Array, maxDf: number, keep: number, terms: number) {
  const lists: ([number, number][] | undefined)[] = new Array(terms);
  vectors.forEach((vector, doc) => {
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      if (documentFrequency[id]! > maxDf) continue;
      (lists[id] ??= []).push([doc, vector.weights[i]!]);
    }
  });
  return lists.map((list) => {
    if (!list) return undefined;
    if (list.length > keep) list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = keep;
    return { docs: Int32Array.from(list, ([doc]) => doc), weights: Float64Array.from(list, ([, weight]) => weight) };
  });
}

/** The `k` best-scoring papers among those touched, in one pass (no sort of them all): ties to the smaller index. */
function topCandidates(touched: readonly number[], scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const doc of touched) {
    if (top.length === k && !better(doc, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(doc, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = doc;
  }
  return top;
}

/** The cosine of two unit vectors: a merge of their sorted term ids. */
function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  return sum;
}

/**
 * The reason two papers are related: their shared terms that weigh most. A
 * shared bigram stands for its two words (and counts their weight), so the
 * reason reads "sparse attention", not "sparse, attention".
 */
function sharedTerms(
  a: Vector,
  b: Vector,
  names: readonly Term[],
  bigramWords: readonly (readonly [number, number] | undefined)[],
): string[] {
  // Shared term ids and their weights in this pair, ascending by id (a merge of the two vectors).
  const ids: number[] = [];
  const weights: number[] = [];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) {
      ids.push(a.ids[i]!);
      weights.push(a.weights[i++]! * b.weights[j++]!);
    } else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  const weightOf = (id: number) => {
    const at = binarySearch(ids, id);
    return at < 0 ? 0 : weights[at]!;
  };
  const inBigram = new Set<number>();
  for (const id of ids) {
    const words = bigramWords[id];
    if (words) inBigram.add(words[0]).add(words[1]);
  }
  const reasons: { term: Term; weight: number }[] = [];
  ids.forEach((id, at) => {
    const words = bigramWords[id];
    if (words) reasons.push({ term: names[id]!, weight: weights[at]! + (weightOf(words[0]) + weightOf(words[1])) });
    else if (!inBigram.has(id)) reasons.push({ term: names[id]!, weight: weights[at]! });
  });
  return reasons
    .sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1))
    .slice(0, sharedTermsKept)
    .map(({ term }) => term);
}

/** Where `value` is in the ascending `sorted`, or -1. */
function binarySearch(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else if (sorted[middle]! > value) high = middle - 1;
    else return middle;
  }
  return -1;
}

// Shared terms kept per related paper: enough for a page to find two phrases a reader recognises among them.
const sharedTermsKept = 6;

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
