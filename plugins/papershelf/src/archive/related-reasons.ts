import type { Archive } from './build-archive.ts';
import type { Paper } from '../paper/paper.ts';
import { reasonText, sharedPhrases } from '../related/shared-phrases.ts';

/** A related paper as its page shows it: which paper, and the phrases the two share. */
export interface RelatedReason {
  slug: string;
  /** Up to two phrases both papers contain word for word (see `sharedPhrases`). */
  phrases: string[];
}

const memo = new WeakMap<Paper, RelatedReason[]>();

/**
 * A paper's related papers with their reasons in readers' words, computed
 * once per paper of a model (its page and its cache key both read them).
 */
export function relatedReasons(paper: Paper, archive: Archive): RelatedReason[] {
  let reasons = memo.get(paper);
  if (!reasons) {
    const text = textOf(paper);
    reasons = (archive.related.get(paper.slug) ?? []).map((related) => {
      const other = archive.bySlug.get(related.slug);
      // Found with the lists when they come from the related cache; else found here.
      const phrases = related.phrases ?? (other ? sharedPhrases(related.shared, text, textOf(other)) : []);
      return { slug: related.slug, phrases };
    });
    memo.set(paper, reasons);
  }
  return reasons;
}

function textOf(paper: Paper): string {
  return reasonText({ title: paper.titleText, text: paper.abstract });
}
