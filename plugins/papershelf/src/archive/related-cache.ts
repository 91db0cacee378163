import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relatedPapers, type RelatedInput, type RelatedPaper } from '../related/related-papers.ts';
import { withPhrases } from '../related/shared-phrases.ts';
import { cacheKeyOf } from './cache-key.ts';

/** Where related papers are kept between builds, and a digest of the code that computes them. */
export interface RelatedCacheFacts {
  /** A folder under Astro's cache folder. */
  folder: string;
  /** Digest of the related-papers code: another version of it must not reuse these lists. */
  code: string;
}

interface CachedLists {
  key: string;
  /** The code digest alone: phrases of an older build are reused only when the same code found them. */
  code: string;
  /** A digest of each paper's title and abstract, by slug. */
  texts: Record<string, string>;
  lists: [string, RelatedPaper[]][];
}

/**
 * Related papers, reused from the last build when no paper's title or
 * abstract changed (they are most of the archive model's cost: about 9 s at
 * 10,000 papers). Any change computes every list again, which keeps them
 * exactly what a clean build computes; without a cache folder they are
 * always computed.
 */
export function cachedRelatedPapers(
  facts: RelatedCacheFacts | undefined,
  /** Told whether the lists were taken whole from the cache (for the build's log). */
  onLookup?: (reused: boolean) => void,
): (inputs: readonly RelatedInput[]) => Map<string, RelatedPaper[]> {
  return (inputs) => {
    onLookup?.(false);
    if (!facts) return relatedPapers(inputs);
    // The collection's order is not fixed from one build to the next; the lists do not depend on it.
    const sorted = [...inputs].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const key = createHash('sha1').update(facts.code).update(JSON.stringify(sorted)).digest('hex');
    const file = relatedCacheFile(facts);
    const cached = readCache(file);
    if (cached?.key === key) {
      onLookup?.(true);
      return new Map(cached.lists);
    }
    // The reasons' phrases are kept with the lists. A pair's phrases depend only on the two texts and the terms
    // they share, so after an edit those of every pair whose texts and terms are unchanged are taken from the last build.
    const texts = Object.fromEntries(inputs.map((input) => [input.slug, cacheKeyOf([input.title, input.text])]));
    const earlier = new Map<string, string[]>();
    if (cached?.code === facts.code && cached.texts) {
      for (const [slug, list] of cached.lists) {
        if (cached.texts[slug] !== texts[slug]) continue;
        for (const r of list) if (r.phrases && cached.texts[r.slug] === texts[r.slug]) earlier.set(pairKey(slug, r), r.phrases);
      }
    }
    const related = withPhrases(relatedPapers(inputs), inputs, (slug, r) => earlier.get(pairKey(slug, r)));
    writeCache(file, { key, code: facts.code, texts, lists: [...related] });
    return related;
  };
}

/** The file the lists are kept in between builds. */
export function relatedCacheFile(facts: RelatedCacheFacts): string {
  return join(facts.folder, 'related-papers.json');
}

/**
 * Whether the last build's lists are kept for this code, so that computing
 * them again reuses their phrases (a rebuild's work) rather than finding
 * every pair's afresh (a cold build's, which needs more memory). After an
 * upgrade of Papershelf the file is there but from other code. Only its start
 * is read: the file is large, and the code digest is written second.
 */
export function hasPhrasesFor(facts: RelatedCacheFacts): boolean {
  let file: number | undefined;
  try {
    file = openSync(relatedCacheFile(facts), 'r');
    const start = Buffer.alloc(512);
    const length = readSync(file, start, 0, start.length, 0);
    return /"code":"([^"]*)"/.exec(start.toString('utf8', 0, length))?.[1] === facts.code;
  } catch {
    return false;
  } finally {
    if (file !== undefined) closeSync(file);
  }
}

/** A pair of papers and the terms they share: what their phrases are found from, besides the two texts. */
function pairKey(slug: string, related: RelatedPaper): string {
  return `${slug}\t${related.slug}\t${related.shared.join('|')}`;
}

function readCache(file: string): CachedLists | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CachedLists;
  } catch {
    return undefined;
  }
}

/** Written beside and renamed into place, so a build stopped half-way never leaves half a file to read. */
function writeCache(file: string, lists: CachedLists): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(`${file}.partial`, JSON.stringify(lists));
    renameSync(`${file}.partial`, file);
  } catch {
    // A cache that cannot be written costs the next build time, never correctness.
  }
}
